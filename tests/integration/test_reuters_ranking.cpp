/// @file test_reuters_ranking.cpp
/// @brief Ranking on the Reuters-21578 index: the length cache and Bm25Sources rank as
/// BM25Weight does, locally and remotely.
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

/// The same hits in the same order with the same scores (within 1e-9), totals and snippets.
void check_same_ranking(const searcher::SearchResult& cached, const searcher::SearchResult& plain) {
    CHECK(cached.total == plain.total);
    CHECK(cached.total_exact == plain.total_exact);
    CHECK(cached.query_description == plain.query_description);
    REQUIRE(cached.hits.size() == plain.hits.size());
    for (std::size_t i = 0; i < plain.hits.size(); ++i) {
        CAPTURE(i, plain.hits[i].id, plain.hits[i].score, cached.hits[i].score);
        CHECK(cached.hits[i].id == plain.hits[i].id);
        CHECK(std::abs(cached.hits[i].score - plain.hits[i].score) <=
              1e-9 * std::abs(plain.hits[i].score));
        CHECK(cached.hits[i].snippet == plain.hits[i].snippet);
    }
}

}  // namespace

TEST_CASE("the length cache ranks exactly as BM25Weight does, snippets included", "[reuters]") {
    searcher::Searcher plain(reuters_index().dir.string());
    searcher::Searcher cached(reuters_index().dir.string());
    cached.use_caches(true);
    struct Case {
        const char* text;
        const char* source = nullptr;
        const char* from = nullptr;
        const char* to = nullptr;
        bool sources = true;  // whether terms become Bm25Sources
    };
    const Case cases[] = {
        {"tank"},                      // rare
        {"stock"},                     // common: the matcher stops estimating exactly
        {"said"},                      // in most documents: Xapian's idf floor
        {"coffee cocoa"},              // OR of two
        {"grain wheat corn"},          // OR of three
        {"oil AND prices"},            // AND
        {"oil NOT opec"},              // AND_NOT
        {"\"interest rates\""},        // phrase
        {"\"interest rates\" rise"},   // phrase OR word
        {"title:yen"},                 // a field
        {"coffee prices", "reuters"},  // words and a --source filter
        {"oil", nullptr, "1987-04-01", "1987-04-15"},   // a date range
        {"export*", nullptr, nullptr, nullptr, false},  // a wildcard: left to BM25Weight
        {"oil oil prices"},                             // a word twice
    };
    // The queries do get sources: Reuters has stories in several detected languages, so a
    // word is in each language's parse, and each copy becomes a source.
    const Xapian::Database db(reuters_index().dir.string());
    searcher::QueryBuilder builder(db, "");
    const searcher::DocumentLengths lengths(db);
    std::size_t snippets_marked = 0;
    for (const auto& c : cases) {
        CAPTURE(c.text);
        auto request = query(c.text, 20);
        if (c.source) request.sources = {c.source};
        if (c.from) request.from = c.from;
        if (c.to) request.to = c.to;
        const std::string rewritten =
            searcher::with_bm25_sources(builder.build(request), lengths).get_description();
        CHECK((rewritten.find("Bm25Source") != std::string::npos) == c.sources);
        const auto by_plain = plain.search(request);
        REQUIRE(by_plain.hits.size() > 0);
        check_same_ranking(cached.search(request), by_plain);
        for (const auto& hit : by_plain.hits)
            if (hit.snippet.find("[[") != std::string::npos) ++snippets_marked;
        // Deeper pages too: the matcher's bounds decide what it may skip.
        request.offset = 100;
        check_same_ranking(cached.search(request), plain.search(request));
    }
    CHECK(snippets_marked > 100);
    CHECK(cached.length_cache_bytes() >= 4 * kReutersStories);
    CHECK(plain.length_cache_bytes() == 0);
}

TEST_CASE("a remote database ranks with BM25Weight: no length cache", "[reuters]") {
    // One xapian-progsrv shard: Xapian cannot send it our posting source, so the searcher
    // runs the plain query there.
    const std::string dir = reuters_index().dir.string();
    searcher::Searcher remote(Xapian::Remote::open("xapian-progsrv", dir),
                              searcher::Backend::remote);
    remote.use_caches(true);
    searcher::Searcher local(dir);
    local.use_caches(true);
    for (const char* text : {"oil prices", "\"interest rates\""}) {
        CAPTURE(text);
        check_same_ranking(remote.search(query(text)), local.search(query(text)));
    }
    CHECK(remote.length_cache_bytes() == 0);
    CHECK(local.length_cache_bytes() > 0);
}

namespace {

/// Every posting of `term` with its Bm25Source weight, in docid order.
std::vector<std::pair<Xapian::docid, double>> source_postings(
    const Xapian::Database& db, const searcher::DocumentLengths& lengths, const std::string& term,
    std::vector<std::string> only_in = {}) {
    searcher::Bm25Source source(term, 1, lengths, std::move(only_in));
    source.init(db);
    std::vector<std::pair<Xapian::docid, double>> postings;
    for (source.next(0); !source.at_end(); source.next(0))
        postings.emplace_back(source.get_docid(), source.get_weight());
    return postings;
}

}  // namespace

