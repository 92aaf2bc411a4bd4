/// @file test_reuters_search.cpp
/// @brief Searches of the Reuters-21578 index: phrases, snippets, dates and filters.
#include <xapian.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cctype>
#include <cmath>
#include <numeric>
#include <regex>
#include <set>

#include "common/date.hpp"
#include "common/json_writer.hpp"
#include "common/schema.hpp"
#include "common/stored_fields.hpp"
#include "common/stored_fields_compression.hpp"
#include "common/text.hpp"
#include "corpus/readers/input_reader.hpp"
#include "integration/reuters_index.hpp"
#include "searcher/cached/bm25_source.hpp"
#include "searcher/cached/document_lengths.hpp"
#include "searcher/query_builder.hpp"
#include "searcher/searcher.hpp"
#include "support/article_collector.hpp"
#include "support/test_support.hpp"

using namespace newsdex;
using namespace newsdex::test;
namespace fs = std::filesystem;

namespace {

/// Whether `text` has two adjacent words whose English stems are `first` and `second`. Words
/// are runs of letters, digits and inner apostrophes, lower-cased, as Xapian splits them.
bool has_adjacent_stems(const std::string& text, const std::string& first,
                        const std::string& second) {
    const Xapian::Stem stem("english");
    std::string previous;
    std::string word;
    const auto word_byte = [](unsigned char c) { return std::isalnum(c) || c >= 0x80; };
    for (std::size_t i = 0; i <= text.size(); ++i) {
        const auto c = i < text.size() ? static_cast<unsigned char>(text[i]) : ' ';
        const bool inner_apostrophe = c == '\'' && !word.empty() && i + 1 < text.size() &&
                                      word_byte(static_cast<unsigned char>(text[i + 1]));
        if (word_byte(c) || inner_apostrophe) {
            word += static_cast<char>(std::tolower(c));
            continue;
        }
        if (word.empty()) continue;
        const std::string current = stem(word);
        if (previous == first && current == second) return true;
        previous = current;
        word.clear();
    }
    return false;
}

}  // namespace

TEST_CASE("an empty query matches every document and facets describe the archive", "[reuters]") {
    auto request = query("");
    request.facets = {"source", "date"};
    const auto result = search(request);
    CHECK(result.total == kReutersStories);
    CHECK(result.total_exact);
    const auto& sources = facet(result, "source");
    REQUIRE(sources.values.size() == 1);
    CHECK(sources.values[0].value == "Reuters");
    CHECK(sources.values[0].count == kReutersStories);
    // Months of the DATE fields as written in the SGML. SOURCE.md says Mar 11,540, but its
    // five figures add up to 21,574: counting the files gives 11,544.
    const auto& dates = facet(result, "date");
    CHECK(dates.bucket == "month");
    std::vector<std::pair<std::string, std::uint64_t>> months;
    for (const auto& v : dates.values) months.emplace_back(v.value, v.count);
    CHECK(months == std::vector<std::pair<std::string, std::uint64_t>>{{"1987-02", 229},
                                                                       {"1987-03", 11544},
                                                                       {"1987-04", 5661},
                                                                       {"1987-06", 2552},
                                                                       {"1987-10", 1592}});
}

TEST_CASE("a phrase query matches the stems adjacent and in order", "[reuters]") {
    // Phrases match stems, as Lucene's do: "interest rates", "interest rate", "interests rate".
    const auto result = search(query("\"interest rates\"", 200));
    REQUIRE(result.total > 100);
    REQUIRE(result.hits.size() == 200);
    std::size_t singular = 0;
    for (const auto& hit : result.hits) {
        CAPTURE(hit.id);
        const StoredFields fields = stored(hit.id);
        // Title and body apart: a phrase does not span the two.
        CHECK((has_adjacent_stems(fields.title, "interest", "rate") ||
               has_adjacent_stems(fields.body, "interest", "rate")));
        const std::string text = to_lower(collapse_whitespace(fields.title + " " + fields.body));
        if (text.find("interest rates") == std::string::npos) ++singular;
    }
    CHECK(singular > 0);  // some hits say only "interest rate"
    // The words alone match far more documents than the phrase.
    CHECK(search(query("interest AND rates")).total > result.total);
    // In order: the reversed phrase is rare ("... rates. Interest ..." does not count).
    CHECK(search(query("\"rates interest\"")).total < result.total / 10);
}

TEST_CASE("snippets highlight the words of phrases and wildcards, words by their stems",
          "[reuters]") {
    // A phrase's terms are stems; its snippets mark each of its words where they stand
    // together, e.g. "[[interest]] [[rates]]".
    std::size_t phrases_marked = 0;
    const std::regex marked_phrase(R"(\[\[interest\w*\]\] \[\[rate\w*\]\])");
    const auto phrase = search(query("\"interest rates\"", 50));
    for (const auto& hit : phrase.hits)
        if (std::regex_search(to_lower(hit.snippet), marked_phrase)) ++phrases_marked;
    CHECK(phrases_marked > phrase.hits.size() / 2);
    // A wildcard expands over stems (Zinflat, Zinflationari) and marks the words it matched.
    const auto wildcard = search(query("infla*", 50));
    REQUIRE(wildcard.total > 100);
    std::size_t wildcards_marked = 0;
    for (const auto& hit : wildcard.hits)
        if (to_lower(hit.snippet).find("[[infla") != std::string::npos) ++wildcards_marked;
    CHECK(wildcards_marked > wildcard.hits.size() / 2);
    CHECK(wildcard.total >= search(query("inflation")).total);
    bool singular = false, plural = false;
    for (const auto& hit : search(query("rates", 50)).hits) {
        const std::string text = to_lower(hit.snippet);
        singular = singular || text.find("[[rate]]") != std::string::npos;
        plural = plural || text.find("[[rates]]") != std::string::npos;
    }
    CHECK(singular);
    CHECK(plural);
}

