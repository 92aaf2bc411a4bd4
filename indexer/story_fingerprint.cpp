/// @file story_fingerprint.cpp
/// @brief Shingles, MinHash bands and the containment check of StoryFingerprint.
#include "indexer/story_fingerprint.hpp"

#include <algorithm>
#include <array>
#include <limits>

#include "common/text.hpp"

namespace newsdex::indexer {

namespace {

constexpr std::size_t shingle_words = 4;
constexpr std::size_t bands_count = 6;
constexpr std::size_t rows = 2;
constexpr std::size_t lead_words = 12;

/// SplitMix64's finaliser: one of the MinHash functions per seed.
constexpr std::uint64_t mix(std::uint64_t x) noexcept {
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

bool word_byte(char c) noexcept {
    const auto u = static_cast<unsigned char>(c);
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u >= 0x80;
}

/// The hash of each word of `body`, lower-cased, in order.
std::vector<std::uint64_t> word_hashes(std::string_view body) {
    std::vector<std::uint64_t> words;
    for (std::size_t i = 0; i < body.size();) {
        if (!word_byte(body[i])) {
            ++i;
            continue;
        }
        std::uint64_t hash = fnv1a_basis;
        for (; i < body.size() && word_byte(body[i]); ++i) {
            const char lower = ascii_lower(body[i]);
            hash = fnv1a(std::string_view(&lower, 1), hash);
        }
        words.push_back(hash);
    }
    return words;
}

}  // namespace

StoryFingerprint::StoryFingerprint(std::string_view body) {
    const std::vector<std::uint64_t> words = word_hashes(body);
    if (words.size() < shingle_words) return;
    for (std::size_t i = 0; i + shingle_words <= words.size(); ++i) {
        std::uint64_t hash = words[i];
        for (std::size_t j = 1; j < shingle_words; ++j) hash = mix(hash ^ words[i + j]);
        shingles_.push_back(hash);
    }
    std::sort(shingles_.begin(), shingles_.end());
    shingles_.erase(std::unique(shingles_.begin(), shingles_.end()), shingles_.end());
    if (shingles_.size() < min_shingles) {
        shingles_.clear();
        return;
    }
    lead_ = fnv1a_basis;
    for (std::size_t i = 0; i < std::min(lead_words, words.size()); ++i)
        lead_ = mix(lead_ ^ words[i]);
}

std::string StoryFingerprint::bands() const {
    if (empty()) return {};
    std::array<std::uint64_t, bands_count * rows> minima;
    minima.fill(std::numeric_limits<std::uint64_t>::max());
    for (const std::uint64_t shingle : shingles_)
        for (std::size_t i = 0; i < minima.size(); ++i)
            minima[i] = std::min(minima[i], mix(shingle ^ (0x632be59bd9b4e019ULL * (i + 1))));
    std::string packed;
    const auto append = [&packed](std::uint64_t hash) {
        for (int shift = 24; shift >= 0; shift -= 8)
            packed += static_cast<char>((hash >> shift) & 0xff);
    };
    for (std::size_t band = 0; band < bands_count; ++band) {
        std::uint64_t hash = fnv1a_basis;
        for (std::size_t row = 0; row < rows; ++row) hash = mix(hash ^ minima[band * rows + row]);
        append(hash);
    }
    append(lead_);
    return packed;
}

std::vector<std::uint64_t> StoryFingerprint::unpack_bands(std::string_view value) {
    std::vector<std::uint64_t> bands;
    for (std::size_t at = 0; at + 4 <= value.size(); at += 4) {
        std::uint64_t hash = 0;
        for (std::size_t i = 0; i < 4; ++i)
            hash = (hash << 8) | static_cast<unsigned char>(value[at + i]);
        bands.push_back((static_cast<std::uint64_t>(at / 4) << 32) | hash);
    }
    return bands;
}

bool StoryFingerprint::copies(const StoryFingerprint& a, const StoryFingerprint& b) {
    if (a.empty() || b.empty()) return false;
    const auto& small = a.shingles_.size() <= b.shingles_.size() ? a.shingles_ : b.shingles_;
    const auto& large = &small == &a.shingles_ ? b.shingles_ : a.shingles_;
    if (static_cast<double>(small.size()) < min_size_ratio * static_cast<double>(large.size()))
        return false;
    std::size_t shared = 0;
    for (auto i = small.begin(), j = large.begin(); i != small.end() && j != large.end();) {
        if (*i < *j) {
            ++i;
        } else if (*j < *i) {
            ++j;
        } else {
            ++shared;
            ++i;
            ++j;
        }
    }
    return static_cast<double>(shared) >= min_containment * static_cast<double>(small.size());
}

}  // namespace newsdex::indexer
