/// @file bm25_source.cpp
/// @brief Bm25Source: BM25Weight's formula over an in-memory length array; the query rewrite.
#include "searcher/cached/bm25_source.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string_view>
#include <vector>

#include "searcher/cached/document_lengths.hpp"

namespace newsdex::searcher {

namespace {

// Xapian::BM25Weight()'s parameters (xapian/weight.h: k1 is 1 there, not the 1.2 of the
// literature). k2 is 0, which drops its sumextra term.
constexpr double k1 = 1;
constexpr double k3 = 1;
constexpr double b = 0.5;
constexpr double min_normlen = 0.5;

/// The most documents bound_by_filter looks up (the filter's or the term's, the fewer): each
/// is mostly a seek in the other's posting list (bench/RESULTS.md, document lengths), so past
/// that it keeps the term's own maximum.
constexpr Xapian::doccount max_bounding_walk = 256;

/// The most terms a filter may have for its documents to bound the weights under it.
constexpr std::size_t max_filter_terms = 8;

/// A term no document has: not UTF-8, which every indexed word and filter value is.
constexpr std::string_view no_such_term = "\xff";

}  // namespace

Bm25Source::Bm25Source(std::string term, Xapian::termcount wqf, const DocumentLengths& lengths,
                       std::vector<std::string> only_in)
    : term_(std::move(term)), wqf_(wqf), lengths_(&lengths), only_in_(std::move(only_in)) {}

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
    // about the collection frequency, a looser bound (bench/RESULTS.md, Bm25Source). Still a
    // bound: no match weighs more (test_bm25_source).
    const Xapian::termcount wdf_max = db.get_wdf_upper_bound(term_);
    const Xapian::doclength normlen_lb =
        std::max(std::max(wdf_max, db.get_doclength_lower_bound()) * len_factor_, min_normlen);
    const double denom = k1 * (normlen_lb * b + (1 - b)) + double(wdf_max);
    set_maxweight(termweight_ * (double(wdf_max) / denom));
    if (!only_in_.empty()) bound_by_filter(db);
}

void Bm25Source::bound_by_filter(const Xapian::Database& db) {
    // A minority language's branch (FILTER Lnl) holds the same words as the majority's, so
    // the same maximum weights, though it matches a few documents: under the OR of branches
    // Xapian then passes the majority's terms the page's minimum less that maximum, mostly
    // nothing, and they prune nothing (bench/RESULTS.md, Bm25Source). The
    // greatest weight in the filter's documents is as good a bound where the source counts.
    // Languages of few documents: their postings were read with the lengths.
    double greatest = 0;
    bool all_rare = true;
    for (const auto& term : only_in_) {
        const auto* postings = lengths_->rare_language_postings(term, term_);
        if (!postings) {
            all_rare = false;
            break;
        }
        for (const auto& [docid, wdf] : *postings)
            greatest = std::max(greatest, weight_of(wdf, length_of(db, docid)));
    }
    if (all_rare) {
        set_maxweight(std::min(get_maxweight(), greatest));
        return;
    }
    // Other filters: the weights looked up in the index.
    greatest = 0;
    Xapian::doccount filter_size = 0;
    for (const auto& term : only_in_) filter_size += db.get_termfreq(term);
    if (std::min(filter_size, termfreq_) > max_bounding_walk) return;
    const Xapian::PostingIterator end;
    if (filter_size <= termfreq_) {
        // The filter's documents, each looked up in the term's postings.
        for (const auto& term : only_in_) {
            Xapian::PostingIterator posting = db.postlist_begin(term_);
            for (auto doc = db.postlist_begin(term); doc != end && posting != end; ++doc) {
                posting.skip_to(*doc);
                if (posting != end && *posting == *doc)
                    greatest = std::max(greatest, weight_at(posting));
            }
        }
    } else {
        // The term's postings, each looked up in the filter's documents.
        std::vector<Xapian::PostingIterator> filters;
        for (const auto& term : only_in_) filters.push_back(db.postlist_begin(term));
        for (auto posting = db.postlist_begin(term_); posting != end; ++posting) {
            for (auto& filter : filters) {
                filter.skip_to(*posting);
                if (filter != end && *filter == *posting) {
                    greatest = std::max(greatest, weight_at(posting));
                    break;
                }
            }
        }
    }
    set_maxweight(std::min(get_maxweight(), greatest));
}

void Bm25Source::next(double min_weight) {
    if (!started_)
        started_ = true;
    else
        ++postings_;
    if (min_weight > 0) skip_weaker(min_weight);  // mostly 0 under OR: no call then
}

void Bm25Source::skip_to(Xapian::docid docid, double min_weight) {
    started_ = true;
    postings_.skip_to(docid);
    // Under OR and AND_MAYBE the minimum given here changes from one call to the next (it is
    // the page's minimum less what the other terms weigh at this document), and the call
    // mostly weighs one posting: thresholds worked out per minimum would not pay.
    if (min_weight <= 0) return;
    while (!at_end() && get_weight() < min_weight) ++postings_;
}

