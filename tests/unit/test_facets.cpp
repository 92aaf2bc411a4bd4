/// @file test_facets.cpp
/// @brief Searcher on a small in-memory index: exact facets, date buckets, filters, sorting.
#include <xapian.h>

#include <catch2/catch.hpp>
#include <numeric>
#include <string>
#include <vector>

#include "common/article.hpp"
#include "common/date.hpp"
#include "common/error.hpp"
#include "indexer/document_builder.hpp"
#include "searcher/searcher.hpp"
#include "support/test_support.hpp"

using namespace newsdex;
using searcher::DateBucket;
using searcher::Facet;
using searcher::SearchRequest;
using searcher::SearchResult;
using searcher::SortOrder;

namespace {

Entity person(const char* name) {
    return {EntityType::person, name, EntityOrigin::given};
}
Entity org(const char* name) {
    return {EntityType::org, name, EntityOrigin::given};
}
Entity place(const char* name) {
    return {EntityType::place, name, EntityOrigin::given};
}

Article article(const char* id, const char* source, std::optional<Timestamp> date,
                const char* title, const char* body, std::vector<Entity> entities,
                std::vector<std::string> categories) {
    Article a;
    a.id = id;
    a.source = source;
    a.date = date;
    a.title = title;
    a.body = body;
    a.entities = std::move(entities);
    a.categories = std::move(categories);
    return a;
}

Timestamp at(int year, int month, int day, int hour = 12) {
    return {to_epoch_seconds(year, month, day, hour), true};
}

/// Six stories: three sources, days over three months, one undated, overlapping entities.
Xapian::WritableDatabase sample_index() {
    const std::vector<Article> articles{
        article("a1", "Reuters", at(1987, 3, 2, 9), "Oil prices rise", "Crude oil prices rose.",
                {org("OPEC"), place("Iran")}, {"crude"}),
        article("a2", "Reuters", at(1987, 3, 2, 15), "OPEC meets", "Oil ministers met in Vienna.",
                {org("OPEC"), person("Paul Volcker")}, {"crude", "money-fx"}),
        article("a3", "AP", at(1987, 3, 15), "Iran exports", "Iran sold more oil abroad.",
                {place("Iran")}, {"crude"}),
        article("a4", "AP", at(1987, 4, 1), "Fed chairman speaks", "Interest rates stay put.",
                {person("Paul Volcker")}, {"money-fx"}),
        article("a5", "Global Dispatch", at(1987, 5, 20), "Gulf tension", "Oil tankers wait.",
                {place("Iran"), org("OPEC"), person("Paul Volcker")}, {"crude"}),
        article("a6", "AP", std::nullopt, "Undated wire", "Oil and gas, date unknown.", {}, {}),
    };
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    indexer::DocumentBuilder builder;
    for (const auto& a : articles) db.add_document(builder.build(a));
    db.commit();
    return db;
}

SearchResult search(SearchRequest request) {
    searcher::Searcher searcher(sample_index());
    return searcher.search(request);
}

const Facet& facet(const SearchResult& result, const std::string& name) {
    for (const auto& f : result.facets)
        if (f.name == name) return f;
    FAIL("no facet " << name);
    throw;  // not reached
}

/// "value=count" for each value, in order: readable in failure messages.
std::vector<std::string> counts(const Facet& f) {
    std::vector<std::string> out;
    for (const auto& v : f.values) out.push_back(v.value + "=" + std::to_string(v.count));
    return out;
}

std::vector<std::string> ids(const SearchResult& result) {
    std::vector<std::string> out;
    for (const auto& hit : result.hits) out.push_back(hit.id);
    return out;
}

std::uint64_t sum(const Facet& f) {
    return std::accumulate(f.values.begin(), f.values.end(), std::uint64_t{0},
                           [](std::uint64_t n, const auto& v) { return n + v.count; });
}

}  // namespace

TEST_CASE("facets over the whole archive are exact and ordered", "[facets]") {
    SearchRequest request;
    request.facets = {"source", "date", "entity", "category"};
    const auto result = search(request);
    CHECK(result.total == 6);
    CHECK(result.total_exact);
    REQUIRE(result.facets.size() == 4);
    CHECK(result.facets[0].name == "source");  // in the order requested
    CHECK(counts(facet(result, "source")) ==
          std::vector<std::string>{"AP=3", "Reuters=2", "Global Dispatch=1"});
    CHECK(sum(facet(result, "source")) == result.total);
    // Multi-valued: ties ordered by value.
    CHECK(counts(facet(result, "entity")) ==
          std::vector<std::string>{"org:OPEC=3", "person:Paul Volcker=3", "place:Iran=3"});
    CHECK(counts(facet(result, "category")) == std::vector<std::string>{"crude=4", "money-fx=2"});
    // 80 days from first to last: months; the undated story is in no bucket.
    CHECK(facet(result, "date").bucket == "month");
    CHECK(counts(facet(result, "date")) ==
          std::vector<std::string>{"1987-03=3", "1987-04=1", "1987-05=1"});
}

