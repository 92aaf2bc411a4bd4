/// @file item_count_spy.cpp
/// @brief Counting packed-list items per matching document in one hash table.
#include "searcher/item_count_spy.hpp"

#include "common/schema.hpp"

namespace newsdex::searcher {

ItemCountSpy::ItemCountSpy(Xapian::valueno slot, bool list) : slot_(slot), list_(list) {
    // Reuters has a few thousand distinct names per entity type; growing the table from
    // empty would rehash several times during the first match.
    counts_.reserve(4096);
}

void ItemCountSpy::operator()(const Xapian::Document& doc, double /*weight*/) {
    const std::string value = doc.get_value(slot_);
    if (value.empty()) return;
    if (!list_) {
        add(value);
        return;
    }
    // Split in place: the items of one document are distinct (pack_list drops duplicates),
    // so adding one per item keeps the counts exact.
    schema::for_each_list_item(value, [this](std::string_view item) { add(item); });
}

void ItemCountSpy::add(std::string_view item) {
    if (const auto found = counts_.find(item); found != counts_.end()) {
        ++found->second;
        return;
    }
    auto* copy = static_cast<char*>(arena_.allocate(item.size(), 1));
    item.copy(copy, item.size());
    counts_.emplace(std::string_view(copy, item.size()), 1);
}

std::string ItemCountSpy::get_description() const {
    return "newsdex::ItemCountSpy(" + std::to_string(slot_) + (list_ ? ", list)" : ")");
}

}  // namespace newsdex::searcher
