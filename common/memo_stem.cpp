/// @file memo_stem.cpp
/// @brief MemoStem: a stem cache in front of a Snowball stemmer.
#include "common/memo_stem.hpp"

#include <string_view>
#include <utility>

#include "common/language.hpp"

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
    return stemmer_name(stemmer_);
}

Xapian::Stem memoised(Xapian::Stem stemmer) {
    if (stemmer.is_none()) return stemmer;
    return Xapian::Stem(new MemoStem(std::move(stemmer)));
}

}  // namespace newsdex
