/// @file spelling_suggester.cpp
/// @brief Query words looked up in Xapian's spelling data, corrected in place in the query.
#include "searcher/spelling_suggester.hpp"

#include <xapian.h>

#include <array>
#include <cctype>

namespace newsdex::searcher {

namespace {

bool word_byte(char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte >= 0x80 || std::isalnum(byte) != 0;
}

bool is_operator(std::string_view word) {
    constexpr std::array<std::string_view, 6> operators = {"AND", "OR",   "NOT",
                                                           "XOR", "NEAR", "ADJ"};
    for (const auto op : operators)
        if (word == op) return true;
    return false;
}

bool has_digit(std::string_view word) {
    for (const char c : word)
        if (c >= '0' && c <= '9') return true;
    return false;
}

// How often the spelling data holds `word` (0: never). Xapian 1.4 has no public call for one
// word: the spelling word list carries the frequencies as term frequencies.
Xapian::doccount spelling_frequency(const Xapian::Database& db, const std::string& word) {
    Xapian::TermIterator it = db.spellings_begin();
    it.skip_to(word);
    return it != db.spellings_end() && *it == word ? it.get_termfreq() : 0;
}

// The correction of one query word, as the query should show it; empty when none.
std::string correction(const Xapian::Database& db, std::string_view word) {
    const std::string lower = Xapian::Unicode::tolower(std::string(word));
    // A word the articles use often is how they spell it: not looked up at all (a lookup
    // walks every word sharing a trigram with it, up to a millisecond or more).
    const Xapian::doccount own = spelling_frequency(db, lower);
    if (own >= kWellUsed) return {};
    std::string suggested = db.get_spelling_suggestion(lower);
    if (suggested.empty() || suggested == lower) return {};
    // A word the articles use is corrected only to a far commoner one ("Volker" to "Volcker"),
    // not to its neighbours ("rates" to "rate").
    if (own > 0 && spelling_frequency(db, suggested) < own * kSpellingRatio) return {};
    // "Japn" -> "Japan": capitalised as typed (ASCII letters only).
    const auto first = static_cast<unsigned char>(word.front());
    if (std::isupper(first) && static_cast<unsigned char>(suggested.front()) < 0x80)
        suggested.front() = static_cast<char>(std::toupper(suggested.front()));
    return suggested;
}

}  // namespace

bool wants_suggestion(const SearchRequest& request, const SearchResult& result) {
    return result.total <= kFewMatches &&
           request.query.find_first_not_of(" \t\r\n") != std::string::npos;
}

std::optional<std::string> corrected_query(const Xapian::Database& db, std::string_view query) {
    std::string corrected;
    bool changed = false;
    std::size_t i = 0;
    bool in_quotes = false;
    while (i < query.size()) {
        if (!word_byte(query[i])) {
            if (query[i] == '"') in_quotes = !in_quotes;
            corrected += query[i++];
            continue;
        }
        std::size_t end = i;
        while (end < query.size() &&
               (word_byte(query[end]) || (query[end] == '\'' && end + 1 < query.size() &&
                                          word_byte(query[end + 1]) && end > i)))
            ++end;
        const std::string_view word = query.substr(i, end - i);
        // A field: title's words are text; any other field's value is kept as written, up to
        // the next space (or its closing quote).
        if (!in_quotes && end + 1 < query.size() && query[end] == ':' && query[end + 1] != ' ' &&
            word != "title") {
            std::size_t value_end = end + 1;
            if (query[value_end] == '"') {
                value_end = query.find('"', value_end + 1);
                value_end = value_end == std::string_view::npos ? query.size() : value_end + 1;
            } else {
                while (value_end < query.size() && query[value_end] != ' ' &&
                       query[value_end] != ')')
                    ++value_end;
            }
            corrected += query.substr(i, value_end - i);
            i = value_end;
            continue;
        }
        const bool wildcard = end < query.size() && query[end] == '*';
        const bool field_name = end < query.size() && query[end] == ':';
        std::string fixed;
        if (!wildcard && !field_name && word.size() > 1 && !is_operator(word) && !has_digit(word))
            fixed = correction(db, word);
        if (fixed.empty()) {
            corrected += word;
        } else {
            corrected += fixed;
            changed = true;
        }
        i = end;
    }
    if (!changed) return std::nullopt;
    return corrected;
}

}  // namespace newsdex::searcher
