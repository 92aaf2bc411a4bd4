/// @file page_stories.hpp
/// @brief A scraped page's text split into its stories: the main article and listed teasers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "common/article.hpp"

namespace newsdex::corpus {

/// The stories on a scraped page's text (see read_page): the main article, then each teaser an
/// aggregator listing introduces, in page order, page furniture dropped and stories with no
/// text left out. Each comes with its title, body, origin_line, authors, date and
/// date_inferred, and the source the page names for it (a dateline or sign-off, else the
/// listing's aggregator; may be empty); `reference` is "now" for listing ages and missing
/// years. Ids, origin_file and default sources are the caller's to set.
[[nodiscard]] std::vector<Article> page_stories(std::string_view text, std::int64_t reference);

/// Whether the first bytes of a file show at least `min_signals` lines that only scraped pages
/// have: widget headings, promotions, bare dates, aggregator listing lines.
[[nodiscard]] bool looks_like_page(std::string_view head, std::size_t min_signals);

}  // namespace newsdex::corpus
