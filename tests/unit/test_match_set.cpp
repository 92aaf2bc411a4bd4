/// @file test_match_set.cpp
/// @brief MatchSet walks a simple query into exactly the docids Xapian's matcher finds.
#include <xapian.h>

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "common/article.hpp"
#include "common/date.hpp"
#include "indexer/document_builder.hpp"
#include "searcher/cached/match_set.hpp"
#include "searcher/cached/term_bitmaps.hpp"
#include "searcher/searcher.hpp"

using namespace newsdex;
using newsdex::searcher::MatchSet;
using newsdex::searcher::TermBitmaps;
using Q = Xapian::Query;

namespace {

constexpr Xapian::docid kDocs = 3000;

/// Documents 1..3000; document d holds "m2" when 2 divides it, "m3", "m7", "m97" likewise,
/// "r1000" when 1000 does, and "p<d%5>" (one of five). Every 11th is deleted, so docids have
/// gaps and MatchAll must not be 1..last.
Xapian::WritableDatabase numbers_index() {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    for (Xapian::docid d = 1; d <= kDocs; ++d) {
        Xapian::Document doc;
        for (const unsigned m : {2U, 3U, 7U, 97U, 1000U})
            if (d % m == 0) doc.add_term((m == 1000 ? "r" : "m") + std::to_string(m));
        doc.add_term("p" + std::to_string(d % 5));
        doc.add_posting("w", 1);
        doc.add_posting(d % 2 == 0 ? "even" : "odd", 2);
        db.add_document(doc);
    }
    for (Xapian::docid d = 11; d <= kDocs; d += 11) db.delete_document(d);
    db.commit();
    return db;
}

/// What Xapian's matcher finds: every match, by docid.
std::vector<Xapian::docid> matcher_docids(const Xapian::Database& db, const Q& query) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    std::vector<Xapian::docid> out;
    for (const auto docid : enquire.get_mset(0, db.get_doccount(), db.get_doccount()))
        out.push_back(docid);
    return out;
}

Q term(const char* t) {
    return Q(t);
}

Q op(Q::op o, std::vector<Q> subqueries) {
    return Q(o, subqueries.begin(), subqueries.end());
}

}  // namespace

TEST_CASE("MatchSet finds exactly the matcher's docids, with or without term bitmaps",
          "[match_set]") {
    const Xapian::Database db = numbers_index();
    REQUIRE(db.get_doccount() < db.get_lastdocid());  // deleted documents leave gaps
    const std::vector<std::pair<const char*, Q>> queries{
        {"rare term", term("r1000")},
        {"common term", term("m2")},
        {"missing term", term("nowhere")},
        {"MatchAll", Q::MatchAll},
        {"MatchNothing", Q::MatchNothing},
        {"OR of two", op(Q::OP_OR, {term("m7"), term("m97")})},
        {"OR of many", op(Q::OP_OR, {term("m7"), term("m97"), term("r1000"), term("p1")})},
        {"AND rare with common", op(Q::OP_AND, {term("m2"), term("m97")})},
        {"AND of commons", op(Q::OP_AND, {term("m2"), term("m3"), term("p0")})},
        {"AND with a missing term", op(Q::OP_AND, {term("m2"), term("nowhere")})},
        {"AND_NOT", op(Q::OP_AND_NOT, {term("m3"), term("m2")})},
        {"AND_NOT of a rare one", op(Q::OP_AND_NOT, {term("m2"), term("m97"), term("m7")})},
        {"MatchAll AND_NOT", op(Q::OP_AND_NOT, {Q::MatchAll, term("m3")})},
        {"FILTER", op(Q::OP_FILTER, {term("m7"), op(Q::OP_OR, {term("p1"), term("p2")})})},
        {"FILTER of MatchAll", op(Q::OP_FILTER, {Q::MatchAll, term("m97")})},
        {"AND_MAYBE", op(Q::OP_AND_MAYBE, {term("m97"), term("m2")})},
        {"scaled", Q(Q::OP_SCALE_WEIGHT, term("m7"), 2.5)},
        // The shape of a multi-language query: each parse filtered to its language.
        {"languages",
         op(Q::OP_OR, {op(Q::OP_FILTER, {op(Q::OP_OR, {term("m7"), term("m97")}), term("even")}),
                       op(Q::OP_FILTER, {term("m3"), term("odd")})})},
        {"nested",
         op(Q::OP_AND_NOT,
            {op(Q::OP_AND, {op(Q::OP_OR, {term("m3"), term("m7"), term("r1000")}), term("p3")}),
             op(Q::OP_AND, {term("m2"), op(Q::OP_OR, {term("p3"), term("m97")})})})},
        {"OR inside AND, probed",
         op(Q::OP_AND, {term("r1000"), op(Q::OP_OR, {term("m2"), term("m3")})})},
    };
    TermBitmaps bitmaps(db);
    for (const auto& [name, query] : queries) {
        CAPTURE(name, query.get_description());
        REQUIRE(MatchSet::supports(query));
        const auto expected = matcher_docids(db, query);
        CHECK(MatchSet(db, query).docids() == expected);
        CHECK(MatchSet(db, query, &bitmaps).docids() == expected);
    }
    CHECK(bitmaps.memory_bytes() > 0);  // common terms were read into bitmaps
    CHECK(MatchSet(db, Q::MatchAll).size() == db.get_doccount());
}

