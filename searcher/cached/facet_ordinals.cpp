/// @file facet_ordinals.cpp
/// @brief Building a slot's ordinals from its value stream.
#include "searcher/cached/facet_ordinals.hpp"

#include <string_view>
#include <unordered_map>

#include "common/schema.hpp"
#include "common/text.hpp"

namespace newsdex::searcher {

namespace {

/// Numbers items in the order first seen, and their facet keys likewise.
class ItemNumbering {
  public:
    explicit ItemNumbering(SlotOrdinals& out) : out_(out) {}

    std::uint32_t ordinal_of(std::string_view item) {
        if (const auto found = ordinals_.find(item); found != ordinals_.end()) return found->second;
        const auto ordinal = static_cast<std::uint32_t>(out_.items.size());
        const std::string_view kept = out_.items.emplace_back(item);  // deque: stays put
        ordinals_.emplace(kept, ordinal);
        const auto next_group = static_cast<std::uint32_t>(out_.group_sizes.size());
        const auto group = groups_.try_emplace(facet_key(kept), next_group).first->second;
        if (group == next_group) out_.group_sizes.push_back(0);
        ++out_.group_sizes[group];
        out_.groups.push_back(group);
        return ordinal;
    }

  private:
    SlotOrdinals& out_;
    std::unordered_map<std::string_view, std::uint32_t> ordinals_;
    std::unordered_map<std::string, std::uint32_t> groups_;
};

SlotOrdinals build_slot(const Xapian::Database& db, Xapian::valueno slot, bool list,
                        Xapian::docid last_docid) {
    SlotOrdinals out;
    out.starts.reserve(std::size_t{last_docid} + 2);
    out.starts.push_back(0);  // docid 0 is never used
    ItemNumbering numbering(out);
    const auto add = [&](std::string_view item) {
        out.ordinals.push_back(numbering.ordinal_of(item));
    };
    // The stream holds the documents with a value, in docid order; the others get none.
    for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) {
        const Xapian::docid docid = it.get_docid();
        while (out.starts.size() <= docid)
            out.starts.push_back(static_cast<std::uint32_t>(out.ordinals.size()));
        const std::string value = *it;
        if (list)
            schema::for_each_list_item(value, add);  // the items of one document are distinct
        else
            add(value);
    }
    while (out.starts.size() < std::size_t{last_docid} + 2)
        out.starts.push_back(static_cast<std::uint32_t>(out.ordinals.size()));
    out.ordinals.shrink_to_fit();
    return out;
}

}  // namespace

std::size_t SlotOrdinals::memory_bytes() const noexcept {
    std::size_t bytes =
        (starts.capacity() + ordinals.capacity() + groups.capacity() + group_sizes.capacity()) *
        sizeof(std::uint32_t);
    for (const auto& item : items)
        bytes += sizeof(std::string) + (item.size() >= sizeof(std::string) ? item.size() + 1 : 0);
    return bytes;
}

FacetOrdinals::FacetOrdinals(Xapian::Database db)
    : db_(std::move(db)),
      last_docid_(db_.get_lastdocid()),
      doc_count_(db_.get_doccount()),
      term_bitmaps_(db_) {}

const SlotOrdinals& FacetOrdinals::slot(Xapian::valueno slot, bool list) {
    auto found = slots_.find(slot);
    if (found == slots_.end())
        found = slots_.emplace(slot, build_slot(db_, slot, list, last_docid_)).first;
    return found->second;
}

bool FacetOrdinals::matches(const Xapian::Database& db) const {
    return db.get_lastdocid() == last_docid_ && db.get_doccount() == doc_count_;
}

std::size_t FacetOrdinals::memory_bytes() const noexcept {
    std::size_t bytes = term_bitmaps_.memory_bytes();
    for (const auto& [slot, ordinals] : slots_) bytes += ordinals.memory_bytes();
    return bytes;
}

}  // namespace newsdex::searcher
