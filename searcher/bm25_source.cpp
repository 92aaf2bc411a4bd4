/// @file bm25_source.cpp
/// @brief Bm25Source: BM25Weight's formula over an in-memory length array; the query rewrite.
#include "searcher/bm25_source.hpp"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <vector>

#include "searcher/document_lengths.hpp"

namespace newsdex::searcher {

namespace {

// Xapian::BM25Weight()'s parameters (xapian/weight.h: k1 is 1 there, not the 1.2 of the
// literature). k2 is 0, which drops its sumextra term.
constexpr double k1 = 1;
constexpr double k3 = 1;
constexpr double b = 0.5;
constexpr double min_normlen = 0.5;

/// A term no document has: not UTF-8, which every indexed word and filter value is.
constexpr std::string_view no_such_term = "\xff";

}  // namespace

Bm25Source::Bm25Source(std::string term, Xapian::termcount wqf, const DocumentLengths& lengths)
    : term_(std::move(term)), wqf_(wqf), lengths_(&lengths) {}

void Bm25Source::init(const Xapian::Database& db) {
    postings_ = db.postlist_begin(term_);
    started_ = false;
    termfreq_ = db.get_termfreq(term_);
    // BM25Weight::init (xapian-core/weight/bm25weight.cc, 1.4) without a relevance set, in
    // the same order of operations so that the weights are the same doubles.
    const Xapian::doccount collection_size = db.get_doccount();
    double tw = (collection_size - termfreq_ + 0.5) / (termfreq_ + 0.5);
    // Terms in more than half the documents would weigh less than nothing: Xapian's fix.
    if (tw < 2) tw = tw * 0.5 + 1;
    termweight_ = std::log(tw) * 1.0;  // 1.0: the query's factor (OP_SCALE_WEIGHT is not ours)
    const double wqf_double = wqf_;
    termweight_ *= (k3 + 1) * wqf_double / (k3 + wqf_double);
    termweight_ *= (k1 + 1);
    // Weight::Internal::get_average_length: the total length over the document count.
    const double average_length =
        collection_size == 0 ? 0 : Xapian::doclength(db.get_total_length()) / collection_size;
    len_factor_ = average_length != 0 ? 1 / average_length : 0;
    // BM25Weight::get_maxpart: the weight at the term's largest wdf in the shortest document
    // that can hold that wdf. The wdf bound is the database's (the smaller of the term's
    // collection frequency and the largest wdf of the index); 1.4.22's matcher gives its leaf
    // about the collection frequency, a looser bound (MSet::get_max_possible of Ztank at x10:
    // 12.1007 there, 12.0832 here). Still a bound: no match weighs more (test_bm25_source).
    const Xapian::termcount wdf_max = db.get_wdf_upper_bound(term_);
    const Xapian::doclength normlen_lb =
        std::max(std::max(wdf_max, db.get_doclength_lower_bound()) * len_factor_, min_normlen);
    const double denom = k1 * (normlen_lb * b + (1 - b)) + double(wdf_max);
    set_maxweight(termweight_ * (double(wdf_max) / denom));
}

void Bm25Source::next(double min_weight) {
    if (!started_)
        started_ = true;
    else
        ++postings_;
    skip_weaker(min_weight);
}

void Bm25Source::skip_to(Xapian::docid docid, double min_weight) {
    started_ = true;
    postings_.skip_to(docid);
    skip_weaker(min_weight);
}

void Bm25Source::skip_weaker(double min_weight) {
    // The matcher passes the least weight this term must add for a document to reach the
    // page (0 until it has seen enough matches): a posting below it is passed over here, at
    // the cost of one length and one division, instead of going up through the matcher.
    // Equal weights are kept: ties go to the lower docid, which the matcher decides.
    if (min_weight <= 0) return;
    while (!at_end() && get_weight() < min_weight) ++postings_;
}

bool Bm25Source::at_end() const {
    return postings_ == Xapian::PostingIterator();
}

Xapian::docid Bm25Source::get_docid() const {
    return *postings_;
}

double Bm25Source::get_weight() const {
    // BM25Weight::get_sumpart.
    const Xapian::docid docid = *postings_;
    const Xapian::termcount length =
        lengths_->covers(docid) ? (*lengths_)[docid] : postings_.get_doclength();
    const Xapian::doclength normlen = std::max(length * len_factor_, min_normlen);
    const double wdf_double(postings_.get_wdf());
    const double denom = k1 * (normlen * b + (1 - b)) + wdf_double;
    return termweight_ * (wdf_double / denom);
}

Bm25Source* Bm25Source::clone() const {
    return new Bm25Source(term_, wqf_, *lengths_);
}

std::string Bm25Source::get_description() const {
    return "Bm25Source " + term_ + (wqf_ == 1 ? "" : "#" + std::to_string(wqf_));
}

namespace {

class Rewriter {
  public:
    explicit Rewriter(const DocumentLengths& lengths) : lengths_(lengths) {}

