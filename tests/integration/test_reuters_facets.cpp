/// @file test_reuters_facets.cpp
/// @brief Facets of the Reuters-21578 index: sums, drill-downs, spies, the facet cache and
/// remote shards.
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

std::uint64_t sum_counts(const searcher::Facet& f) {
    return std::accumulate(f.values.begin(), f.values.end(), std::uint64_t{0},
                           [](std::uint64_t n, const auto& v) { return n + v.count; });
}

}  // namespace

TEST_CASE("single-valued facet counts sum to the match count", "[reuters]") {
    for (const char* text : {"oil", "bank AND rate", "\"trade deficit\"", "opec"}) {
        CAPTURE(text);
        auto request = query(text);
        request.facets = {"source", "date", "entity", "category"};
        request.date_bucket = searcher::DateBucket::day;
        const auto result = search(request);
        REQUIRE(result.total_exact);
        CHECK(sum_counts(facet(result, "source")) == result.total);
        CHECK(sum_counts(facet(result, "date")) == result.total);
        // Multi-valued: the top entity cannot be on more documents than matched.
        const auto& entities = facet(result, "entity");
        REQUIRE_FALSE(entities.values.empty());
        CHECK(entities.values.front().count <= result.total);
    }
}

TEST_CASE("an entity facet count equals the size of its drill-down", "[reuters]") {
    auto request = query("grain");
    request.facets = {"place"};
    const auto result = search(request);
    const auto& places = facet(result, "place");
    REQUIRE(places.values.size() >= 3);
    for (std::size_t i = 0; i < 3; ++i) {
        auto drill = query("grain");
        drill.entities = {"place:" + places.values[i].value};
        CAPTURE(places.values[i].value);
        CHECK(search(drill).total == places.values[i].count);
    }
}

TEST_CASE("item spies, stock spies and the facet cache count the same facets", "[reuters]") {
    searcher::Searcher items(reuters_index().dir.string());
    searcher::Searcher stock(reuters_index().dir.string());
    stock.use_facet_spies(searcher::FacetSpies::stock);
    searcher::Searcher cached(reuters_index().dir.string());
    cached.use_caches(true);
    for (const char* text : {"", "grain", "oil prices", "\"interest rates\"", "title:yen"}) {
        CAPTURE(text);
        const auto by_items = items.search(all_facets(text));
        const auto by_stock = stock.search(all_facets(text));
        const auto by_cache = cached.search(all_facets(text));
        CHECK(by_items.total == by_stock.total);
        CHECK(by_cache.total == by_stock.total);
        CHECK(facet_lines(by_items).size() > 20);
        CHECK(facet_lines(by_items) == facet_lines(by_stock));
        CHECK(facet_lines(by_cache) == facet_lines(by_stock));
        // And with a limit, where ties at the cut decide what is shown.
        auto top = all_facets(text);
        top.facet_limit = 20;
        CHECK(facet_lines(cached.search(top)) == facet_lines(items.search(top)));
    }
    CHECK(cached.facet_cache_bytes() > 0);
}

TEST_CASE("facets counted from a walk of the posting lists equal the spies' counts", "[reuters]") {
    // With the facet cache, a simple query's matches are walked from posting lists and counted
    // by docid (MatchSet); the spies count inside the matcher. Every value of every facet and
    // the total must agree, for each shape the walk handles and one it leaves to the spies.
    searcher::Searcher spies(reuters_index().dir.string());
    searcher::Searcher walked(reuters_index().dir.string());
    walked.use_caches(true);
    struct Case {
        const char* text;
        std::vector<std::string> sources;
        std::vector<std::string> categories;
        std::vector<std::string> entities;
    };
    const std::vector<Case> cases{
        {"abolition", {}, {}, {}},              // a rare word
        {"said", {}, {}, {}},                   // a word in most stories
        {"coffee cocoa sugar", {}, {}, {}},     // OR of words
        {"oil AND prices", {}, {}, {}},         // AND
        {"oil AND NOT opec", {}, {}, {}},       // NOT
        {"grain wheat", {"Reuters"}, {}, {}},   // words + --source
        {"trade", {}, {"grain", "ship"}, {}},   // words + --category
        {"oil", {}, {}, {"place:iran"}},        // words + --entity
        {"bank", {}, {"money-fx"}, {"japan"}},  // two filters
        {"", {}, {}, {}},                       // every document
        {"", {}, {"cocoa"}, {}},                // a filter alone
        {"title:yen", {}, {}, {}},              // a prefixed term
        {"\"interest rates\"", {}, {}, {}},     // a phrase: left to the spies
    };
    for (const auto& c : cases) {
        for (const auto bucket : {searcher::DateBucket::month, searcher::DateBucket::year}) {
            CAPTURE(c.text, c.sources, c.categories, c.entities, static_cast<int>(bucket));
            auto request = all_facets(c.text);
            request.sources = c.sources;
            request.categories = c.categories;
            request.entities = c.entities;
            request.date_bucket = bucket;
            const auto by_spies = spies.search(request);
            const auto by_walk = walked.search(request);
            CHECK(by_spies.total > 0);
            CHECK(by_walk.total_exact);
            CHECK(by_walk.total == by_spies.total);
            CHECK(facet_lines(by_walk) == facet_lines(by_spies));
        }
    }
}

TEST_CASE("facets over remote shards are exact: stock spies, merged by Xapian", "[reuters]") {
    // Two xapian-progsrv shards serving the same index: our spy cannot run there, so the
    // searcher falls back to stock spies, and every count must come out exactly doubled.
    const std::string dir = reuters_index().dir.string();
    Xapian::Database shards = Xapian::Remote::open("xapian-progsrv", dir);
    shards.add_database(Xapian::Remote::open("xapian-progsrv", dir));
    searcher::Searcher remote(shards, searcher::Backend::remote);
    remote.use_caches(true);  // asked for, but a remote database cannot have one
    searcher::Searcher local(dir);
    for (const char* text : {"", "grain"}) {
        CAPTURE(text);
        const auto over_shards = remote.search(all_facets(text));
        const auto over_local = local.search(all_facets(text));
        CHECK(over_shards.total == 2 * over_local.total);
        CHECK(facet_lines(over_shards) == facet_lines(over_local, 2));
    }
}
