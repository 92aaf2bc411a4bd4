/// @file search_request.hpp
/// @brief What a caller asks the Searcher for: query, filters, ordering, page and facets.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace newsdex::searcher {

/// Result order.
enum class SortOrder { relevance, newest, oldest };

/// Bucket size of the date histogram facet.
enum class DateBucket { automatic, day, month, year };

/// A search. Values of one filter are OR'd; different filters are AND'd with each other and
/// with the query. An empty query matches every document.
struct SearchRequest {
    std::string query;                    ///< Xapian QueryParser syntax with newsdex fields
    std::vector<std::string> sources;     ///< --source
    std::vector<std::string> entities;    ///< --entity: "name" (any type) or "type:name"
    std::vector<std::string> categories;  ///< --category
    std::optional<std::string> from;      ///< --from: a date period; its first second
    std::optional<std::string> to;        ///< --to: a date period; its last second
    /// The moment relative dates (`today`, `7d`, `date:"last 7 days"`) count from, UTC
    /// seconds: --now or the clock, filled by the caller. Unset: only absolute dates parse.
    std::optional<std::int64_t> now;
    /// Widen free text with the index's synonym table (`usa` also finds "united states");
    /// --no-synonyms: off.
    bool synonyms = true;
    SortOrder sort = SortOrder::relevance;
    std::uint32_t offset = 0;
    std::uint32_t limit = 10;
    /// Facet names: source, date, entity, person, org, place, category.
    std::vector<std::string> facets;
    std::uint32_t facet_limit = 10;  ///< values per facet, largest first (not for date)
    DateBucket date_bucket = DateBucket::automatic;
    /// Stem the query words in this language only (ISO 639-1 code or Snowball name); empty:
    /// in each language the index holds, each applied to that language's documents.
    std::string language;
    std::uint32_t snippet_length = 200;  ///< bytes of text per snippet; 0 = no snippets
    /// One hit per story: copies of a story (the same cluster key, see cluster_copies()) are
    /// collapsed into its best-ranked one, which lists them (Hit::copies).
    bool collapse = true;
    /// Also say what the query became (SearchResult::parsed_query; explain_query()).
    bool explain = false;
};

}  // namespace newsdex::searcher
