/// @file match_set.cpp
/// @brief Walking a simple query's posting lists into its sorted docids.
#include "searcher/cached/match_set.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <iterator>
#include <numeric>

#include "common/error.hpp"
#include "searcher/cached/term_bitmaps.hpp"

namespace newsdex::searcher {

namespace {

using Docids = std::vector<Xapian::docid>;
using Query = Xapian::Query;

/// A side of an AND this many times larger than the candidates so far is probed with
/// skip_to for each candidate rather than read whole: glass jumps over the chunks between
/// them, and a common word ANDed with a rare one is mostly skipped (bench: see the commit).
constexpr std::size_t probe_ratio = 4;

/// The term of a leaf (empty for MatchAll).
std::string leaf_term(const Query& query) {
    const auto term = query.get_terms_begin();
    return term == query.get_terms_end() ? std::string() : *term;
}

/// Sorted `a` minus sorted `b`.
Docids difference(const Docids& a, const Docids& b) {
    Docids out;
    out.reserve(a.size());
    std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
    return out;
}

/// Sorted `a` and sorted `b`, each docid once.
Docids merged(const Docids& a, const Docids& b) {
    Docids out;
    out.reserve(a.size() + b.size());
    std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
    return out;
}

/// The walk over one database: evaluates a query either whole (docids()) or as a filter on
/// candidates already found (keep()), whichever reads fewer postings.
class Walk {
  public:
    Walk(const Xapian::Database& db, TermBitmaps* bitmaps)
        : db_(db),
          bitmaps_(bitmaps),
          doc_count_(db.get_doccount()),
          last_docid_(db.get_lastdocid()),
          contiguous_(doc_count_ == last_docid_) {}

    /// About how many documents `query` matches (an upper bound), to order AND sides.
    Xapian::doccount estimate(const Query& query) const {
        const std::size_t n = query.get_num_subqueries();
        switch (query.get_type()) {
            case Query::LEAF_MATCH_ALL:
                return doc_count_;
            case Query::LEAF_TERM: {
                const std::string term = leaf_term(query);
                return term.empty() ? doc_count_ : db_.get_termfreq(term);
            }
            case Query::OP_OR: {
                Xapian::doccount sum = 0;
                for (std::size_t i = 0; i < n && sum < doc_count_; ++i)
                    sum += estimate(query.get_subquery(i));
                return std::min(sum, doc_count_);
            }
            case Query::OP_AND:
            case Query::OP_FILTER: {
                Xapian::doccount least = doc_count_;
                for (std::size_t i = 0; i < n; ++i)
                    least = std::min(least, estimate(query.get_subquery(i)));
                return least;
            }
            case Query::OP_AND_NOT:
            case Query::OP_AND_MAYBE:
            case Query::OP_SCALE_WEIGHT:
                return estimate(query.get_subquery(0));
            default:
                return 0;  // MatchNothing
        }
    }

    /// Every docid `query` matches, ascending.
    Docids docids(const Query& query) {
        const std::size_t n = query.get_num_subqueries();
        switch (query.get_type()) {
            case Query::LEAF_MATCH_ALL:
                return all();
            case Query::LEAF_TERM: {
                const std::string term = leaf_term(query);
                return term.empty() ? all() : postings(term);
            }
            case Query::OP_OR:
                return any_of(query);
            case Query::OP_AND:
            case Query::OP_FILTER: {
                // The rarest side read whole, the others only where it matched.
                const auto sides = by_estimate(query, 0);
                Docids out = docids(sides.front());
                for (std::size_t i = 1; i < sides.size() && !out.empty(); ++i)
                    narrow(sides[i], out);
                return out;
            }
            case Query::OP_AND_NOT: {
                Docids out = docids(query.get_subquery(0));
                for (std::size_t i = 1; i < n && !out.empty(); ++i)
                    out = difference(out, matching(query.get_subquery(i), out));
                return out;
            }
            case Query::OP_AND_MAYBE:  // the optional side only adds weight
            case Query::OP_SCALE_WEIGHT:
                return docids(query.get_subquery(0));
            default:
                return {};  // MatchNothing
        }
    }

