/// @file document_lengths.hpp
/// @brief A Searcher's document length cache: every document's length in one array by docid.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace newsdex::searcher {

/// Every document's length (its number of indexed words, as BM25 reads it), read once from
/// the database in docid order. Xapian's BM25Weight looks the length of each match up in
/// the index (a seek into the doclength chunks and a decode), about a microsecond a match
/// on 200,000 documents; from this array it is one load (Lucene keeps norms per reader for
/// the same reason). A long-lived Searcher keeps one per database revision.
class DocumentLengths {
  public:
    /// Reads every document length of `db` as it is now (a walk of all lengths).
    explicit DocumentLengths(const Xapian::Database& db);

    /// Whether `docid` is in the array (it stops at the last docid when it was built).
    [[nodiscard]] bool covers(Xapian::docid docid) const noexcept {
        return docid < lengths_.size();
    }
    /// The length of `docid`, which covers() (0 for a docid with no document).
    [[nodiscard]] Xapian::termcount operator[](Xapian::docid docid) const noexcept {
        return lengths_[docid];
    }

    /// Whether this was built from the documents `db` holds now: the last docid, the count
    /// and the total length match (an in-memory database sees writes without a reopen).
    [[nodiscard]] bool matches(const Xapian::Database& db) const;

    /// Bytes held.
    [[nodiscard]] std::size_t memory_bytes() const noexcept {
        return lengths_.capacity() * sizeof(std::uint32_t);
    }

  private:
    std::vector<std::uint32_t> lengths_;  // by docid; [0] unused
    Xapian::docid last_docid_;
    Xapian::doccount doc_count_;
    Xapian::totallength total_length_;
};

}  // namespace newsdex::searcher
