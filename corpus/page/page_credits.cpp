/// @file page_credits.cpp
/// @brief Bylines, wire datelines and closing pitches of scraped articles; lead sentences.
#include "corpus/page/page_credits.hpp"

#include <algorithm>
#include <array>

#include "common/text.hpp"

namespace newsdex::corpus {

namespace {

/// How far into a body a dateline may start, and how far from its end a sign-off may.
constexpr std::size_t dateline_window = 200;
constexpr std::size_t sign_off_window = 600;
/// How far before a sign-off a "Read also: ..." link is taken as part of the closing furniture.
constexpr std::size_t link_window = 400;

bool is_upper(char c) {
    return c >= 'A' && c <= 'Z';
}
bool is_lower(char c) {
    return c >= 'a' && c <= 'z';
}

/// "Jasper", "O'Neil", "Smith-Jones": a capitalised word with some lower case in it.
bool is_name_word(std::string_view word) {
    if (word.size() < 2 || !is_upper(word[0])) return false;
    bool lower = false;
    for (char c : word) {
        if (!is_upper(c) && !is_lower(c) && c != '-' && c != '\'' && c != '.') return false;
        lower = lower || is_lower(c);
    }
    return lower;
}

/// The word starting at `i` (up to a space or line end).
std::string_view word_at(std::string_view text, std::size_t i) {
    const std::size_t end = text.find_first_of(" \n", i);
    return text.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i);
}

/// Reads "By Name Name[, and Name Name]" at the start of `body`; returns where the story
/// starts after it (0 when there is no byline).
std::size_t read_byline(std::string_view body, std::vector<std::string>& authors) {
    if (!body.starts_with("By ")) return 0;
    std::vector<std::string> names;
    std::string current;
    std::size_t i = 3, story = 0;
    const auto close = [&] {
        if (current.find(' ') != std::string::npos) names.push_back(current);
        current.clear();
    };
    while (i < body.size() && body[i] != '\n') {
        std::string_view word = word_at(body, i);
        const bool comma = word.ends_with(',');
        if (comma) word.remove_suffix(1);
        if (word == "and") {
            close();
        } else if (is_name_word(word) && std::count(current.begin(), current.end(), ' ') < 3) {
            current += (current.empty() ? "" : " ") + std::string(word);
            story = i + word.size() + (comma ? 1 : 0);
            if (comma) close();
        } else {
            break;
        }
        i += word.size() + (comma ? 1 : 0);
        while (i < body.size() && body[i] == ' ') ++i;
    }
    close();
    if (names.empty()) return 0;
    authors = std::move(names);
    return story;
}

/// "(Reuters)" followed by a dash near the start of `body`: the wire that wrote it.
std::string dateline_publisher(std::string_view body) {
    const std::string_view head = body.substr(0, dateline_window);
    for (std::size_t open = head.find('('); open != std::string_view::npos;
         open = head.find('(', open + 1)) {
        const std::size_t close = head.find(')', open);
        if (close == std::string_view::npos) break;
        const std::string_view name = body.substr(open + 1, close - open - 1);
        std::string_view after = body.substr(close + 1);
        while (after.starts_with(' ')) after.remove_prefix(1);
        const bool dash =
            after.starts_with("-") || after.starts_with("\u2013") || after.starts_with("\u2014");
        if (dash && !name.empty() && is_upper(name[0]) && name.size() < 40)
            return std::string(name);
    }
    return {};
}

/// Capitalised words from `i` ("Kyiv Independent", "Times of India"), after an optional
/// lower-case "the" and, for copyright lines, a year.
std::string name_after(std::string_view text, std::size_t i) {
    std::string name;
    while (i < text.size()) {
        while (i < text.size() && text[i] == ' ') ++i;
        if (i >= text.size()) break;
        std::string_view word = word_at(text, i);
        const std::size_t advance = word.size();
        while (!word.empty() &&
               std::string_view(".,;:!)").find(word.back()) != std::string_view::npos)
            word.remove_suffix(1);
        const bool year =
            word.size() == 4 && word.find_first_not_of("0123456789") == std::string_view::npos;
        const bool filler = name.empty() && (word == "the" || year);
        const bool joiner = !name.empty() && (word == "of" || word == "&" || word == "and");
        if (!filler && !joiner && (word.empty() || !is_upper(word[0]))) break;
        if (!filler) name += (name.empty() ? "" : " ") + std::string(word);
        if (word.size() != advance && !filler && !joiner) break;  // punctuation ends it
        i += advance;
    }
    while (name.ends_with(" of") || name.ends_with(" and") || name.ends_with(" &"))
        name.erase(name.rfind(' '));
    return name;
}

/// Where the sentence holding byte `at` begins.
std::size_t sentence_start(std::string_view text, std::size_t at) {
    for (std::size_t k = at; k > 1; --k) {
        const char end = text[k - 2];
        if ((end == '.' || end == '!' || end == '?') && text[k - 1] == ' ') return k;
        if (text[k - 1] == '\n') return k;
    }
    return 0;
}

/// Finds a closing pitch naming the publication; sets `cut` to where the furniture begins.
std::string sign_off(std::string_view body, std::size_t& cut) {
    static const std::array<std::string_view, 9> cues = {"consider supporting ",
                                                         "please support ",
                                                         "originally published in ",
                                                         "originally published by ",
                                                         "originally appeared in ",
                                                         "first published in ",
                                                         "first published by ",
                                                         "\u00a9 ",
                                                         "copyright "};
    const std::size_t from = body.size() > sign_off_window ? body.size() - sign_off_window : 0;
    // ASCII only: offsets into the lowered tail must stay offsets into the body.
    const std::string tail = ascii_lower(body.substr(from));
    for (const auto cue : cues) {
        const std::size_t at = tail.find(cue);
        if (at == std::string::npos) continue;
        std::string name = name_after(body, from + at + cue.size());
        if (name.empty()) continue;
        cut = sentence_start(body, from + at);
        return name;
    }
    return {};
}

/// Moves `cut` back to an inline "Read also: ..." link shortly before it.
void include_link(std::string_view body, std::size_t& cut) {
    const std::size_t from = cut > link_window ? cut - link_window : 0;
    for (const std::string_view marker : {"Read also:", "Read more:", "See also:", "READ MORE:"}) {
        const std::size_t at = body.substr(from, cut - from).find(marker);
        if (at != std::string_view::npos) cut = std::min(cut, from + at);
    }
}

bool is_abbreviation(std::string_view word) {
    static const std::array<std::string_view, 16> known = {"Mr",  "Mrs",  "Ms",  "Dr",  "St",  "Jr",
                                                           "Sr",  "Gen",  "Sen", "Rep", "Gov", "Lt",
                                                           "Col", "Prof", "No",  "vs"};
    if (word.find('.') != std::string_view::npos) return true;  // "U.S"
    if (word.size() == 1 && is_upper(word[0])) return true;     // an initial
    for (const auto abbreviation : known)
        if (word == abbreviation) return true;
    return false;
}

}  // namespace

