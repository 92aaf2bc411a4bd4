/// @file page_lines.cpp
/// @brief Line classes of scraped pages: furniture lexicon, listing ages and credits, headings.
#include "corpus/page/page_lines.hpp"

#include <array>

#include "common/text.hpp"
#include "corpus/page/page_dates.hpp"

namespace newsdex::corpus {

namespace {

/// Longest line taken for a heading or a listing credit, in words.
constexpr std::size_t max_heading_words = 5;

/// Widget headings and promotions, compared whole with the lower-cased line (trailing
/// punctuation and "..." removed).
constexpr std::array<std::string_view, 44> furniture_lines = {"related",
                                                              "related stories",
                                                              "related articles",
                                                              "related content",
                                                              "related coverage",
                                                              "related news",
                                                              "related posts",
                                                              "related topics",
                                                              "more stories",
                                                              "more news",
                                                              "more from",
                                                              "recommended",
                                                              "recommended for you",
                                                              "recommended stories",
                                                              "you may also like",
                                                              "you might also like",
                                                              "read more",
                                                              "read next",
                                                              "read also",
                                                              "see also",
                                                              "comments",
                                                              "comment",
                                                              "no comments yet",
                                                              "leave a comment",
                                                              "show comments",
                                                              "view comments",
                                                              "advertisement",
                                                              "sponsored",
                                                              "sponsored content",
                                                              "share",
                                                              "share this",
                                                              "share this article",
                                                              "share this story",
                                                              "subscribe",
                                                              "sign up",
                                                              "newsletter",
                                                              "trending",
                                                              "trending now",
                                                              "most read",
                                                              "most popular",
                                                              "top stories",
                                                              "latest news",
                                                              "follow us",
                                                              "load more"};

/// Promotions recognised by how they begin.
constexpr std::array<std::string_view, 14> furniture_prefixes = {
    "try our ",      "explore what ",
    "sign up for ",  "subscribe to ",
    "download the ", "follow us on ",
    "click here",    "share on ",
    "read more:",    "read also:",
    "see also:",     "related:",
    "sponsored by ", "be the first to comment"};

/// Lower-case words that end a cut-off sentence, never a heading ("On March 25, 2024, the").
constexpr std::array<std::string_view, 14> trailing_function_words = {
    "the", "a", "an", "of", "in", "on", "to", "for", "and", "or", "by", "with", "at", "from"};

std::string normalised(std::string_view line) {
    std::string text = to_lower(trim(line));
    for (bool more = true; more;) {
        more = false;
        for (const std::string_view tail : {".", ":", "!", "\u2026"}) {
            if (!text.ends_with(tail)) continue;
            text.resize(text.size() - tail.size());
            more = true;
        }
    }
    return text;
}

bool is_furniture(std::string_view line) {
    const std::string text = normalised(line);
    for (const auto entry : furniture_lines)
        if (text == entry) return true;
    const std::string lower = to_lower(trim(line));
    for (const auto prefix : furniture_prefixes)
        if (lower.starts_with(prefix)) return true;
    return false;
}

std::size_t word_count(std::string_view text) {
    std::size_t words = 0;
    bool in_word = false;
    for (char c : text) {
        const bool space = c == ' ' || c == '\t';
        words += (!space && !in_word) ? 1 : 0;
        in_word = !space;
    }
    return words;
}

/// A short name-like line: few words, no sentence punctuation, not a cut-off sentence.
bool is_heading(std::string_view line) {
    if (line.empty() || word_count(line) > max_heading_words || line.size() > 60) return false;
    if (line.find_first_of(".,;!?\"") != std::string_view::npos) return false;
    const std::size_t space = line.find_last_of(' ');
    const std::string_view last = space == std::string_view::npos ? line : line.substr(space + 1);
    for (const auto word : trailing_function_words)
        if (last == word) return false;
    return true;
}

/// Seconds in a time unit written as a word or abbreviation ("minutes", "min", "h").
std::optional<std::int64_t> unit_seconds(std::string_view unit) {
    if (unit.size() > 1 && unit.ends_with('s') && unit != "hrs" && unit != "mins")
        unit.remove_suffix(1);
    struct Unit {
        std::string_view name;
        std::int64_t seconds;
    };
    static const std::array<Unit, 17> units = {{{"second", 1},
                                                {"sec", 1},
                                                {"s", 1},
                                                {"minute", 60},
                                                {"min", 60},
                                                {"mins", 60},
                                                {"m", 60},
                                                {"hour", 3600},
                                                {"hr", 3600},
                                                {"hrs", 3600},
                                                {"h", 3600},
                                                {"day", 86400},
                                                {"d", 86400},
                                                {"week", 604800},
                                                {"w", 604800},
                                                {"month", 2592000},
                                                {"year", 31536000}}};
    for (const auto& u : units)
        if (unit == u.name) return u.seconds;
    return std::nullopt;
}

/// "17 minutes ago", "an hour ago", "2h ago", "just now", "yesterday" in seconds.
std::optional<std::int64_t> parse_age(std::string_view line) {
    std::string text = to_lower(trim(line));
    for (const std::string_view prefix : {"updated ", "posted ", "published "})
        if (text.starts_with(prefix)) text.erase(0, prefix.size());
    if (text == "just now") return 0;
    if (text == "yesterday") return 86400;
    if (!text.ends_with(" ago")) return std::nullopt;
    std::string_view rest = std::string_view(text).substr(0, text.size() - 4);
    std::int64_t count = 0;
    std::size_t digits = 0;
    // Past the cap below the count is refused anyway; stop growing it before it overflows.
    for (; digits < rest.size() && rest[digits] >= '0' && rest[digits] <= '9'; ++digits)
        if (count <= 100000) count = count * 10 + (rest[digits] - '0');
    if (digits == 0) {
        const std::size_t space = rest.find(' ');
        const std::string_view word = rest.substr(0, space);
        if (word != "a" && word != "an" && word != "one") return std::nullopt;
        count = 1;
        digits = word.size();
    }
    const auto unit = unit_seconds(trim(rest.substr(digits)));
    if (!unit || count > 100000) return std::nullopt;
    return count * *unit;
}

/// "- Yahoo", "— Yahoo", "via Yahoo": the credit's name, or "".
std::string_view via_name(std::string_view line) {
    line = trim(line);
    for (const std::string_view mark : {"- ", "\u2013 ", "\u2014 ", "\u2022 ", "via "}) {
        if (line.starts_with(mark)) {
            const std::string_view name = trim(line.substr(mark.size()));
            return is_heading(name) && word_count(name) <= 4 ? name : std::string_view();
        }
    }
    return {};
}

}  // namespace

std::optional<ListingLine> parse_listing_line(std::string_view line) {
    line = trim(line);
    if (const auto age = parse_age(line)) return ListingLine{age, ""};
    if (const auto name = via_name(line); !name.empty()) return ListingLine{{}, std::string(name)};
    // "Yahoo · 17 minutes ago": a credit and an age on one line.
    for (const std::string_view separator : {" \u00b7 ", " \u2022 ", " | ", " - "}) {
        const std::size_t at = line.find(separator);
        if (at == std::string_view::npos) continue;
        const std::string_view name = trim(line.substr(0, at));
        const auto age = parse_age(line.substr(at + separator.size()));
        if (age && is_heading(name)) return ListingLine{age, std::string(name)};
    }
    return std::nullopt;
}

LineKind classify_line(std::string_view line) {
    line = trim(line);
    if (line.empty()) return LineKind::blank;
    if (is_furniture(line)) return LineKind::furniture;
    if (const auto listing = parse_listing_line(line))
        return listing->age_seconds ? LineKind::age : LineKind::via;
    if (line_date(line)) return LineKind::date;
    return is_heading(line) ? LineKind::heading : LineKind::prose;
}

std::vector<PageLine> classify_page(std::string_view text) {
    std::vector<PageLine> lines;
    std::uint64_t number = 0;
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        const std::string_view line = trim(text.substr(0, end));
        lines.push_back({line, ++number, classify_line(line)});
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    }
    // A lead-in to a widget the scraper left empty ("Explore what X can do for you:").
    for (std::size_t k = lines.size(); k-- > 0;) {
        if (lines[k].kind != LineKind::prose || !lines[k].text.ends_with(':')) continue;
        std::size_t next = k + 1;
        while (next < lines.size() && lines[next].kind == LineKind::blank) ++next;
        if (next == lines.size() || lines[next].kind == LineKind::furniture)
            lines[k].kind = LineKind::furniture;
    }
    return lines;
}

std::size_t page_signal_count(const std::vector<PageLine>& lines) {
    std::size_t signals = 0;
    for (const auto& line : lines) {
        const bool signal = line.kind == LineKind::furniture || line.kind == LineKind::date ||
                            line.kind == LineKind::age || line.kind == LineKind::via;
        signals += signal ? 1 : 0;
    }
    return signals;
}

}  // namespace newsdex::corpus
