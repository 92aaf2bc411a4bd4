/// @file ordinal_count_spy.cpp
/// @brief Counting facet ordinals per matching docid.
#include "searcher/cached/ordinal_count_spy.hpp"

#include "common/error.hpp"

namespace newsdex::searcher {

std::size_t OrdinalCountSpy::add_slot(const SlotOrdinals& ordinals) {
    slots_.push_back({&ordinals, std::vector<std::uint32_t>(ordinals.items.size(), 0)});
    return slots_.size() - 1;
}

void OrdinalCountSpy::operator()(const Xapian::Document& doc, double /*weight*/) {
    const Xapian::docid docid = doc.get_docid();
    for (auto& slot : slots_) {
        const SlotOrdinals& ordinals = *slot.ordinals;
        // A docid past the arrays means the cache outlived its revision: a Searcher bug, but
        // one that must not pass for a count.
        if (!ordinals.covers(docid))
            throw IndexError("facet ordinals are older than the database (docid " +
                             std::to_string(docid) + ")");
        const std::uint32_t* item = ordinals.ordinals.data() + ordinals.starts[docid];
        const std::uint32_t* const end = ordinals.ordinals.data() + ordinals.starts[docid + 1];
        for (; item != end; ++item) ++slot.counts[*item];
    }
}

void OrdinalCountSpy::count(const std::vector<Xapian::docid>& docids) {
    if (docids.empty()) return;
    for (auto& slot : slots_) {
        const SlotOrdinals& ordinals = *slot.ordinals;
        if (!ordinals.covers(docids.back()))  // ascending: the last is the largest
            throw IndexError("facet ordinals are older than the database (docid " +
                             std::to_string(docids.back()) + ")");
        // Slot by slot, so each pass reads two arrays forward and bumps one table.
        const std::uint32_t* const starts = ordinals.starts.data();
        const std::uint32_t* const items = ordinals.ordinals.data();
        std::uint32_t* const counts = slot.counts.data();
        for (const Xapian::docid docid : docids) {
            const std::uint32_t* const end = items + starts[docid + 1];
            for (const std::uint32_t* item = items + starts[docid]; item != end; ++item)
                ++counts[*item];
        }
    }
}

std::string OrdinalCountSpy::get_description() const {
    return "newsdex::OrdinalCountSpy(" + std::to_string(slots_.size()) + " slots)";
}

}  // namespace newsdex::searcher
