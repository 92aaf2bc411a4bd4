/// @file total_estimator.hpp
/// @brief TotalEstimator: a phrase query's total, from the docids of its first matches.
#pragma once

#include <xapian.h>

namespace newsdex::searcher {

/// Estimates how many documents a query with phrases (or NEAR) matches, where Xapian 1.4's
/// own estimate is far off: it takes the terms as independent, discounts for the
/// positions, and is then raised only to the matches it has seen.
///
/// The matcher visits candidates in docid order and counts every match until it has seen
/// `check_at_least` of them; only then does it skip those too weak for the page. This spy
/// notes the docid of that last counted match: if `sample` matches lie in docids 1..d, about
/// sample * last_docid / d lie in the whole index. That assumes matches are spread evenly over
/// docids, which holds for phrases of news written over time far better than independence
/// does (bench/RESULTS.md, phrase totals).
/// It does not hold under a date filter, whose matches are confined to a docid range: suits()
/// turns such queries down, and Xapian's estimate stands.
///
/// Local databases only: name() is left unimplemented, so a remote one would throw
/// UnimplementedError; a Searcher over a remote database (Backend::remote) does without it.
class TotalEstimator : public Xapian::MatchSpy {
  public:
    /// Whether extrapolating from docids suits `query`: it holds a phrase or NEAR (the only
    /// operators whose estimate needs it) and no date filter or value range.
    [[nodiscard]] static bool suits(const Xapian::Query& query);

    /// Notes the docid of the `sample`th match: the check_at_least the MSet is asked with.
    explicit TotalEstimator(Xapian::doccount sample) : sample_(sample) {}

    void operator()(const Xapian::Document& doc, double weight) override;
    [[nodiscard]] std::string get_description() const override;

    /// The estimated total of `mset` (searched with this spy over `db`, in relevance order):
    /// the extrapolation to two significant figures, kept within the MSet's bounds; the MSet's
    /// own figure when it is exact or the sample was not reached.
    [[nodiscard]] Xapian::doccount total(const Xapian::MSet& mset,
                                         const Xapian::Database& db) const;

  private:
    Xapian::doccount sample_;
    Xapian::doccount seen_ = 0;
    Xapian::docid sample_end_ = 0;  // docid of the sample_th match, 0 until seen
};

}  // namespace newsdex::searcher
