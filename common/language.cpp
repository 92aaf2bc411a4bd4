/// @file language.cpp
/// @brief ISO 639-1 codes <-> Snowball stemmers, Xapian's first and libstemmer's after.
#include "common/language.hpp"

#include <array>

#include "common/accent_folding.hpp"
#include "common/libstemmer_stem.hpp"
#include "common/text.hpp"

namespace newsdex {

namespace {

struct LanguageName {
    std::string_view code;      // ISO 639-1
    std::string_view snowball;  // algorithm name, in Xapian or libstemmer
};

// Every Snowball stemmer of Xapian 1.4 and libstemmer 2.2 that is a language. A name maps to
// its first code, so "norwegian" is stored as "no" while "nb" and "nn" still find the stemmer.
constexpr std::array kLanguages = {
    LanguageName{"ar", "arabic"},     LanguageName{"hy", "armenian"},
    LanguageName{"eu", "basque"},     LanguageName{"ca", "catalan"},
    LanguageName{"da", "danish"},     LanguageName{"nl", "dutch"},
    LanguageName{"en", "english"},    LanguageName{"fi", "finnish"},
    LanguageName{"fr", "french"},     LanguageName{"de", "german"},
    LanguageName{"el", "greek"},      LanguageName{"hi", "hindi"},
    LanguageName{"hu", "hungarian"},  LanguageName{"id", "indonesian"},
    LanguageName{"ga", "irish"},      LanguageName{"it", "italian"},
    LanguageName{"lt", "lithuanian"}, LanguageName{"ne", "nepali"},
    LanguageName{"no", "norwegian"},  LanguageName{"nb", "norwegian"},
    LanguageName{"nn", "norwegian"},  LanguageName{"pt", "portuguese"},
    LanguageName{"ro", "romanian"},   LanguageName{"ru", "russian"},
    LanguageName{"sr", "serbian"},    LanguageName{"es", "spanish"},
    LanguageName{"sv", "swedish"},    LanguageName{"ta", "tamil"},
    LanguageName{"tr", "turkish"},    LanguageName{"yi", "yiddish"},
};

const LanguageName* find_code(std::string_view code) {
    for (const auto& language : kLanguages)
        if (language.code == code) return &language;
    return nullptr;
}

// Whether Xapian 1.4 has the algorithm. Its list is one space-separated string, so a name is
// looked up with a space on either side.
bool xapian_has(const std::string& algorithm) {
    static const std::string available = " " + Xapian::Stem::get_available_languages() + " ";
    return !algorithm.empty() && available.find(" " + algorithm + " ") != std::string::npos;
}

}  // namespace

std::string language_code(std::string_view language) {
    std::string lower = to_lower(trim(language));
    // A language tag's first subtag is the language: "en-US", "pt_BR", "zh-Hant".
    if (const auto cut = lower.find_first_of("-_"); cut != std::string::npos && cut >= 2)
        lower.resize(cut);
    if (find_code(lower)) return lower;
    for (const auto& known : kLanguages)
        if (known.snowball == lower) return std::string(known.code);
    return lower;
}

std::string snowball_name(std::string_view code) {
    if (const auto* known = find_code(code)) return std::string(known->snowball);
    return std::string(code);
}

bool has_stemmer(std::string_view code) {
    const std::string algorithm = snowball_name(code);
    return xapian_has(algorithm) || LibstemmerStem::available(algorithm);
}

Xapian::Stem stemmer_for(std::string_view code) {
    const std::string algorithm = snowball_name(code);
    if (xapian_has(algorithm)) return folding(Xapian::Stem(algorithm));
    // The Stem owns what it is given, ref-counted.
    if (LibstemmerStem::available(algorithm))
        return folding(Xapian::Stem(new LibstemmerStem(algorithm)));
    return Xapian::Stem("none");
}

std::string stemmer_name(const Xapian::Stem& stemmer) {
    const std::string outer = stemmer.get_description();
    constexpr std::string_view head = "Xapian::Stem(";
    if (outer.size() > head.size() && outer.compare(0, head.size(), head) == 0 &&
        outer.back() == ')')
        return outer.substr(head.size(), outer.size() - head.size() - 1);
    return outer;
}

std::string stemmed_languages() {
    std::string list;
    for (const auto& language : kLanguages) {
        if (!list.empty()) list += ", ";
        list += std::string(language.code) + " (" + std::string(language.snowball) + ")";
    }
    return list;
}

}  // namespace newsdex