TEST_CASE("MatchSet leaves positional, value and expanding queries to the matcher", "[match_set]") {
    const Xapian::Database db = numbers_index();
    const std::vector<Q> refused{
        Q(Q::OP_PHRASE, term("w"), term("even")),
        Q(Q::OP_NEAR, term("w"), term("odd")),
        Q(Q::OP_VALUE_RANGE, 0, "a", "b"),
        Q(Q::OP_SYNONYM, term("m2"), term("m3")),
        Q(Q::OP_WILDCARD, "m"),
        Q(Q::OP_ELITE_SET, term("m2"), term("m3")),
        // Refused anywhere inside, not only at the top.
        op(Q::OP_AND, {term("m2"), Q(Q::OP_PHRASE, term("w"), term("even"))}),
    };
    for (const auto& query : refused) {
        CAPTURE(query.get_description());
        CHECK_FALSE(MatchSet::supports(query));
        CHECK_THROWS(MatchSet(db, query));
    }
    // The optional side of AND_MAYBE only weights: it may be anything.
    const Q maybe(Q::OP_AND_MAYBE, term("m97"), Q(Q::OP_PHRASE, term("w"), term("even")));
    REQUIRE(MatchSet::supports(maybe));
    CHECK(MatchSet(db, maybe).docids() == matcher_docids(db, maybe));
}

TEST_CASE("a faceted search walked through the facet cache counts what the spies count",
          "[match_set]") {
    // Stories in two sources, three months, with entities and categories; one deleted.
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    indexer::DocumentBuilder builder;
    const char* sources[] = {"Reuters", "AP", "reuters"};
    const char* words[] = {"oil prices rose", "oil ministers met", "rates stay put",
                           "crude oil and gas", "grain exports fell"};
    for (int i = 0; i < 40; ++i) {
        Article a;
        a.id = "s" + std::to_string(i);
        a.source = sources[i % 3];
        a.title = words[i % 5];
        a.body = std::string(words[(i + 1) % 5]) + ", " + words[i % 5] + ".";
        a.date = Timestamp{to_epoch_seconds(1987, 2 + i % 3, 1 + i % 28, 12), true};
        a.entities = {{EntityType::place, i % 2 ? "Iran" : "Japan", EntityOrigin::given},
                      {EntityType::org, i % 4 ? "OPEC" : "Fed", EntityOrigin::given}};
        a.categories = {i % 3 ? "crude" : "grain"};
        db.add_document(builder.build(a));
    }
    db.delete_document(5);
    db.commit();

    searcher::Searcher spies(db);
    searcher::Searcher walked(db);
    walked.use_caches(true);
    for (const char* text : {"", "oil", "oil OR rates", "oil AND prices", "oil AND NOT crude",
                             "source:ap oil", "\"oil prices\""}) {
        CAPTURE(text);
        searcher::SearchRequest request;
        request.query = text;
        request.facets = {"source", "date", "entity", "category"};
        request.facet_limit = 0;
        request.limit = 3;  // fewer than match: the total comes from the walk, not the page
        const auto by_spies = spies.search(request);
        const auto by_walk = walked.search(request);
        CHECK(by_walk.total_exact);
        CHECK(by_walk.total == by_spies.total);
        REQUIRE(by_walk.facets.size() == by_spies.facets.size());
        for (std::size_t f = 0; f < by_walk.facets.size(); ++f) {
            CAPTURE(by_walk.facets[f].name);
            std::vector<std::string> got, expected;
            for (const auto& v : by_walk.facets[f].values)
                got.push_back(v.value + "=" + std::to_string(v.count));
            for (const auto& v : by_spies.facets[f].values)
                expected.push_back(v.value + "=" + std::to_string(v.count));
            CHECK(got == expected);
        }
        CHECK(by_walk.hits.size() == by_spies.hits.size());
    }
    searcher::SearchRequest all;
    all.facets = {"source"};
    CHECK(walked.search(all).total == 39);  // the deleted story is not counted
}
