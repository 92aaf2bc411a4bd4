/// @file test_bm25_source.cpp
/// @brief Bm25Source against Xapian's BM25Weight on a small in-memory index, and the query
/// rewrite that puts it in place of weighted terms.
#include <xapian.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "searcher/cached/bm25_source.hpp"
#include "searcher/cached/document_lengths.hpp"

using newsdex::searcher::Bm25Source;
using newsdex::searcher::DocumentLengths;
using newsdex::searcher::with_bm25_sources;
using Q = Xapian::Query;

namespace {

/// Documents of different lengths, with words repeated (wdf) and one word in most of them
/// (`the`: the idf floor), and a removed document (a docid the lengths skip).
Xapian::WritableDatabase sample_index() {
    const char* texts[] = {
        "the oil price rose and the oil minister said so",
        "the interest rates rose",
        "oil",
        "removed",
        "the price of oil and gas and oil and more oil in the gulf today",
        "interest rates and oil prices the same day, rates up",
        "the coffee harvest",
    };
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    Xapian::TermGenerator terms;
    for (const char* text : texts) {
        Xapian::Document doc;
        terms.set_document(doc);
        terms.index_text(text);
        db.add_document(doc);
    }
    db.delete_document(4);
    db.commit();
    return db;
}

/// "docid:weight" of every match, in rank order.
std::vector<std::pair<Xapian::docid, double>> ranking(const Xapian::Database& db, const Q& query) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    std::vector<std::pair<Xapian::docid, double>> out;
    const Xapian::MSet mset = enquire.get_mset(0, 100);
    for (auto it = mset.begin(); it != mset.end(); ++it) out.emplace_back(*it, it.get_weight());
    return out;
}

}  // namespace

TEST_CASE("document lengths are read once, by docid", "[bm25]") {
    const auto db = sample_index();
    const DocumentLengths lengths(db);
    CHECK(lengths.covers(7));
    CHECK_FALSE(lengths.covers(8));
    CHECK(lengths[1] == 10);
    CHECK(lengths[3] == 1);
    CHECK(lengths[4] == 0);  // removed
    CHECK(lengths.matches(db));
    auto changed = sample_index();
    changed.replace_document(3, Xapian::Document());  // same count and last docid
    CHECK_FALSE(lengths.matches(changed));
}

TEST_CASE("a Bm25Source weighs every match as BM25Weight does", "[bm25]") {
    const auto db = sample_index();
    const DocumentLengths lengths(db);
    for (const char* term : {"oil", "the", "rates", "coffee", "absent"}) {
        CAPTURE(term);
        for (Xapian::termcount wqf : {1u, 2u}) {
            CAPTURE(wqf);
            const auto plain = ranking(db, Q(term, wqf));
            const auto by_source = ranking(db, Q((new Bm25Source(term, wqf, lengths))->release()));
            CHECK(by_source == plain);  // the same doubles, not just close ones
        }
    }
    // Its maximum bounds every weight.
    Bm25Source oil("oil", 1, lengths);
    oil.init(db);
    Xapian::Enquire enquire(db);
    enquire.set_query(Q("oil"));
    const Xapian::MSet mset = enquire.get_mset(0, 10);
    CHECK(oil.get_maxweight() >= mset.get_max_attained());
    CHECK(oil.get_termfreq_est() == db.get_termfreq("oil"));
}

