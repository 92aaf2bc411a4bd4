/// @file name_tokenizer.cpp
/// @brief Word tokens with case, sentence and punctuation facts, for the entity extractor.
#include "corpus/analysis/name_tokenizer.hpp"

#include <algorithm>

#include "common/text.hpp"
#include "corpus/analysis/entity_cues.hpp"

namespace newsdex::corpus {

namespace {

bool is_upper(char c) {
    return c >= 'A' && c <= 'Z';
}
bool is_lower(char c) {
    return c >= 'a' && c <= 'z';
}
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// Curly quotes and dashes (U+2018..U+201D, U+2013/2014) are punctuation, not letters.
bool is_typographic(std::string_view text, std::size_t i) {
    return i + 2 < text.size() && static_cast<unsigned char>(text[i]) == 0xE2 &&
           static_cast<unsigned char>(text[i + 1]) == 0x80;
}

bool is_word_byte(std::string_view text, std::size_t i) {
    const char c = text[i];
    return is_upper(c) || is_lower(c) || is_digit(c) ||
           (static_cast<unsigned char>(c) >= 0x80 && !is_typographic(text, i));
}

// Lower case ASCII without dots; other bytes kept (keys only need to match themselves).
std::string key_of(std::string_view word) {
    std::string key;
    key.reserve(word.size());
    for (const char c : word)
        if (c != '.') key += ascii_lower(c);
    return key;
}

// Whether the dot at `dot` ends a capitalised word that lost its space before the next one
// ("Snowden.Image"), for a word that starts at `start` and whose part before the dot starts at
// `part`. Initials ("U.S."), capitals ("CS.CMU.EDU") and addresses ("leland.Stanford.EDU",
// "Stanford.EDU") stay one word.
bool glued_words(std::string_view text, std::size_t start, std::size_t part, std::size_t dot) {
    return is_upper(text[start]) && dot - part > 1 &&
           std::any_of(text.begin() + part, text.begin() + dot, is_lower) &&
           dot + 2 < text.size() && is_upper(text[dot + 1]) && is_lower(text[dot + 2]);
}

// End of the word that starts at `i`: letters and digits, joined by . ' - & and ’; a dot
// ends it only between two glued words (glued_words()).
std::size_t word_end(std::string_view text, std::size_t i) {
    std::size_t j = i, part = i;
    while (j < text.size()) {
        if (is_word_byte(text, j)) {
            ++j;
        } else if (text[j] == '.' && j + 1 < text.size() && is_word_byte(text, j + 1)) {
            if (glued_words(text, i, part, j)) break;
            part = ++j;
        } else if ((text[j] == '\'' || text[j] == '-' || text[j] == '&') && j + 1 < text.size() &&
                   is_word_byte(text, j + 1)) {
            ++j;
        } else if (is_typographic(text, j) && static_cast<unsigned char>(text[j + 2]) == 0x99 &&
                   j + 3 < text.size() && is_word_byte(text, j + 3)) {
            j += 3;  // ’ inside a word
        } else {
            break;
        }
    }
    return j;
}

// Whether a line is mostly upper case (a headline, a table): under 20% lower-case letters.
bool mostly_upper(std::string_view line) {
    std::size_t upper = 0, lower = 0;
    for (const char c : line) {
        upper += is_upper(c);
        lower += is_lower(c);
    }
    return upper + lower >= 4 && lower * 5 < upper + lower;
}

// Appends the word [i, j) of `line`; returns the index after it, its dot included when that
// dot belongs to the word (an initial, "U.S.", "Mr.", "Inc.").
std::size_t add_word(std::string_view line, std::size_t i, std::size_t j, bool& sentence_end,
                     std::vector<NameToken>& out) {
    NameToken& token = out.emplace_back();
    token.sentence_start = sentence_end;
    sentence_end = false;
    std::string_view word = line.substr(i, j - i);
    for (std::string_view suffix : {"'s", "\xE2\x80\x99s"}) {
        if (word.size() > suffix.size() && word.ends_with(suffix)) {
            word.remove_suffix(suffix.size());
            token.possessive = true;
        }
    }
    token.text = word;
    token.key = key_of(word);
    token.capitalised = is_upper(word.front());
    std::size_t letters = 0, lower = 0;
    for (const char c : word) {
        letters += is_upper(c) || is_lower(c);
        lower += is_lower(c);
    }
    token.all_caps = letters >= 2 && lower == 0;
    if (j < line.size() && line[j] == '.') {
        const bool initial = word.size() == 1 && token.capitalised;
        const bool dotted = word.find('.') != std::string_view::npos;
        if (initial || dotted || entity_cues::is_abbreviation(token.key)) {
            token.text = line.substr(i, j + 1 - i);  // "U.S.", "A." keep their dot
            return j + 1;
        }
        // "Texaco Inc." usually ends its sentence as well as the name.
        if (entity_cues::is_corporate_suffix(token.key)) {
            sentence_end = true;
            return j + 1;
        }
    }
    return j;
}

// Whether a line is written in headline case ("Czech Authorities Blame Chinese Hackers"):
// five words or more, every word longer than three letters capitalised.
bool headline_case(std::string_view line) {
    std::size_t words = 0;
    for (std::size_t i = 0; i < line.size();) {
        if (!is_word_byte(line, i)) {
            ++i;
            continue;
        }
        const std::size_t end = word_end(line, i);
        if (is_lower(line[i]) && end - i > 3) return false;
        words += is_upper(line[i]);
        i = end;
    }
    return words >= 5;
}

void tokenize_line(std::string_view line, std::vector<NameToken>& out) {
    bool sentence_end = true, pending_break = true, angle = false;
    char punct = 0;
    for (std::size_t i = 0; i < line.size();) {
        if (is_word_byte(line, i)) {
            const std::size_t next = add_word(line, i, word_end(line, i), sentence_end, out);
            NameToken& token = out.back();
            token.break_before = pending_break || token.sentence_start;
            token.punct_before = punct;
            token.in_angle = angle;
            pending_break = sentence_end;
            punct = 0;
            i = next;
            continue;
        }
        const char c = line[i];
        if (c == '.' || c == '!' || c == '?') sentence_end = true;
        if (c == '<' || c == '>') angle = c == '<';
        if (c != ' ' && c != '\t') {
            pending_break = true;
            punct = c;
        }
        i += is_typographic(line, i) ? 3 : 1;
    }
}

}  // namespace

void tokenize_names(std::string_view text, std::vector<NameToken>& out) {
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        const std::string_view line = text.substr(0, end);
        if (!mostly_upper(line) && !headline_case(line)) tokenize_line(line, out);
        if (end == std::string_view::npos) break;
        text.remove_prefix(end + 1);
    }
}

}  // namespace newsdex::corpus