Credits take_credits(std::string& body) {
    Credits credits;
    if (const std::size_t story = read_byline(body, credits.authors); story > 0)
        body = std::string(trim(std::string_view(body).substr(story)));
    credits.publisher = dateline_publisher(body);
    std::size_t cut = body.size();
    std::string signed_by = sign_off(body, cut);
    if (!signed_by.empty()) {
        include_link(body, cut);
        body = std::string(trim(std::string_view(body).substr(0, cut)));
        if (credits.publisher.empty()) credits.publisher = std::move(signed_by);
    }
    return credits;
}

std::string_view lead_of(std::string_view text, int sentences, std::size_t max_bytes) {
    std::size_t i = 0;
    for (int found = 0; i < text.size() && i < max_bytes; ++i) {
        const char c = text[i];
        const bool at_end = i + 1 == text.size() || text[i + 1] == ' ' || text[i + 1] == '\n';
        bool ends = c == '\n';
        if ((c == '.' || c == '!' || c == '?') && at_end) {
            const std::size_t space = text.find_last_of(" \n", i);
            const std::size_t start = space == std::string_view::npos ? 0 : space + 1;
            ends = c != '.' || !is_abbreviation(text.substr(start, i - start));
        }
        if (ends && ++found == sentences) return text.substr(0, i + 1);
    }
    return text.substr(0, i);
}

}  // namespace newsdex::corpus
