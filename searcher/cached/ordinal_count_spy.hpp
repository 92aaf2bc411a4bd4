/// @file ordinal_count_spy.hpp
/// @brief A MatchSpy that counts facet items by docid through a FacetOrdinals cache.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <string>
#include <vector>

#include "searcher/cached/facet_ordinals.hpp"

namespace newsdex::searcher {

/// Counts, for each slot added, how many matching documents carry each ordinal. It reads
/// only the match's docid (Document::get_docid does not open the document), so a match costs
/// a few array increments per slot instead of reading and hashing its values. Local databases
/// only, like ItemCountSpy: name() and serialise() are left unimplemented.
class OrdinalCountSpy : public Xapian::MatchSpy {
  public:
    /// Counts `ordinals` too (it must outlive the spy); returns its index for counts().
    std::size_t add_slot(const SlotOrdinals& ordinals);

    void operator()(const Xapian::Document& doc, double weight) override;

    /// Counts the documents `docids` (ascending) without the matcher: one pass per slot over
    /// its arrays, no virtual call or Document per match (see MatchSet).
    void count(const std::vector<Xapian::docid>& docids);
    [[nodiscard]] std::string get_description() const override;

    /// By ordinal of the slot at `index`: how many matching documents carry it.
    [[nodiscard]] const std::vector<std::uint32_t>& counts(std::size_t index) const {
        return slots_[index].counts;
    }

  private:
    struct Counted {
        const SlotOrdinals* ordinals;
        std::vector<std::uint32_t> counts;
    };
    std::vector<Counted> slots_;
};

}  // namespace newsdex::searcher