    Xapian::Query rewrite(const Xapian::Query& query) {
        using Q = Xapian::Query;
        switch (query.get_type()) {
            case Q::LEAF_TERM:
                return source(query);
            case Q::OP_OR:
            case Q::OP_AND:
            case Q::OP_AND_MAYBE:
                return rebuild(query, query.get_num_subqueries());
            case Q::OP_AND_NOT:
            case Q::OP_FILTER:
                return rebuild(query, 1);  // the right side is not weighted
            case Q::OP_PHRASE:
            case Q::OP_NEAR:
                return phrase(query);
            default:
                return query;
        }
    }

    [[nodiscard]] bool replaced_any() const noexcept { return replaced_; }

  private:
    Xapian::Query source(const Xapian::Query& term) {
        replaced_ = true;
        // A leaf's length is its wqf. Xapian weighs each leaf by its own wqf, also when the
        // term occurs again elsewhere in the query (each language's parse has its own copy
        // of a word whose stems agree): the same weights (test_bm25_source, integration).
        return Xapian::Query(
            (new Bm25Source(*term.get_terms_begin(), term.get_length(), lengths_))->release());
    }

    /// `query` with its first `weighted` subqueries rewritten, the others kept.
    Xapian::Query rebuild(const Xapian::Query& query, std::size_t weighted) {
        std::vector<Xapian::Query> subqueries;
        subqueries.reserve(query.get_num_subqueries());
        for (std::size_t i = 0; i < query.get_num_subqueries(); ++i)
            subqueries.push_back(i < weighted ? rewrite(query.get_subquery(i))
                                              : query.get_subquery(i));
        return Xapian::Query(query.get_type(), subqueries.begin(), subqueries.end());
    }

    /// A phrase weighs what the AND of its terms weighs: that AND of sources, filtered by the
    /// phrase itself (whose terms, unweighted, no longer read lengths).
    Xapian::Query phrase(const Xapian::Query& query) {
        for (std::size_t i = 0; i < query.get_num_subqueries(); ++i)
            if (query.get_subquery(i).get_type() != Xapian::Query::LEAF_TERM) return query;
        std::vector<Xapian::Query> sources;
        for (std::size_t i = 0; i < query.get_num_subqueries(); ++i)
            sources.push_back(source(query.get_subquery(i)));
        return Xapian::Query(Xapian::Query::OP_FILTER,
                             Xapian::Query(Xapian::Query::OP_AND, sources.begin(), sources.end()),
                             query);
    }

    const DocumentLengths& lengths_;
    bool replaced_ = false;
};

/// What of `query` snippets need: its weighted words and phrases, without the filters (the
/// language, source and date terms of the right of FILTER and AND_NOT, which no text shows
/// and which would be opened twice).
Xapian::Query weighted_part(const Xapian::Query& query) {
    using Q = Xapian::Query;
    switch (query.get_type()) {
        case Q::OP_FILTER:
        case Q::OP_AND_NOT:
            return weighted_part(query.get_subquery(0));
        case Q::OP_OR:
        case Q::OP_AND:
        case Q::OP_AND_MAYBE: {
            std::vector<Q> subqueries;
            for (std::size_t i = 0; i < query.get_num_subqueries(); ++i)
                subqueries.push_back(weighted_part(query.get_subquery(i)));
            return Q(query.get_type(), subqueries.begin(), subqueries.end());
        }
        default:
            return query;
    }
}

}  // namespace

Xapian::Query with_bm25_sources(const Xapian::Query& query, const DocumentLengths& lengths) {
    Rewriter rewriter(lengths);
    Xapian::Query rewritten = rewriter.rewrite(query);
    if (!rewriter.replaced_any()) return query;
    // MSet::snippet finds the words to highlight in the Enquire's query, where sources show
    // none, and ranks its fragments by the words' maximum weights, which Xapian records when
    // it opens a weighted term. So the original query's weighted part rides along, ANDed
    // with a term no document has: the matcher opens it (recording those weights), sees it
    // end at the first document and drops it, never weighing a match with it. (As
    // `0 * original` the weights go unrecorded and snippets pick other fragments; alone
    // beside the sources it would be matched a second time.)
    const Xapian::Query never{std::string(no_such_term)};
    return Xapian::Query(Xapian::Query::OP_AND_MAYBE, rewritten,
                         Xapian::Query(Xapian::Query::OP_AND, weighted_part(query), never));
}

}  // namespace newsdex::searcher
