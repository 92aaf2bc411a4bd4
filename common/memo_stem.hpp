/// @file memo_stem.hpp
/// @brief A Xapian::StemImplementation that remembers the stems another stemmer gave.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <string>
#include <unordered_map>

namespace newsdex {

/// Wraps a stemmer and keeps each word's stem: snippets stem every word of ten bodies per
/// search, the same news words again and again, and a Snowball stem costs more than a hash
/// lookup. Not for the indexer: there English Snowball costs about what the lookup and insert
/// do, and Reuters' numbers overflow the bound (bench/RESULTS.md, MemoStem). Not thread-safe, like
/// the stemmers it wraps: one Xapian::Stem handle (and its copies) serves one thread at a time.
class MemoStem : public Xapian::StemImplementation {
  public:
    /// Remembers at most `capacity` words, then forgets them all and starts again: a bound
    /// on memory that keeps the common words, which come back first.
    explicit MemoStem(Xapian::Stem stemmer, std::size_t capacity = 1 << 16);

    /// The stem of one lower-case UTF-8 word, as the wrapped stemmer gives it.
    std::string operator()(const std::string& word) override;

    /// The wrapped stemmer's description ("english"), so a memoised stemmer reads as the
    /// stemmer it stands for.
    std::string get_description() const override;

  private:
    Xapian::Stem stemmer_;
    std::size_t capacity_;
    std::unordered_map<std::string, std::string> stems_;
};

/// `stemmer` behind a MemoStem, or `stemmer` itself when it is Xapian::Stem("none"), which
/// has nothing to remember.
[[nodiscard]] Xapian::Stem memoised(Xapian::Stem stemmer);

}  // namespace newsdex
