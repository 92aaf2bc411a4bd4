/// @file page_dates.cpp
/// @brief Finds month-day, numeric and ISO dates in prose and infers the years left out.
#include "corpus/page/page_dates.hpp"

#include <array>
#include <cstdlib>
#include <string>

#include "common/text.hpp"

namespace newsdex::corpus {

namespace {

constexpr std::int64_t day_seconds = 86400;

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_word_char(char c) {
    return is_digit(c) || is_alpha(c);
}

/// 1-12 for a capitalised month name or abbreviation ("March", "Mar", "Sept"), else 0.
int month_number(std::string_view word) {
    static const std::array<std::string_view, 12> names = {
        "january", "february", "march",     "april",   "may",      "june",
        "july",    "august",   "september", "october", "november", "december"};
    if (word.size() < 3 || word.front() < 'A' || word.front() > 'Z') return 0;
    const std::string lower = to_lower(word);
    for (std::size_t k = 0; k < names.size(); ++k) {
        const bool whole = lower == names[k];
        const bool abbrev = lower.size() <= 4 && names[k].starts_with(lower) &&
                            (lower.size() == 3 || lower == "sept");
        if (whole || abbrev) return static_cast<int>(k) + 1;
    }
    return 0;
}

/// Reads digits at `i` (at most `max` of them); returns the count read.
std::size_t read_number(std::string_view text, std::size_t i, std::size_t max, int& value) {
    std::size_t n = 0;
    value = 0;
    while (i + n < text.size() && is_digit(text[i + n]) && n < max + 1) {
        value = value * 10 + (text[i + n] - '0');
        ++n;
    }
    return n <= max ? n : 0;
}

std::size_t skip_spaces(std::string_view text, std::size_t i) {
    while (i < text.size() && text[i] == ' ') ++i;
    return i;
}

bool plausible_year(int year) {
    return year >= 1900 && year <= 2100;
}

/// "May 28", "May 28, 2025", "May 2025" from the month word at [begin, word_end).
std::optional<DateMention> month_first(std::string_view text, std::size_t begin,
                                       std::size_t word_end, int month) {
    std::size_t i = word_end;
    if (i < text.size() && text[i] == '.') ++i;
    i = skip_spaces(text, i);
    int number = 0;
    const std::size_t n = read_number(text, i, 4, number);
    if (n == 0 || (i + n < text.size() && is_alpha(text[i + n]) && text.substr(i + n, 2) != "st" &&
                   text.substr(i + n, 2) != "nd" && text.substr(i + n, 2) != "rd" &&
                   text.substr(i + n, 2) != "th"))
        return std::nullopt;
    if (n == 4) {
        if (!plausible_year(number)) return std::nullopt;
        return DateMention{number, month, 0, begin, i + n};
    }
    if (n > 2 || number < 1 || !is_valid_date(2000, month, number)) return std::nullopt;
    DateMention mention{0, month, number, begin, i + n};
    while (mention.end < text.size() && is_alpha(text[mention.end])) ++mention.end;  // "3rd"
    std::size_t j = mention.end;
    if (j < text.size() && text[j] == ',') ++j;
    j = skip_spaces(text, j);
    int year = 0;
    if (read_number(text, j, 4, year) == 4 && plausible_year(year) &&
        is_valid_date(year, month, number)) {
        mention.year = year;
        mention.end = j + 4;
    }
    return mention;
}

/// "3/5/2025", "2025-03-05" or "28 May [2025]" from the number at `begin`.
std::optional<DateMention> number_first(std::string_view text, std::size_t begin) {
    int a = 0, b = 0, c = 0;
    const std::size_t n = read_number(text, begin, 4, a);
    std::size_t i = begin + n;
    if (n == 4 && i + 6 <= text.size() && text[i] == '-' && read_number(text, i + 1, 2, b) == 2 &&
        text[i + 3] == '-' && read_number(text, i + 4, 2, c) == 2 && is_valid_date(a, b, c))
        return DateMention{a, b, c, begin, i + 6};
    if (n == 0 || n > 2) return std::nullopt;
    if (i < text.size() && text[i] == '/') {
        const std::size_t nb = read_number(text, i + 1, 2, b);
        const std::size_t slash = i + 1 + nb;
        if (nb == 0 || slash >= text.size() || text[slash] != '/') return std::nullopt;
        const std::size_t nc = read_number(text, slash + 1, 4, c);
        if (nc == 2) c += 2000;  // "3/5/25": scraped listings are recent
        if (nc != 2 && nc != 4) return std::nullopt;
        const int month = a > 12 ? b : a, day = a > 12 ? a : b;  // US order unless it cannot be
        if (!is_valid_date(c, month, day)) return std::nullopt;
        return DateMention{c, month, day, begin, slash + 1 + nc};
    }
    std::size_t w = skip_spaces(text, i);
    if (w == i) return std::nullopt;
    std::size_t word_end = w;
    while (word_end < text.size() && is_alpha(text[word_end])) ++word_end;
    const int month = month_number(text.substr(w, word_end - w));
    if (month == 0 || !is_valid_date(2000, month, a)) return std::nullopt;
    DateMention mention{0, month, a, begin, word_end};
    const std::size_t y = skip_spaces(text, word_end + (text.substr(word_end, 1) == "," ? 1 : 0));
    if (read_number(text, y, 4, c) == 4 && plausible_year(c) && is_valid_date(c, month, a)) {
        mention.year = c;
        mention.end = y + 4;
    }
    return mention;
}

/// The first moment of a mention's period (a month when it has no day).
std::int64_t period_start(const DateMention& m) {
    return to_epoch_seconds(m.year, m.month, m.day == 0 ? 1 : m.day);
}

/// The last second of a mention's period.
std::int64_t period_end(const DateMention& m) {
    if (m.day != 0) return period_start(m) + day_seconds - 1;
    const int year = m.month == 12 ? m.year + 1 : m.year;
    return to_epoch_seconds(year, m.month % 12 + 1, 1) - 1;
}

int year_of(std::int64_t seconds) {
    return std::atoi(format_day(seconds).c_str());
}

}  // namespace

std::vector<DateMention> find_dates(std::string_view text) {
    std::vector<DateMention> found;
    std::size_t i = 0;
    while (i < text.size()) {
        if (!is_word_char(text[i]) || (i > 0 && is_word_char(text[i - 1]))) {
            ++i;
            continue;
        }
        std::optional<DateMention> mention;
        if (is_digit(text[i])) {
            mention = number_first(text, i);
        } else {
            std::size_t end = i;
            while (end < text.size() && is_alpha(text[end])) ++end;
            if (const int month = month_number(text.substr(i, end - i)))
                mention = month_first(text, i, end, month);
        }
        if (mention) {
            found.push_back(*mention);
            i = mention->end;
        } else {
            while (i < text.size() && is_word_char(text[i])) ++i;
        }
    }
    return found;
}

std::optional<DateMention> line_date(std::string_view line) {
    line = trim(line);
    for (const std::string_view prefix : {"Updated ", "Published ", "Posted "})
        if (line.starts_with(prefix)) line.remove_prefix(prefix.size());
    static const std::array<std::string_view, 7> weekdays = {
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    for (const auto weekday : weekdays)
        if (line.starts_with(weekday)) line = trim(line.substr(line.find_first_of(" ,") + 1));
    line = trim(line);
    const auto found = find_dates(line);
    if (found.size() != 1 || found[0].begin != 0 || found[0].day == 0) return std::nullopt;
    // Allow a trailing time or zone ("10:30 AM ET"), but no more words of prose.
    const std::string_view rest = line.substr(found[0].end);
    if (rest.find_first_not_of(" ,.:0123456789APMETUCGapm") != std::string_view::npos)
        return std::nullopt;
    return found[0];
}

std::optional<std::int64_t> latest_stated(std::span<const DateMention> mentions,
                                          std::int64_t reference) {
    std::optional<std::int64_t> latest;
    for (const auto& m : mentions) {
        if (m.year == 0 || period_start(m) > reference) continue;
        if (!latest || period_end(m) > *latest) latest = period_end(m);
    }
    return latest;
}

std::optional<Timestamp> resolve_date(const DateMention& mention,
                                      std::optional<std::int64_t> context, std::int64_t reference) {
    if (mention.day == 0) return std::nullopt;
    if (mention.year != 0)
        return Timestamp{to_epoch_seconds(mention.year, mention.month, mention.day), false};
    const int last_year = year_of(reference);
    // A page is written soon after the latest date it states; the slack admits an event
    // mentioned a little before a related story it links to.
    if (context) {
        const std::int64_t after = *context - 31 * day_seconds;
        for (int year = year_of(after); year <= last_year; ++year) {
            if (!is_valid_date(year, mention.month, mention.day)) continue;
            const std::int64_t at = to_epoch_seconds(year, mention.month, mention.day);
            if (at >= after && at <= reference) return Timestamp{at, false};
        }
    }
    for (int year = last_year; year > last_year - 8; --year) {
        if (!is_valid_date(year, mention.month, mention.day)) continue;
        const std::int64_t at = to_epoch_seconds(year, mention.month, mention.day);
        if (at <= reference) return Timestamp{at, false};
    }
    return std::nullopt;
}

}  // namespace newsdex::corpus