    /// Keeps the `candidates` that `query` matches.
    void keep(const Query& query, Docids& candidates) {
        if (candidates.empty()) return;
        const std::size_t n = query.get_num_subqueries();
        switch (query.get_type()) {
            case Query::LEAF_MATCH_ALL:
                return keep_term(std::string(), candidates);
            case Query::LEAF_TERM:
                return keep_term(leaf_term(query), candidates);
            case Query::OP_OR: {
                // Each side takes what the ones before it left, so no docid is kept twice.
                Docids kept;
                for (std::size_t i = 0; i < n && !candidates.empty(); ++i) {
                    Docids matched = matching(query.get_subquery(i), candidates);
                    if (matched.empty()) continue;
                    candidates = difference(candidates, matched);
                    kept = merged(kept, matched);
                }
                candidates = std::move(kept);
                return;
            }
            case Query::OP_AND:
            case Query::OP_FILTER:
                for (const Query& side : by_estimate(query, 0)) narrow(side, candidates);
                return;
            case Query::OP_AND_NOT:
                keep(query.get_subquery(0), candidates);
                for (std::size_t i = 1; i < n && !candidates.empty(); ++i)
                    candidates =
                        difference(candidates, matching(query.get_subquery(i), candidates));
                return;
            case Query::OP_AND_MAYBE:
            case Query::OP_SCALE_WEIGHT:
                return keep(query.get_subquery(0), candidates);
            default:
                candidates.clear();
                return;
        }
    }

  private:
    /// Every document: 1..last when no docid is unused, else the all-documents posting list.
    Docids all() {
        if (!contiguous_) return postings(std::string());
        Docids out(doc_count_);
        std::iota(out.begin(), out.end(), Xapian::docid{1});
        return out;
    }

    /// A term's documents: from its bitmap when it has one, else its posting list read whole.
    Docids postings(const std::string& term) {
        if (const TermBitmap* bits = bitmap(term)) return set_bits(*bits);
        Docids out;
        out.reserve(db_.get_termfreq(term));
        for (auto it = db_.postlist_begin(term); it != db_.postlist_end(term); ++it)
            out.push_back(*it);
        return out;
    }

    /// The bitmap of a common term, when there are bitmaps.
    const TermBitmap* bitmap(const std::string& term) {
        return bitmaps_ ? bitmaps_->find(term) : nullptr;
    }

    /// The docids whose bits are set, ascending.
    static Docids set_bits(const TermBitmap& bits, std::size_t expected = 0) {
        Docids out;
        out.reserve(expected);
        for (std::size_t word = 0; word < bits.size(); ++word) {
            for (std::uint64_t w = bits[word]; w != 0; w &= w - 1)
                out.push_back(static_cast<Xapian::docid>(word * 64 + std::countr_zero(w)));
        }
        return out;
    }

    /// The union of the sides of an OR. Many sides are merged in a bitmap of all docids
    /// rather than pairwise: `a OR b OR c OR d` would otherwise copy the growing union each
    /// time.
    Docids any_of(const Query& query) {
        const std::size_t n = query.get_num_subqueries();
        if (n <= 2) {
            Docids out = docids(query.get_subquery(0));
            return n == 2 ? merged(out, docids(query.get_subquery(1))) : out;
        }
        TermBitmap bits(std::size_t{last_docid_} / 64 + 1, 0);
        std::size_t total = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const Docids side = docids(query.get_subquery(i));
            total += side.size();
            for (const Xapian::docid docid : side)
                bits[docid / 64] |= std::uint64_t{1} << (docid % 64);
        }
        return set_bits(bits, std::min<std::size_t>(total, doc_count_));
    }