void Bm25Source::skip_weaker(double min_weight) {
    // The matcher passes the least weight this term must add for a document to reach the
    // page (0 until it has seen enough matches): a posting below it is passed over here
    // instead of going up through the matcher. Equal weights are kept: ties go to the lower
    // docid, which the matcher decides.
    if (min_weight != threshold_weight_) {
        threshold_weight_ = min_weight;
        longest_.fill(unknown);
    }
    // A frequent term's walk is mostly postings too weak for the page, and computing their
    // weights was much of it (bench/RESULTS.md, Bm25Source). The
    // weight only falls as the length grows, also in doubles (every step of weight_of is a
    // correctly rounded operation, each monotonic in the length), so "weight < min_weight"
    // is exactly "length > the longest length reaching min_weight at this wdf": one
    // comparison per posting, the length found by bisection once per wdf and minimum.
    while (!at_end()) {
        const Xapian::docid docid = *postings_;
        const Xapian::termcount wdf = postings_.get_wdf();
        if (wdf < longest_.size() && lengths_->covers(docid)) {
            const std::int64_t longest =
                longest_[wdf] != unknown ? longest_[wdf] : longest_reaching(wdf);
            if (std::int64_t{(*lengths_)[docid]} <= longest) return;
        } else if (get_weight() >= min_weight) {
            return;
        }
        ++postings_;
    }
}

std::int64_t Bm25Source::longest_reaching(Xapian::termcount wdf) {
    std::int64_t& longest = longest_[wdf];
    // Bisection over every length a document can have: [low] reaches, [high] does not.
    using Length = Xapian::termcount;
    constexpr std::int64_t max_length = std::numeric_limits<Length>::max();
    if (weight_of(wdf, 0) < threshold_weight_) return longest = -1;
    if (weight_of(wdf, Length(max_length)) >= threshold_weight_) return longest = max_length;
    std::int64_t low = 0;
    std::int64_t high = max_length;
    while (high - low > 1) {
        const std::int64_t middle = low + (high - low) / 2;
        (weight_of(wdf, Length(middle)) >= threshold_weight_ ? low : high) = middle;
    }
    return longest = low;
}

bool Bm25Source::at_end() const {
    return postings_ == Xapian::PostingIterator();
}

Xapian::docid Bm25Source::get_docid() const {
    return *postings_;
}

double Bm25Source::get_weight() const {
    return weight_at(postings_);
}

Xapian::termcount Bm25Source::length_of(const Xapian::Database& db, Xapian::docid docid) const {
    return lengths_->covers(docid) ? (*lengths_)[docid] : db.get_doclength(docid);
}

double Bm25Source::weight_at(const Xapian::PostingIterator& posting) const {
    const Xapian::docid docid = *posting;
    const Xapian::termcount length =
        lengths_->covers(docid) ? (*lengths_)[docid] : posting.get_doclength();
    return weight_of(posting.get_wdf(), length);
}

double Bm25Source::weight_of(Xapian::termcount wdf, Xapian::termcount length) const {
    // BM25Weight::get_sumpart.
    const Xapian::doclength normlen = std::max(length * len_factor_, min_normlen);
    const double wdf_double(wdf);
    const double denom = k1 * (normlen * b + (1 - b)) + wdf_double;
    return termweight_ * (wdf_double / denom);
}

Bm25Source* Bm25Source::clone() const {
    return new Bm25Source(term_, wqf_, *lengths_, only_in_);
}

std::string Bm25Source::get_description() const {
    std::string description = "Bm25Source " + term_ + (wqf_ == 1 ? "" : "#" + std::to_string(wqf_));
    for (const auto& term : only_in_) description += " in:" + term;
    return description;
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
                return rebuild(query, 1);  // the right side is not weighted
            case Q::OP_FILTER:
                return filtered(query);
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
            (new Bm25Source(*term.get_terms_begin(), term.get_length(), lengths_, only_in_))
                ->release());
    }

    /// FILTER(left, right) with the left rewritten; when the right is a term or an OR of a
    /// few terms (a language branch's filter, or one --source), the sources of the left know
    /// that they count only in documents of those terms.
    Xapian::Query filtered(const Xapian::Query& query) {
        std::vector<std::string> terms = filter_terms(query.get_subquery(1));
        if (terms.empty()) return rebuild(query, 1);
        std::swap(only_in_, terms);
        Xapian::Query rewritten = rebuild(query, 1);
        std::swap(only_in_, terms);
        return rewritten;
    }

    /// The terms of a filter that is a term or an OR of terms; none otherwise.
    static std::vector<std::string> filter_terms(const Xapian::Query& filter) {
        using Q = Xapian::Query;
        std::vector<std::string> terms;
        if (filter.get_type() == Q::LEAF_TERM) {
            terms.push_back(*filter.get_terms_begin());
        } else if (filter.get_type() == Q::OP_OR &&
                   filter.get_num_subqueries() <= max_filter_terms) {
            for (std::size_t i = 0; i < filter.get_num_subqueries(); ++i) {
                const Q sub = filter.get_subquery(i);
                if (sub.get_type() != Q::LEAF_TERM) return {};
                terms.push_back(*sub.get_terms_begin());
            }
        }
        return terms;
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
    std::vector<std::string> only_in_;  // the terms of the FILTER being rewritten, if any
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
