/// @file story_fingerprint.hpp
/// @brief What tells copies of one story apart from other stories: a body's word shingles.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex::indexer {

/// The distinct 4-word shingles of a story's body (lower case, punctuation and line breaks
/// ignored), and MinHash bands that bring its copies together in an index.
///
/// Two bodies are copies when most of the smaller one's shingles are in the larger one
/// (containment at least `min_containment`): another headline, boilerplate added, the last
/// paragraphs cut, other wrapping or punctuation. The bands (schema::slot::copy_bands) make
/// the candidates: 6 bands of 2 MinHash rows find a pair whose shingle sets overlap by
/// half (Jaccard 0.5) 82% of the time and by 0.7 98%; one more term, the body's first words,
/// finds cut copies whose Jaccard is low. Candidates are then checked on shingles. A value,
/// not terms: as terms the bands were 13% of Reuters' index and most of them unique.
class StoryFingerprint {
  public:
    /// Bodies with fewer shingles are not fingerprinted: too short to tell a copy by.
    static constexpr std::size_t min_shingles = 8;
    /// How much of the smaller body's shingles the larger must hold.
    static constexpr double min_containment = 0.7;
    /// The smaller body must be at least this share of the larger (a brief quoted in a
    /// long story is not a copy of it).
    static constexpr double min_size_ratio = 0.25;

    explicit StoryFingerprint(std::string_view body);

    /// Too short to fingerprint (see min_shingles).
    [[nodiscard]] bool empty() const noexcept { return shingles_.empty(); }

    /// The body's bands, packed for schema::slot::copy_bands: 7 hashes of 4 bytes each,
    /// big-endian; empty when empty().
    [[nodiscard]] std::string bands() const;

    /// The bands of a packed value, each tagged with its band number in its top 32 bits, so
    /// that only the same band of two documents can match.
    [[nodiscard]] static std::vector<std::uint64_t> unpack_bands(std::string_view value);

    /// The sorted distinct shingle hashes.
    [[nodiscard]] const std::vector<std::uint64_t>& shingles() const noexcept { return shingles_; }

    /// Whether two fingerprinted bodies are copies of one story (see the class comment).
    [[nodiscard]] static bool copies(const StoryFingerprint& a, const StoryFingerprint& b);

  private:
    std::vector<std::uint64_t> shingles_;
    std::uint64_t lead_ = 0;  // hash of the body's first words
};

}  // namespace newsdex::indexer
