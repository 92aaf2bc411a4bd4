/// @file facet_ordinals.hpp
/// @brief A Searcher's facet ordinal cache: each facet slot's distinct items and every
/// document's item numbers in flat arrays, built once per database revision.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <vector>

#include "searcher/cached/term_bitmaps.hpp"

namespace newsdex::searcher {

/// One value slot, read once: its distinct items (the values of a single-valued slot, the
/// items of a packed list slot) numbered 0..n-1 ("ordinals"), and the ordinals each document
/// carries, in CSR form indexed by docid. Counting a match is then a few array increments
/// instead of reading and hashing its values (Lucene keeps SortedSetDocValues ordinals per
/// reader for the same reason).
struct SlotOrdinals {
    /// By docid: the document's ordinals are ordinals[starts[d] .. starts[d + 1]).
    std::vector<std::uint32_t> starts;
    std::vector<std::uint32_t> ordinals;
    /// By ordinal: the item as stored (a deque: the build keys a table by views into it).
    std::deque<std::string> items;
    /// By ordinal: the item's group, the items sharing one facet_key ("Reuters", "REUTERS"),
    /// which a facet shows as one value.
    std::vector<std::uint32_t> groups;
    /// By group: how many items it has (nearly always one).
    std::vector<std::uint32_t> group_sizes;

    /// Whether the arrays reach `docid` (they stop at the last docid when they were built).
    [[nodiscard]] bool covers(Xapian::docid docid) const noexcept {
        return docid + 1 < starts.size();
    }
    /// Bytes held, roughly (arrays and item strings).
    [[nodiscard]] std::size_t memory_bytes() const noexcept;
};

/// The ordinals of the facet slots of one database revision, each slot built on first use
/// by walking its value stream (sequential, no document is opened). A long-lived Searcher
/// keeps one and drops it when it reopens the database; local databases only (a remote
/// shard serves no value streams, and the counting spy cannot be sent to it).
class FacetOrdinals {
  public:
    /// Reads `db` as it is now; the caller drops this object when `db` moves on.
    explicit FacetOrdinals(Xapian::Database db);

    /// The ordinals of `slot`, built on the first call; `list`: its values are packed lists.
    const SlotOrdinals& slot(Xapian::valueno slot, bool list);

    /// Whether this was built from the same documents `db` holds now: the last docid and the
    /// count match (an in-memory database sees writes without a reopen).
    [[nodiscard]] bool matches(const Xapian::Database& db) const;

    /// The bitmaps of common terms that a MatchSet walk (which finds the matches these
    /// ordinals count) filters with: of the same revision, so kept and dropped with it.
    TermBitmaps& term_bitmaps() noexcept { return term_bitmaps_; }

    /// Bytes held by the slots and term bitmaps built so far.
    [[nodiscard]] std::size_t memory_bytes() const noexcept;

  private:
    Xapian::Database db_;
    Xapian::docid last_docid_;
    Xapian::doccount doc_count_;
    std::map<Xapian::valueno, SlotOrdinals> slots_;
    TermBitmaps term_bitmaps_;
};

}  // namespace newsdex::searcher