TEST_CASE("facets count the matches of the query, not the page", "[facets]") {
    SearchRequest request;
    request.query = "oil";
    request.limit = 1;
    request.facets = {"source", "person", "place"};
    const auto result = search(request);
    CHECK(result.total == 5);  // a4 does not mention oil
    CHECK(result.hits.size() == 1);
    CHECK(counts(facet(result, "source")) ==
          std::vector<std::string>{"AP=2", "Reuters=2", "Global Dispatch=1"});
    CHECK(sum(facet(result, "source")) == result.total);
    // Typed facets show the bare name.
    CHECK(counts(facet(result, "person")) == std::vector<std::string>{"Paul Volcker=2"});
    CHECK(counts(facet(result, "place")) == std::vector<std::string>{"Iran=3"});
}

TEST_CASE("the facet limit keeps the largest values and counts the rest", "[facets]") {
    SearchRequest request;
    request.facets = {"source"};
    request.facet_limit = 1;
    const auto result = search(request);
    const auto& source = facet(result, "source");
    CHECK(counts(source) == std::vector<std::string>{"AP=3"});
    CHECK(source.other_values == 2);
}

TEST_CASE("date buckets: automatic from the span, or as asked", "[facets]") {
    SearchRequest request;
    request.facets = {"date"};
    request.from = "1987-03";
    request.to = "1987-03";
    auto result = search(request);
    CHECK(facet(result, "date").bucket == "day");
    CHECK(counts(facet(result, "date")) ==
          std::vector<std::string>{"1987-03-02=2", "1987-03-15=1"});

    request.from.reset();
    request.to.reset();
    request.date_bucket = DateBucket::year;
    result = search(request);
    CHECK(facet(result, "date").bucket == "year");
    CHECK(counts(facet(result, "date")) == std::vector<std::string>{"1987=5"});

    request.date_bucket = DateBucket::day;
    CHECK(facet(search(request), "date").values.size() == 4);
}

TEST_CASE("option filters and query fields select the right stories", "[facets]") {
    SearchRequest request;
    request.sort = SortOrder::oldest;
    request.sources = {"reuters"};
    CHECK(ids(search(request)) == std::vector<std::string>{"a1", "a2"});

    request.sources = {"reuters", "global dispatch"};
    CHECK(ids(search(request)) == std::vector<std::string>{"a1", "a2", "a5"});

    request.sources.clear();
    request.entities = {"person:paul volcker"};
    request.categories = {"crude"};
    CHECK(ids(search(request)) == std::vector<std::string>{"a2", "a5"});

    SearchRequest fields;
    fields.sort = SortOrder::oldest;
    fields.query = "source:AP category:crude";
    CHECK(ids(search(fields)) == std::vector<std::string>{"a3"});
    fields.query = "entity:opec date:1987-03";
    CHECK(ids(search(fields)) == std::vector<std::string>{"a1", "a2"});
    fields.query = "date:1987-03-10..1987-04";
    CHECK(ids(search(fields)) == std::vector<std::string>{"a3", "a4"});
}

TEST_CASE("sorting by date puts undated stories last both ways", "[facets]") {
    SearchRequest request;
    request.sort = SortOrder::newest;
    CHECK(ids(search(request)) == std::vector<std::string>{"a5", "a4", "a3", "a2", "a1", "a6"});
    request.sort = SortOrder::oldest;
    CHECK(ids(search(request)) == std::vector<std::string>{"a1", "a2", "a3", "a4", "a5", "a6"});

    request.offset = 2;
    request.limit = 2;
    const auto page = search(request);
    CHECK(ids(page) == std::vector<std::string>{"a3", "a4"});
    CHECK(page.hits.front().rank == 3);
    CHECK(page.total == 6);
}

TEST_CASE("hits carry stored fields, a BM25 score and a highlighted snippet", "[facets]") {
    SearchRequest request;
    request.query = "tankers";
    const auto result = search(request);
    REQUIRE(result.hits.size() == 1);
    const auto& hit = result.hits.front();
    CHECK(hit.id == "a5");
    CHECK(hit.title == "Gulf tension");
    CHECK(hit.source == "Global Dispatch");
    CHECK(hit.date.substr(0, 10) == "1987-05-20");
    CHECK(hit.score > 0);
    CHECK(hit.snippet == "Oil [[tankers]] wait.");
    CHECK(hit.categories == std::vector<std::string>{"crude"});
    CHECK(hit.entities.size() == 3);

    // Without query words there is nothing to highlight: the start of the body.
    SearchRequest all;
    all.sources = {"global dispatch"};
    CHECK(search(all).hits.at(0).snippet == "Oil tankers wait.");
}