    /// The subqueries of `query` from `first` on, rarest first.
    std::vector<Query> by_estimate(const Query& query, std::size_t first) const {
        std::vector<std::pair<Xapian::doccount, Query>> sides;
        for (std::size_t i = first; i < query.get_num_subqueries(); ++i) {
            Query side = query.get_subquery(i);
            sides.emplace_back(estimate(side), std::move(side));
        }
        std::stable_sort(sides.begin(), sides.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
        std::vector<Query> out;
        for (auto& side : sides) out.push_back(std::move(side.second));
        return out;
    }

    /// The `candidates` that `query` matches, as a new list.
    Docids matching(const Query& query, const Docids& candidates) {
        Docids out = candidates;
        narrow(query, out);
        return out;
    }

    /// Keeps the `candidates` that `query` matches: by probing when `query` matches many
    /// more documents than there are candidates, else by reading it whole and intersecting.
    void narrow(const Query& query, Docids& candidates) {
        if (candidates.empty()) return;
        // A common term's bitmap answers for a candidate in one test, whatever the counts.
        const bool leaf =
            query.get_type() == Query::LEAF_TERM || query.get_type() == Query::LEAF_MATCH_ALL;
        if ((leaf && bitmap(leaf_term(query))) ||
            estimate(query) >= probe_ratio * candidates.size())
            return keep(query, candidates);
        const Docids matched = docids(query);
        const auto end = std::set_intersection(candidates.begin(), candidates.end(),
                                               matched.begin(), matched.end(), candidates.begin());
        candidates.erase(end, candidates.end());
    }

    /// Keeps the `candidates` in `term`'s posting list (the empty term: every document).
    void keep_term(const std::string& term, Docids& candidates) {
        if (term.empty() && contiguous_) return;  // every candidate is a document
        if (const TermBitmap* bits = bitmap(term)) {
            std::erase_if(candidates, [bits](Xapian::docid d) { return !has(*bits, d); });
            return;
        }
        auto it = db_.postlist_begin(term);
        const auto end = db_.postlist_end(term);
        auto out = candidates.begin();
        for (const Xapian::docid candidate : candidates) {
            if (it == end) break;  // an end iterator cannot skip: test before every step
            if (*it < candidate) it.skip_to(candidate);
            if (it != end && *it == candidate) *out++ = candidate;
        }
        candidates.erase(out, candidates.end());
    }

    const Xapian::Database& db_;
    TermBitmaps* bitmaps_;  // may be null
    Xapian::doccount doc_count_;
    Xapian::docid last_docid_;
    bool contiguous_;  // docids 1..doc_count_ all in use: MatchAll needs no posting list
};

}  // namespace

bool MatchSet::supports(const Xapian::Query& query) {
    switch (query.get_type()) {
        case Query::LEAF_TERM:
        case Query::LEAF_MATCH_ALL:
        case Query::LEAF_MATCH_NOTHING:
            return true;
        case Query::OP_OR:
        case Query::OP_AND:
        case Query::OP_AND_NOT:
        case Query::OP_FILTER:
        case Query::OP_AND_MAYBE:
        case Query::OP_SCALE_WEIGHT:
            break;
        default:
            return false;
    }
    // The optional side of OP_AND_MAYBE is never walked: it may be anything.
    const std::size_t walked =
        query.get_type() == Query::OP_AND_MAYBE ? 1 : query.get_num_subqueries();
    for (std::size_t i = 0; i < walked; ++i)
        if (!supports(query.get_subquery(i))) return false;
    return true;
}

MatchSet::MatchSet(const Xapian::Database& db, const Xapian::Query& query, TermBitmaps* bitmaps) {
    if (!supports(query))
        throw Error("MatchSet cannot walk " + query.get_description() + ": use the matcher");
    docids_ = Walk(db, bitmaps).docids(query);
}

}  // namespace newsdex::searcher
