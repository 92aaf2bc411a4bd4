/// @file memo_stem.cpp
/// @brief MemoStem: a stem cache in front of a Snowball stemmer.
#include "common/memo_stem.hpp"

#include <string_view>
#include <utility>

namespace newsdex {

MemoStem::MemoStem(Xapian::Stem stemmer, std::size_t capacity)
    : stemmer_(std::move(stemmer)), capacity_(capacity == 0 ? 1 : capacity) {
    stems_.reserve(capacity_);
}

std::string MemoStem::operator()(const std::string& word) {
    if (auto found = stems_.find(word); found != stems_.end()) return found->second;
    if (stems_.size() >= capacity_) stems_.clear();
    std::string stem = stemmer_(word);
    stems_.emplace(word, stem);
    return stem;
}

std::string MemoStem::get_description() const {
    // Xapian::Stem describes itself as "Xapian::Stem(english)": keep what is inside.
    const std::string outer = stemmer_.get_description();
    constexpr std::string_view head = "Xapian::Stem(";
    if (outer.size() > head.size() && outer.compare(0, head.size(), head) == 0 &&
        outer.back() == ')')
        return outer.substr(head.size(), outer.size() - head.size() - 1);
    return outer;
}

Xapian::Stem memoised(Xapian::Stem stemmer) {
    if (stemmer.is_none()) return stemmer;
    return Xapian::Stem(new MemoStem(std::move(stemmer)));
}

}  // namespace newsdex
