/// @file item_count_spy.hpp
/// @brief A MatchSpy that counts the items of one slot's packed lists directly (local indexes).
#pragma once

#include <xapian.h>

#include <cstdint>
#include <memory_resource>
#include <string>
#include <string_view>
#include <unordered_map>

namespace newsdex::searcher {

/// Counts, for one value slot, how many matching documents carry each item: the items of a
/// packed list (schema::pack_list) or, for a single-valued slot, the value itself.
///
/// Faster than Xapian's ValueCountMatchSpy on list slots, which keys a std::map by whole
/// lists (nearly every document's list is distinct once entities are extracted) and leaves
/// the splitting for later. It cannot run on a remote shard: name() and serialise() are left
/// unimplemented, so Xapian would throw UnimplementedError: a Searcher over a remote database
/// (Backend::remote) counts with stock spies instead (see FacetCounter).
class ItemCountSpy : public Xapian::MatchSpy {
  public:
    /// Item counts, keyed by views into the spy's own copies of the items.
    using Counts = std::pmr::unordered_map<std::string_view, std::uint64_t>;

    /// Counts slot `slot`; `list`: its values are packed lists to split into items.
    ItemCountSpy(Xapian::valueno slot, bool list);

    void operator()(const Xapian::Document& doc, double weight) override;
    [[nodiscard]] std::string get_description() const override;

    /// Each item seen and how many matching documents carry it.
    [[nodiscard]] const Counts& counts() const noexcept { return counts_; }

  private:
    void add(std::string_view item);

    Xapian::valueno slot_;
    bool list_;
    // The table's nodes and the items' bytes, freed at once with the spy: a broad query
    // meets tens of thousands of names, and freeing them one by one showed in profiles.
    std::pmr::monotonic_buffer_resource arena_;
    Counts counts_{&arena_};
};

}  // namespace newsdex::searcher
