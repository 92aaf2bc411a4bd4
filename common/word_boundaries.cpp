/// @file word_boundaries.cpp
/// @brief Dotted acronyms and elisions, marked without changing the text's length.
#include "common/word_boundaries.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include "common/text.hpp"

namespace newsdex {

namespace {

/// The right single quotation mark (U+2019), which news text often uses for the apostrophe.
constexpr std::string_view right_quote = "\xE2\x80\x99";

bool is_ascii_letter(char c) noexcept {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/// Whether the byte before `at` ends a word: a letter, a digit, an underscore or part of a
/// UTF-8 character (which may be a letter: not a boundary, to be safe).
bool word_before(const std::string& text, std::size_t at) noexcept {
    if (at == 0) return false;
    const auto c = static_cast<unsigned char>(text[at - 1]);
    return is_ascii_letter(static_cast<char>(c)) || (c >= '0' && c <= '9') || c == '_' || c >= 0x80;
}

/// Whether a word goes on at `at`: a letter, a digit, an underscore or a UTF-8 byte.
bool word_at(const std::string& text, std::size_t at) noexcept {
    return at < text.size() && word_before(text, at + 1);
}

/// Marks the acronym starting at `at` (a letter that starts a word), if there is one, and
/// returns where scanning goes on.
std::size_t mark_acronym(std::string& text, std::size_t at) {
    // letter ('.' letter)+ ['.'], each letter alone between its dots: "U.S.", not "U.Steel".
    std::size_t end = at + 1;
    std::size_t letters = 1;
    while (end + 1 < text.size() && text[end] == '.' && is_ascii_letter(text[end + 1]) &&
           !word_at(text, end + 2)) {
        end += 2;
        ++letters;
    }
    if (letters < 2) return at + 1;
    for (std::size_t i = at + 1; i < end; i += 2) text[i] = '_';
    return end;
}

/// The articles French and Italian elide before a vowel, in lower case.
constexpr std::array<std::string_view, 21> elided_words = {
    "l",     "d",   "j",    "m",    "n",    "s",    "t",    "c",  "qu",    "lorsqu", "puisqu",
    "jusqu", "all", "dall", "dell", "nell", "sull", "coll", "un", "quell", "quest"};

/// The length of the apostrophe at `at` ("'" or U+2019), or 0.
std::size_t apostrophe_at(const std::string& text, std::size_t at) noexcept {
    if (at < text.size() && text[at] == '\'') return 1;
    if (text.compare(at, right_quote.size(), right_quote) == 0) return right_quote.size();
    return 0;
}

/// Marks the elision starting at `at` (a letter that starts a word), if there is one, and
/// returns where scanning goes on.
std::size_t mark_elision(std::string& text, std::size_t at, ElisionMark mark) {
    std::size_t end = at;
    while (end < text.size() && is_ascii_letter(text[end]) && end - at < 6) ++end;
    const std::size_t quote = apostrophe_at(text, end);
    if (quote == 0 || end + quote >= text.size()) return at + 1;
    // A letter must follow: "l'" before a space is a quotation, not an elision.
    const auto next = static_cast<unsigned char>(text[end + quote]);
    if (!is_ascii_letter(static_cast<char>(next)) && next < 0x80) return at + 1;
    const std::string word = ascii_lower(std::string_view(text).substr(at, end - at));
    if (std::find(elided_words.begin(), elided_words.end(), word) == elided_words.end())
        return at + 1;
    // For terms the article goes with its apostrophe, as Lucene's ElisionFilter drops it: no
    // `d` term for every "d'"; for snippets only the apostrophe is marked, to come back.
    const std::size_t from = mark == ElisionMark::space ? at : end;
    std::fill_n(text.begin() + static_cast<std::ptrdiff_t>(from), end + quote - from,
                static_cast<char>(mark));
    return end + quote;
}

}  // namespace

void mark_word_boundaries(std::string& text, ElisionMark mark) {
    std::size_t i = 0;
    while (i < text.size()) {
        if (!is_ascii_letter(text[i]) || word_before(text, i)) {
            ++i;
            continue;
        }
        const std::size_t after_acronym = mark_acronym(text, i);
        if (after_acronym != i + 1) {
            i = after_acronym;
            continue;
        }
        i = mark_elision(text, i, mark);
    }
}

void unmark_word_boundaries(std::string& text) {
    const char reversible = static_cast<char>(ElisionMark::reversible);
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == reversible) {
            // The U+2019 of the original was three bytes, all marked.
            if (i + 2 < text.size() && text[i + 1] == reversible && text[i + 2] == reversible) {
                text.replace(i, 3, right_quote);
                i += 2;
            } else {
                text[i] = '\'';
            }
        } else if (text[i] == '_' && i > 0 && i + 1 < text.size() && is_ascii_letter(text[i - 1]) &&
                   is_ascii_letter(text[i + 1]) && !word_before(text, i - 1) &&
                   (i + 2 == text.size() || !is_ascii_letter(text[i + 2]))) {
            text[i] = '.';
        }
    }
}

}  // namespace newsdex
