/// @file text.hpp
/// @brief Small UTF-8 text helpers shared by readers, the indexer and the searcher.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace newsdex {

/// Returns `text` as valid UTF-8: valid sequences are kept, every other byte is read as
/// Latin-1 (the usual encoding of old newswire and Usenet text) and re-encoded.
/// ASCII control characters other than tab and newline are dropped.
[[nodiscard]] std::string to_valid_utf8(std::string_view text);

/// Decodes `&lt; &gt; &amp; &quot; &apos; &nbsp;` and numeric references (`&#39;`, `&#x27;`).
/// Numeric references to control characters are dropped; unknown entities are kept as written.
[[nodiscard]] std::string decode_html_entities(std::string_view text);

/// Trims leading and trailing white space and folds each inner run of it into one space.
[[nodiscard]] std::string collapse_whitespace(std::string_view text);

/// A count with its thousands grouped, as people read it: 3017 -> "3,017".
[[nodiscard]] std::string grouped_digits(std::uint64_t number);

/// The length of the longest prefix of `text` of at most `max_bytes` bytes that does not split
/// a UTF-8 character.
[[nodiscard]] std::size_t utf8_prefix_size(std::string_view text, std::size_t max_bytes) noexcept;

/// Where a 64-bit FNV-1a hash starts (its offset basis).
inline constexpr std::uint64_t fnv1a_basis = 0xcbf29ce484222325ULL;

/// The 64-bit FNV-1a hash of `bytes`, continued from `hash`: `fnv1a(b, fnv1a(a))` hashes the
/// bytes of `a` then those of `b`. Ids and long terms stored in indexes are built from it, so
/// its values must never change.
[[nodiscard]] constexpr std::uint64_t fnv1a(std::string_view bytes,
                                            std::uint64_t hash = fnv1a_basis) noexcept {
    for (const char c : bytes) hash = (hash ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
    return hash;
}

/// Leading and trailing ASCII white space removed.
[[nodiscard]] std::string_view trim(std::string_view text);

/// `c` in lower case when it is an ASCII capital `A`-`Z`; every other byte unchanged.
[[nodiscard]] constexpr char ascii_lower(char c) noexcept {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

/// `text` with its ASCII capitals in lower case; every other byte (UTF-8 too) unchanged, so
/// offsets into the result are offsets into `text`.
[[nodiscard]] inline std::string ascii_lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = ascii_lower(c);
    return out;
}

/// Lower-case form of UTF-8 text (full Unicode case folding of single code points).
[[nodiscard]] std::string to_lower(std::string_view text);

/// The canonical key of a facet value (source, entity, category): lower case, white space
/// collapsed. Filter terms are built from it, so `Reuters`, ` reuters ` and `REUTERS` match.
[[nodiscard]] std::string facet_key(std::string_view value);

}  // namespace newsdex