TEST_CASE("a Bm25Source passes over exactly the postings weaker than the minimum", "[reuters]") {
    // next() compares lengths with a threshold worked out per minimum and wdf instead of
    // weighing each posting: it must keep the same postings as weighing them would, at the
    // very weights of postings too (ties are kept), and just above and below them.
    const Xapian::Database db(reuters_index().dir.string());
    const searcher::DocumentLengths lengths(db);
    for (const char* term : {"Zsaid", "Zstock", "Zoil", "Ztank"}) {
        CAPTURE(term);
        const auto all = source_postings(db, lengths, term);
        REQUIRE(all.size() > 10);
        std::vector<double> minimums;
        for (std::size_t i = 0; i < all.size(); i += std::max<std::size_t>(1, all.size() / 40)) {
            const double w = all[i].second;
            minimums.insert(minimums.end(), {w, std::nextafter(w, 0.0), std::nextafter(w, 99.0)});
        }
        for (const double minimum : minimums) {
            CAPTURE(minimum);
            std::vector<Xapian::docid> expected;
            for (const auto& [docid, weight] : all)
                if (weight >= minimum) expected.push_back(docid);
            searcher::Bm25Source source(term, 1, lengths);
            source.init(db);
            std::vector<Xapian::docid> kept;
            for (source.next(minimum); !source.at_end(); source.next(minimum))
                kept.push_back(source.get_docid());
            REQUIRE(kept == expected);
        }
    }
}

TEST_CASE("under a filter of few documents a Bm25Source's maximum is theirs", "[reuters]") {
    const Xapian::Database db(reuters_index().dir.string());
    const searcher::DocumentLengths lengths(db);
    REQUIRE(db.get_termfreq("Lnl") > 0);  // a story detected as Dutch
    const auto in_dutch = [&](Xapian::docid docid) {
        auto it = db.postlist_begin("Lnl");
        it.skip_to(docid);
        return it != db.postlist_end("Lnl") && *it == docid;
    };
    // `company` stems to Zcompany in Dutch: in that story and a few English ones (titles);
    // `billion` is in it and in thousands of others; `oil` is not in it.
    for (const char* term : {"Zcompany", "Zbillion", "Zoil"}) {
        CAPTURE(term);
        searcher::Bm25Source plain(term, 1, lengths);
        plain.init(db);
        searcher::Bm25Source filtered(term, 1, lengths, {"Lnl"});
        filtered.init(db);
        double greatest = 0;
        for (const auto& [docid, weight] : source_postings(db, lengths, term))
            if (in_dutch(docid)) greatest = std::max(greatest, weight);
        CHECK(filtered.get_maxweight() == greatest);
        CHECK(filtered.get_maxweight() <= plain.get_maxweight());
        // The weights themselves do not change.
        CHECK(source_postings(db, lengths, term, {"Lnl"}) == source_postings(db, lengths, term));
    }
    // The length cache holds the rare language's postings: those of the index, no more.
    for (const char* term : {"Zcompany", "Zbillion", "Zoil"}) {
        CAPTURE(term);
        const auto* kept = lengths.rare_language_postings("Lnl", term);
        REQUIRE(kept != nullptr);
        std::vector<std::pair<Xapian::docid, Xapian::termcount>> expected;
        for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it)
            if (in_dutch(*it)) expected.emplace_back(*it, it.get_wdf());
        CHECK(*kept == expected);
    }
    CHECK_FALSE(lengths.rare_language_postings("Lnl", "Zbillion")->empty());
    CHECK(lengths.rare_language_postings("Len", "Zsaid") == nullptr);  // not rare
    // A filter that is no rare language (two stories' ids): its documents looked up.
    const std::vector<std::string> ids = {schema::id_term("reuters-1"),
                                          schema::id_term("reuters-2")};
    for (const char* term : {"Zcocoa", "Zsaid", "Zoil"}) {
        CAPTURE(term);
        searcher::Bm25Source by_ids(term, 1, lengths, ids);
        by_ids.init(db);
        double greatest = 0;
        for (const auto& [docid, weight] : source_postings(db, lengths, term))
            for (const auto& id : ids)
                if (*db.postlist_begin(id) == docid) greatest = std::max(greatest, weight);
        CHECK(by_ids.get_maxweight() == greatest);
    }
    // Both the filter and the term past the walk's limit: the term's own maximum stays.
    searcher::Bm25Source plain("Zsaid", 1, lengths);
    plain.init(db);
    searcher::Bm25Source filtered("Zsaid", 1, lengths, {"Len"});
    filtered.init(db);
    CHECK(filtered.get_maxweight() == plain.get_maxweight());
}

TEST_CASE("a common word ORed with rare ones ranks as BM25Weight ranks it", "[reuters]") {
    // The minority languages' branches are bounded by their few documents, so the majority's
    // terms are pruned by the page's minimum: the pages must not change.
    searcher::Searcher plain(reuters_index().dir.string());
    searcher::Searcher cached(reuters_index().dir.string());
    cached.use_caches(true);
    for (const char* text : {"march jose seeq", "company guilder said", "billion dollar"}) {
        CAPTURE(text);
        for (std::uint32_t offset : {0u, 10u, 100u}) {
            auto request = query(text, 10);
            request.offset = offset;
            check_same_ranking(cached.search(request), plain.search(request));
        }
    }
}