TEST_CASE("a date range returns only dates inside the range", "[reuters]") {
    const auto result = search(query("oil date:1987-04-01..1987-04-15", 500));
    REQUIRE(result.total > 0);
    for (const auto& hit : result.hits) {
        CAPTURE(hit.id, hit.date);
        CHECK(hit.date.substr(0, 10) >= "1987-04-01");
        CHECK(hit.date.substr(0, 10) <= "1987-04-15");
    }
    // The same window through the options gives the same matches.
    auto with_options = query("oil");
    with_options.from = "1987-04-01";
    with_options.to = "1987-04-15";
    CHECK(search(with_options).total == result.total);
    // A month alone covers the month.
    auto march = query("date:1987-03");
    march.facets = {"date"};
    const auto in_march = search(march);
    CHECK(in_march.total == 11544);
}

TEST_CASE("date ranges as date terms match what the date slot's value range matched",
          "[reuters][dates]") {
    const Xapian::Database db(reuters_index().dir.string());
    searcher::QueryBuilder builder(db, "");
    const auto docids = [&db](const Xapian::Query& q) {
        Xapian::Enquire enquire(db);
        enquire.set_query(q);
        std::set<Xapian::docid> ids;
        for (const auto& m : enquire.get_mset(0, db.get_doccount())) ids.insert(m);
        return ids;
    };
    // The filter before date terms: a value range on the date slot (UTC seconds).
    const auto value_range = [](std::optional<std::int64_t> first,
                                std::optional<std::int64_t> last) {
        const auto s = [](std::int64_t t) { return Xapian::sortable_serialise(double(t)); };
        if (first && last)
            return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, 0, s(*first), s(*last));
        if (first) return Xapian::Query(Xapian::Query::OP_VALUE_GE, 0, s(*first));
        return Xapian::Query(Xapian::Query::OP_VALUE_LE, 0, s(*last));
    };
    struct Range {
        const char* from;  // a period, or "" for an open end
        const char* to;
        bool any;  // whether Reuters has stories in it (February to October 1987)
    };
    const Range ranges[] = {
        {"1987-03-26", "1987-03-26", true},  // one day
        {"1987-03-30", "1987-04-02", true},  // a few days across a month end
        {"1987-04", "1987-04", true},        // a month
        {"1986-12-20", "1987-03-01", true},  // across a year end
        {"1987", "1987", true},              // a whole year
        {"1987-06-15", "", true},            // open-ended from
        {"", "1987-03-02", true},            // open-ended to
        {"1987-05", "1987-05", false},       // no stories in May
        {"1987-07-01", "1987-09-30", false},
        {"1990", "1995", false},  // outside the corpus years
        {"", "1986-12-31", false},
    };
    for (const char* text : {"", "oil"}) {
        for (const auto& r : ranges) {
            CAPTURE(text, r.from, r.to);
            searcher::SearchRequest request;
            request.query = text;
            std::optional<std::int64_t> first;
            std::optional<std::int64_t> last;
            if (*r.from) {
                request.from = r.from;
                first = parse_date_period(r.from)->first;
            }
            if (*r.to) {
                request.to = r.to;
                last = parse_date_period(r.to)->last;
            }
            const auto by_terms = docids(builder.build(request));
            const auto by_value = docids(Xapian::Query(
                Xapian::Query::OP_FILTER, builder.parse(text), value_range(first, last)));
            CHECK(by_terms == by_value);
            CHECK(!by_terms.empty() == r.any);
        }
    }
    // Date terms make a date range a query the facet cache walks from posting lists (MatchSet):
    // its counts equal the spies'.
    searcher::Searcher spies(reuters_index().dir.string());
    searcher::Searcher walked(reuters_index().dir.string());
    walked.use_caches(true);
    for (const char* text : {"oil", "date:1987-03-30..1987-04-02", "trade date:1987-04"}) {
        CAPTURE(text);
        auto request = all_facets(text);
        request.from = "1987-03-02";
        const auto by_spies = spies.search(request);
        const auto by_walk = walked.search(request);
        CHECK(by_spies.total > 0);
        CHECK(by_walk.total == by_spies.total);
        CHECK(facet_lines(by_walk) == facet_lines(by_spies));
    }
}

TEST_CASE("source, entity and category filters keep only what they name", "[reuters]") {
    auto by_source = query("coffee");
    by_source.sources = {"reuters"};
    CHECK(search(by_source).total == search(query("coffee")).total);
    by_source.sources = {"Nobody Times"};
    CHECK(search(by_source).total == 0);

    auto japan = query("trade place:japan", 300);
    const auto in_japan = search(japan);
    REQUIRE(in_japan.total > 0);
    for (const auto& hit : in_japan.hits) {
        CAPTURE(hit.id);
        CHECK(std::any_of(hit.entities.begin(), hit.entities.end(), [](const Entity& e) {
            return e.type == EntityType::place && to_lower(e.name) == "japan";
        }));
    }

    auto cocoa = query("", 500);
    cocoa.categories = {"cocoa"};
    const auto cocoa_result = search(cocoa);
    REQUIRE(cocoa_result.total > 0);
    for (const auto& hit : cocoa_result.hits) {
        CAPTURE(hit.id);
        CHECK(std::count(hit.categories.begin(), hit.categories.end(), "cocoa") == 1);
    }
    CHECK(search(query("category:cocoa")).total == cocoa_result.total);
}
