/// @file language_detector.hpp
/// @brief LanguageDetector: the language of an article's text, with CLD2.
#pragma once

#include <string>
#include <string_view>

namespace newsdex::corpus {

/// Detects the language an article is written in with Google's Compact Language Detector 2,
/// as the code the index stores (see language_code(): "en", "de", "el", ...).
///
/// Only the title and the start of the body are read: a few kilobytes settle the language,
/// and a 50 MB article must cost no more than a short one. Text CLD2 is not sure of (a few
/// words, numbers, a mix of languages) gets the fallback language. Stateless: one detector
/// may serve several threads (CLD2 itself is thread-safe).
class LanguageDetector {
  public:
    /// `fallback` is the code given to text whose language is uncertain.
    explicit LanguageDetector(std::string fallback = "en");

    /// The language of `title` and `body` (valid UTF-8), or the fallback.
    [[nodiscard]] std::string detect(std::string_view title, std::string_view body) const;

    /// The code given when detection is uncertain.
    [[nodiscard]] const std::string& fallback() const noexcept { return fallback_; }

  private:
    std::string fallback_;
};

}  // namespace newsdex::corpus
