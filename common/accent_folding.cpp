/// @file accent_folding.cpp
/// @brief fold_accents() over a table made from Unicode's decompositions, and FoldingStem.
#include "common/accent_folding.hpp"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <utility>

#include "common/language.hpp"

namespace newsdex {

namespace {

struct Fold {
    std::uint32_t code_point;
    const char* letters;
};

/// Sorted by code point (tools/make_accent_fold_table.py makes it).
constexpr Fold folds[] = {
#include "common/accent_fold_table.inc"
};

/// The code point of the UTF-8 sequence at `text[at]` and its length; length 0 when the bytes
/// are not a well-formed sequence of two or three bytes (the table's range).
std::pair<std::uint32_t, std::size_t> decode(std::string_view text, std::size_t at) noexcept {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[at + i]); };
    const auto continuation = [&](std::size_t i) {
        return at + i < text.size() && (byte(i) & 0xC0) == 0x80;
    };
    if ((byte(0) & 0xE0) == 0xC0 && continuation(1))
        return {((byte(0) & 0x1Fu) << 6) | (byte(1) & 0x3Fu), 2};
    if ((byte(0) & 0xF0) == 0xE0 && continuation(1) && continuation(2))
        return {((byte(0) & 0x0Fu) << 12) | ((byte(1) & 0x3Fu) << 6) | (byte(2) & 0x3Fu), 3};
    return {0, 0};
}

const char* folded_letters(std::uint32_t code_point) noexcept {
    const auto found =
        std::lower_bound(std::begin(folds), std::end(folds), code_point,
                         [](const Fold& fold, std::uint32_t cp) { return fold.code_point < cp; });
    return found != std::end(folds) && found->code_point == code_point ? found->letters : nullptr;
}

bool is_combining_mark(std::uint32_t code_point) noexcept {
    return code_point >= 0x300 && code_point <= 0x36F;
}

}  // namespace

std::string fold_accents(std::string_view text) {
    const auto first = std::find_if(text.begin(), text.end(),
                                    [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
    if (first == text.end()) return std::string(text);
    std::string out(text.begin(), first);
    out.reserve(text.size());
    for (std::size_t i = static_cast<std::size_t>(first - text.begin()); i < text.size();) {
        if (static_cast<unsigned char>(text[i]) < 0x80) {
            out += text[i++];
            continue;
        }
        const auto [code_point, length] = decode(text, i);
        if (length == 0) {
            out += text[i++];
            continue;
        }
        if (const char* letters = folded_letters(code_point))
            out += letters;
        else if (!is_combining_mark(code_point))
            out.append(text.substr(i, length));
        i += length;
    }
    return out;
}

FoldingStem::FoldingStem(Xapian::Stem stemmer) : stemmer_(std::move(stemmer)) {}

std::string FoldingStem::operator()(const std::string& word) {
    if (word.find('_') != std::string::npos) return fold_accents(word);
    return fold_accents(stemmer_(word));
}

std::string FoldingStem::get_description() const {
    return stemmer_name(stemmer_);
}

Xapian::Stem folding(Xapian::Stem stemmer) {
    if (stemmer.is_none()) return stemmer;
    return Xapian::Stem(new FoldingStem(std::move(stemmer)));
}

}  // namespace newsdex
