/// @file term_bitmaps.hpp
/// @brief TermBitmaps: the documents of a revision's common terms, one bit per docid.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace newsdex::searcher {

/// Bit `d` set: docid `d` holds the term.
using TermBitmap = std::vector<std::uint64_t>;

/// Whether `bits` has `docid` (false past its end).
[[nodiscard]] inline bool has(const TermBitmap& bits, Xapian::docid docid) noexcept {
    const std::size_t word = docid / 64;
    return word < bits.size() && ((bits[word] >> (docid % 64)) & 1) != 0;
}

/// Bitmaps of the common terms a MatchSet walk meets (language filters, sources, frequent
/// words), each read from its posting list once per database revision. Testing a candidate
/// against a term that covers most of the index is then one bit, where probing its posting
/// list decodes nearly all of it: a multi-language query filters each branch by its language,
/// and that probe was most of the walk (bench/RESULTS.md, term bitmaps). Lucene's
/// LRUQueryCache keeps frequent filters as bitsets for the same reason.
class TermBitmaps {
  public:
    /// Reads `db` as it is now; the owner drops this object when `db` moves on.
    explicit TermBitmaps(Xapian::Database db);

    /// The bitmap of `term` (the empty term: every document) when it is common enough to
    /// keep (a bitmap no larger than its docids would be) and the budget allows, built on
    /// the first call; nullptr otherwise.
    const TermBitmap* find(const std::string& term);

    /// Bytes held by the bitmaps built so far.
    [[nodiscard]] std::size_t memory_bytes() const noexcept { return bytes_; }

  private:
    Xapian::Database db_;
    Xapian::docid last_docid_;
    std::unordered_map<std::string, TermBitmap> bitmaps_;
    std::size_t bytes_ = 0;
};

}  // namespace newsdex::searcher
