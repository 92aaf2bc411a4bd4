/// @file libstemmer_stem.cpp
/// @brief libstemmer's sb_stemmer wrapped as a Xapian::StemImplementation.
#include "common/libstemmer_stem.hpp"

#include <libstemmer.h>

namespace newsdex {

LibstemmerStem::LibstemmerStem(const std::string& algorithm)
    : algorithm_(algorithm), stemmer_(sb_stemmer_new(algorithm.c_str(), "UTF_8")) {
    // sb_stemmer_new returns null for an unknown algorithm (and when out of memory).
    if (!stemmer_) throw Xapian::InvalidArgumentError("libstemmer has no stemmer " + algorithm);
}

LibstemmerStem::~LibstemmerStem() {
    sb_stemmer_delete(stemmer_);
}

std::string LibstemmerStem::operator()(const std::string& word) {
    const auto* stem = sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(word.data()),
                                       static_cast<int>(word.size()));
    // Null only when libstemmer runs out of memory: keep the word rather than lose it.
    if (!stem) return word;
    return std::string(reinterpret_cast<const char*>(stem),
                       static_cast<std::size_t>(sb_stemmer_length(stemmer_)));
}

std::string LibstemmerStem::get_description() const {
    return "libstemmer:" + algorithm_;
}

bool LibstemmerStem::available(const std::string& algorithm) {
    for (const char** name = sb_stemmer_list(); *name; ++name)
        if (algorithm == *name) return true;
    return false;
}

}  // namespace newsdex
