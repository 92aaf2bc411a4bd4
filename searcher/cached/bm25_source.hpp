/// @file bm25_source.hpp
/// @brief Xapian's BM25 weight of one term, with document lengths from a DocumentLengths
/// array instead of the index; and the query rewrite that puts it in place of weighted terms.
#pragma once

#include <xapian.h>

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace newsdex::searcher {

class DocumentLengths;

/// One term's postings weighted exactly as Xapian 1.4's `BM25Weight()` weighs them (its
/// default parameters: k1 1, k2 0, k3 1, b 0.5, min_normlen 0.5; no relevance set), but
/// reading each match's length from `lengths` rather than from the index's length chunks.
/// Its maximum weight and term frequencies are the ones Xapian gives the term, so the
/// matcher prunes and estimates as it would; and it passes over postings weaker than the
/// matcher's minimum (the hint next() and skip_to() are given), as block-max scoring would. Local
/// databases only: it has no name, so it cannot be sent to a remote shard (Xapian throws
/// UnimplementedError), and `lengths` numbers the documents of one database.
class Bm25Source : public Xapian::PostingSource {
  public:
    /// The term, its within-query frequency, and the lengths of the database it will run on
    /// (which must outlive the source).
    /// `only_in`, when not empty: terms one of which every document the source is matched in
    /// holds (the query filters it by them), so that init() may bound its weight by the
    /// documents of those terms alone.
    Bm25Source(std::string term, Xapian::termcount wqf, const DocumentLengths& lengths,
               std::vector<std::string> only_in = {});

    void init(const Xapian::Database& db) override;
    [[nodiscard]] Xapian::doccount get_termfreq_min() const override { return termfreq_; }
    [[nodiscard]] Xapian::doccount get_termfreq_est() const override { return termfreq_; }
    [[nodiscard]] Xapian::doccount get_termfreq_max() const override { return termfreq_; }
    void next(double min_weight) override;
    void skip_to(Xapian::docid docid, double min_weight) override;
    [[nodiscard]] bool at_end() const override;
    [[nodiscard]] Xapian::docid get_docid() const override;
    [[nodiscard]] double get_weight() const override;
    [[nodiscard]] Bm25Source* clone() const override;
    [[nodiscard]] std::string get_description() const override;

  private:
    /// Moves past postings whose weight is below `min_weight` (Xapian's pruning hint), by
    /// length thresholds worked out for `min_weight` (next(), whose minimum seldom changes).
    void skip_weaker(double min_weight);
    /// Lowers the maximum weight to the greatest weight of a posting in a document of
    /// only_in_, when few enough documents are to be looked at.
    void bound_by_filter(const Xapian::Database& db);
    /// The length of `docid` in `db`, from lengths_ when it covers it.
    [[nodiscard]] Xapian::termcount length_of(const Xapian::Database& db,
                                              Xapian::docid docid) const;
    /// The weight of the posting `posting` (of term_) is on.
    [[nodiscard]] double weight_at(const Xapian::PostingIterator& posting) const;
    /// BM25Weight::get_sumpart for a posting of `wdf` in a document of `length` words.
    [[nodiscard]] double weight_of(Xapian::termcount wdf, Xapian::termcount length) const;
    /// The greatest document length at which a posting of `wdf` (< longest_.size()) still
    /// weighs `threshold_weight_`; -1 when none does. Stores it in longest_.
    std::int64_t longest_reaching(Xapian::termcount wdf);

    std::string term_;
    Xapian::termcount wqf_;
    const DocumentLengths* lengths_;
    std::vector<std::string> only_in_;
    Xapian::PostingIterator postings_;
    bool started_ = false;  // PostingSource starts before the first entry, the iterator on it
    Xapian::doccount termfreq_ = 0;
    double termweight_ = 0;  // the document-independent factors (BM25Weight's termweight)
    double len_factor_ = 0;  // 1 / average length
    /// The minimum weight longest_ is for, and by wdf the longest length reaching it
    /// (unknown: not worked out yet for this minimum).
    static constexpr std::int64_t unknown = -2;
    double threshold_weight_ = 0;
    std::array<std::int64_t, 32> longest_{};
};

/// The query to run instead of `query` when `lengths` holds the documents' lengths: every
/// weighted term (alone, or under OR, AND, AND_MAYBE, the left of AND_NOT and FILTER)
/// becomes a Bm25Source with the term's wqf; a phrase or NEAR of terms becomes
/// FILTER(AND(their sources), the phrase). The rest (wildcards, synonyms, scaled weights,
/// value ranges, filters) is left to BM25Weight, the same formula. The original's weighted
/// part follows, never matching, so that MSet::snippet still finds the query's words and
/// their weights.
/// Returns `query` itself when nothing was replaced.
[[nodiscard]] Xapian::Query with_bm25_sources(const Xapian::Query& query,
                                              const DocumentLengths& lengths);

}  // namespace newsdex::searcher