TEST_CASE("no matches is an empty result, unknown facets a usage error", "[facets]") {
    SearchRequest request;
    request.query = "zeppelin";
    request.facets = {"source", "date"};
    const auto result = search(request);
    CHECK(result.total == 0);
    CHECK(result.hits.empty());
    CHECK(facet(result, "source").values.empty());
    CHECK(facet(result, "date").values.empty());

    request.facets = {"colour"};
    CHECK_THROWS_AS(search(request), UsageError);
}

TEST_CASE("snippets are plain text, and a lead is cut at a word", "[facets]") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    indexer::DocumentBuilder builder;
    db.add_document(
        builder.build(article("x1", "Wire", at(1987, 3, 2), "Results",
                              "AT&T <T> said profits rose sharply on Monday.", {}, {})));
    searcher::Searcher searcher(db);

    SearchRequest request;
    request.query = "profits";
    // MSet::snippet escapes for HTML; the result must not.
    CHECK(searcher.search(request).hits.at(0).snippet ==
          "AT&T <T> said [[profits]] rose sharply on Monday.");

    request.query.clear();
    request.snippet_length = 21;  // "AT&T <T> said profits" is 21 bytes
    CHECK(searcher.search(request).hits.at(0).snippet == "AT&T <T> said profits...");
    request.snippet_length = 0;
    CHECK(searcher.search(request).hits.at(0).snippet.empty());
}

TEST_CASE("the facet cache counts what the spies count, and follows new documents", "[facets]") {
    // On disk, as a long-lived searcher meets an index: it sees the revision it opened
    // until reopen().
    const std::string dir = test::fresh_dir("facet-cache").string();
    Xapian::WritableDatabase writer(dir, Xapian::DB_CREATE_OR_OVERWRITE);
    const Xapian::Database sample = sample_index();
    for (Xapian::docid id = 1; id <= sample.get_lastdocid(); ++id)
        writer.add_document(sample.get_document(id));
    writer.commit();

    searcher::Searcher cached{Xapian::Database(dir)};
    cached.use_caches(true);
    SearchRequest request;
    request.facets = {"source", "date", "entity", "category"};
    CHECK(counts(facet(cached.search(request), "entity")) ==
          std::vector<std::string>{"org:OPEC=3", "person:Paul Volcker=3", "place:Iran=3"});
    CHECK(counts(facet(cached.search(request), "source")) ==
          std::vector<std::string>{"AP=3", "Reuters=2", "Global Dispatch=1"});

    indexer::DocumentBuilder builder;
    writer.add_document(builder.build(article("a7", "reuters", at(1987, 6, 1), "More oil",
                                              "Oil again.", {place("Iran")}, {"crude"})));
    writer.delete_document(4);  // AP, Paul Volcker, money-fx, April
    writer.commit();
    CHECK(counts(facet(cached.search(request), "source")) ==
          std::vector<std::string>{"AP=3", "Reuters=2", "Global Dispatch=1"});  // not reopened
    CHECK(cached.reopen());
    const auto after = cached.search(request);
    // "reuters" joins "Reuters" (one facet key), shown in the form most documents have.
    CHECK(counts(facet(after, "source")) ==
          std::vector<std::string>{"Reuters=3", "AP=2", "Global Dispatch=1"});
    CHECK(counts(facet(after, "entity")) ==
          std::vector<std::string>{"place:Iran=4", "org:OPEC=3", "person:Paul Volcker=2"});
    CHECK(counts(facet(after, "date")) ==
          std::vector<std::string>{"1987-03=3", "1987-05=1", "1987-06=1"});
    searcher::Searcher uncached{Xapian::Database(dir)};
    for (const auto& name : request.facets)
        CHECK(counts(facet(after, name)) == counts(facet(uncached.search(request), name)));
}

TEST_CASE("the facet cache sees documents added to a shared in-memory index", "[facets]") {
    Xapian::WritableDatabase db = sample_index();
    searcher::Searcher cached(db);
    cached.use_caches(true);
    SearchRequest request;
    request.facets = {"category"};
    CHECK(counts(facet(cached.search(request), "category")) ==
          std::vector<std::string>{"crude=4", "money-fx=2"});
    indexer::DocumentBuilder builder;
    db.add_document(builder.build(
        article("a7", "AP", at(1987, 6, 1), "Rates", "Rates again.", {}, {"money-fx"})));
    CHECK(counts(facet(cached.search(request), "category")) ==
          std::vector<std::string>{"crude=4", "money-fx=3"});
}
