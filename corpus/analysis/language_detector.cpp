/// @file language_detector.cpp
/// @brief CLD2 over an article's title and the start of its body.
#include "corpus/analysis/language_detector.hpp"

#include <algorithm>
#include <utility>

// Debian's compact_lang_det.h uses FILE without including <cstdio> itself.
// clang-format off
#include <cstdio>
#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>
// clang-format on

#include "common/language.hpp"
#include "common/text.hpp"

namespace newsdex::corpus {

namespace {

// Bytes of title and of body given to CLD2: a few hundred words settle a language, and the
// bound keeps a huge article as cheap as a normal one.
constexpr std::size_t kSampleBytes = 1024;

// The first `limit` bytes of `text` or a little less, never cutting a UTF-8 sequence (CLD2
// rejects the whole buffer when it ends inside one).
std::string_view utf8_prefix(std::string_view text, std::size_t limit) {
    return text.substr(0, utf8_prefix_size(text, limit));
}

}  // namespace

LanguageDetector::LanguageDetector(std::string fallback) : fallback_(std::move(fallback)) {}

std::string LanguageDetector::detect(std::string_view title, std::string_view body) const {
    std::string sample;
    sample.reserve(title.size() + 1 + std::min(body.size(), kSampleBytes));
    sample.append(utf8_prefix(title, kSampleBytes)).append("\n");
    sample.append(utf8_prefix(body, kSampleBytes));

    const CLD2::CLDHints no_hints{nullptr, nullptr, CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
    CLD2::Language top3[3];
    int percent3[3];
    double scores3[3];
    int text_bytes = 0;
    bool reliable = false;
    int valid_bytes = 0;
    // The CheckUTF8 variant: readers repair encodings, but a detector must not trust them.
    CLD2::ExtDetectLanguageSummaryCheckUTF8(sample.data(), static_cast<int>(sample.size()), true,
                                            &no_hints, 0, top3, percent3, scores3, nullptr,
                                            &text_bytes, &reliable, &valid_bytes);
    // The language of most of the text, not CLD2's summary language: made for web pages, the
    // summary passes over English when another language has a fifth of the text, which turns
    // an English story quoting Russian or naming Iranians into "ru" or "fa".
    if (!reliable || top3[0] == CLD2::UNKNOWN_LANGUAGE) return fallback_;
    return language_code(CLD2::LanguageCode(top3[0]));
}

}  // namespace newsdex::corpus