TEST_CASE("the rewrite replaces weighted terms and keeps the query for snippets", "[bm25]") {
    const auto db = sample_index();
    const DocumentLengths lengths(db);
    const auto rewritten = [&](const Q& query) {
        return with_bm25_sources(query, lengths).get_description();
    };
    const std::string src = "PostingSource(Bm25Source ";
    // The original rides along, ANDed with a term no document has.
    CHECK(rewritten(Q("oil")) == "Query((" + src + "oil) AND_MAYBE (oil AND \\xff)))");
    const Q oil_or_gas(Q::OP_OR, Q("oil"), Q("gas"));
    CHECK(rewritten(oil_or_gas) ==
          "Query(((" + src + "oil) OR " + src + "gas)) AND_MAYBE ((oil OR gas) AND \\xff)))");
    // Only the weighted side of AND_NOT and FILTER, and that alone rides along.
    const Q not_gas(Q::OP_AND_NOT, Q("oil"), Q("gas"));
    CHECK(rewritten(not_gas) == "Query(((" + src + "oil) AND_NOT gas) AND_MAYBE (oil AND \\xff)))");
    // Under a FILTER of terms, the sources know them (to bound their weights by).
    const Q filtered(Q::OP_FILTER, Q("oil"), Q("XSreuters"));
    CHECK(rewritten(filtered) ==
          "Query(((" + src + "oil in:XSreuters) FILTER XSreuters) AND_MAYBE (oil AND \\xff)))");
    const Q in_languages(Q::OP_FILTER, oil_or_gas, Q(Q::OP_OR, Q("Lnl"), Q("Lpt")));
    CHECK(rewritten(in_languages) == "Query((((" + src + "oil in:Lnl in:Lpt) OR " + src +
                                         "gas in:Lnl in:Lpt)) FILTER (Lnl OR Lpt)) AND_MAYBE "
                                         "((oil OR gas) AND \\xff)))");
    const Q by_value(Q::OP_FILTER, Q("oil"), Q(Q::OP_VALUE_RANGE, 0, "a", "b"));
    CHECK(rewritten(by_value).find(src + "oil)") != std::string::npos);  // no terms to bound by
    // A phrase: the AND of its terms' sources, filtered by the phrase.
    const std::vector<Q> words{Q("interest", 1, 1), Q("rates", 1, 2)};
    const Q phrase(Q::OP_PHRASE, words.begin(), words.end(), 2);
    CHECK(rewritten(phrase) == "Query((((" + src + "interest) AND " + src +
                                   "rates)) FILTER (interest@1 PHRASE 2 rates@2)) AND_MAYBE "
                                   "((interest@1 PHRASE 2 rates@2) AND \\xff)))");
    // A term twice: each leaf weighs by its own wqf, so both become sources.
    const Q twice(Q::OP_OR, Q("oil"), Q(Q::OP_AND, Q("oil"), Q("gas")));
    CHECK(rewritten(twice) == "Query(((" + src + "oil) OR (" + src + "oil) AND " + src +
                                  "gas))) AND_MAYBE ((oil OR (oil AND gas)) AND \\xff)))");
    // Left as they are: wildcards, scaled weights, operators other than the above.
    const Q wildcard(Q::OP_WILDCARD, "ra");
    CHECK(with_bm25_sources(wildcard, lengths).get_description() == wildcard.get_description());
    const Q scaled(Q::OP_SCALE_WEIGHT, Q("oil"), 2);
    CHECK(with_bm25_sources(scaled, lengths).get_description() == scaled.get_description());
    const Q max(Q::OP_MAX, Q("oil"), Q("gas"));
    CHECK(with_bm25_sources(max, lengths).get_description() == max.get_description());
}

TEST_CASE("rewritten queries rank as the original ones", "[bm25]") {
    const auto db = sample_index();
    const DocumentLengths lengths(db);
    const std::vector<Q> words{Q("interest", 1, 1), Q("rates", 1, 2)};
    const Q queries[] = {
        Q(Q::OP_OR, Q("oil"), Q("rates")),
        Q(Q::OP_AND, Q("oil"), Q("the")),
        Q(Q::OP_AND_NOT, Q("oil"), Q("gas")),
        Q(Q::OP_AND_MAYBE, Q("oil"), Q("price")),
        Q(Q::OP_PHRASE, words.begin(), words.end(), 2),
        Q(Q::OP_OR, Q(Q::OP_PHRASE, words.begin(), words.end(), 2), Q("coffee")),
        Q(Q::OP_OR, Q("oil"), Q(Q::OP_AND, Q("oil"), Q("gas"))),  // a term twice
        Q(Q::OP_OR, Q("oil", 2), Q(Q::OP_FILTER, Q("oil"), Q("gas"))),
    };
    for (const auto& query : queries) {
        CAPTURE(query.get_description());
        const auto plain = ranking(db, query);
        const auto by_sources = ranking(db, with_bm25_sources(query, lengths));
        REQUIRE(by_sources.size() == plain.size());
        for (std::size_t i = 0; i < plain.size(); ++i) {
            CHECK(by_sources[i].first == plain[i].first);
            CHECK(std::abs(by_sources[i].second - plain[i].second) <= 1e-9 * plain[i].second);
        }
    }
}
