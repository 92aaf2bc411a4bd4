/// @file date.cpp
/// @brief Date parsing (ISO-8601, RFC 2822, Reuters) and formatting, proleptic Gregorian, UTC.
#include "common/date.hpp"

#include <array>
#include <chrono>
#include <cstdio>

#include "common/text.hpp"

namespace newsdex {

namespace {

constexpr std::int64_t seconds_per_day = 86400;

constexpr std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    return a / b - ((a % b != 0 && (a < 0) != (b < 0)) ? 1 : 0);
}

// The Gregorian calendar repeats every 400 years, exactly 146097 days. std::chrono counts
// years only in -32767..32767 (and libstdc++ its days in 32 bits), while a date given as
// epoch milliseconds can lie much further out: std::chrono does the calendar within one
// 400-year era, and the era is counted here in 64 bits.
constexpr std::int64_t years_per_era = 400;
constexpr std::int64_t days_per_era = 146097;

/// Days since 1970-01-01 of a proleptic Gregorian date (day 1 or later).
constexpr std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
    using namespace std::chrono;
    const std::int64_t era = floor_div(y, years_per_era);
    const year_month_day date{year{static_cast<int>(y - era * years_per_era)}, month{m}, day{d}};
    return sys_days{date}.time_since_epoch().count() + era * days_per_era;
}

struct CivilDate {
    std::int64_t year;
    unsigned month;
    unsigned day;
};

/// The date of a day counted from 1970-01-01 (the inverse of days_from_civil).
constexpr CivilDate civil_from_days(std::int64_t z) {
    using namespace std::chrono;
    const std::int64_t era = floor_div(z, days_per_era);
    const year_month_day date{sys_days{days{z - era * days_per_era}}};
    return {static_cast<int>(date.year()) + era * years_per_era,
            static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day())};
}

/// How much of a date was written; a period covers everything the omitted parts allow.
enum class Precision { year, month, day, time };

struct Parsed {
    Timestamp ts;
    Precision precision = Precision::day;
    int year = 0, month = 0, day = 0;
};

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/// A forward-only reader over the date text.
struct Cursor {
    std::string_view s;
    std::size_t i = 0;

    [[nodiscard]] bool done() const { return i >= s.size(); }
    [[nodiscard]] char peek() const { return done() ? '\0' : s[i]; }
    bool eat(char c) {
        if (done() || ascii_lower(s[i]) != ascii_lower(c)) return false;
        ++i;
        return true;
    }
    bool skip_spaces() {
        const std::size_t start = i;
        while (!done() && is_space(s[i])) ++i;
        return i > start;
    }
    /// Reads between min and max digits; fails (consuming nothing) outside that count.
    bool number(int min, int max, int& out) {
        std::size_t j = i;
        int value = 0;
        while (j < s.size() && is_digit(s[j]) && static_cast<int>(j - i) < max)
            value = value * 10 + (s[j++] - '0');
        if (static_cast<int>(j - i) < min) return false;
        i = j;
        out = value;
        return true;
    }
    std::string_view word() {
        const std::size_t start = i;
        while (!done() && is_alpha(s[i])) ++i;
        return s.substr(start, i - start);
    }
};

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t k = 0; k < a.size(); ++k)
        if (ascii_lower(a[k]) != ascii_lower(b[k])) return false;
    return true;
}

constexpr std::array<std::string_view, 12> month_names = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

/// 1-12 for "Mar", "MAR" or "March"; 0 otherwise.
int month_from_name(std::string_view name) {
    for (std::size_t m = 0; m < month_names.size(); ++m) {
        if (iequals(name, month_names[m]) || iequals(name, month_names[m].substr(0, 3)))
            return static_cast<int>(m) + 1;
    }
    return 0;
}

bool is_weekday(std::string_view name) {
    static constexpr std::array<std::string_view, 7> days = {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
    for (auto day : days)
        if (iequals(name, day) || iequals(name, day.substr(0, 3))) return true;
    return false;
}

/// HH:MM[:SS[.fff]] into seconds of the day; fractions are truncated.
bool parse_time(Cursor& c, bool seconds_required, int& out) {
    int h = 0, m = 0, sec = 0;
    if (!c.number(2, 2, h) || !c.eat(':') || !c.number(2, 2, m)) return false;
    if (c.eat(':')) {
        if (!c.number(2, 2, sec)) return false;
        if (c.eat('.') || c.eat(',')) {
            int ignored = 0;
            if (!c.number(1, 9, ignored)) return false;
            while (is_digit(c.peek())) ++c.i;
        }
    } else if (seconds_required) {
        return false;
    }
    if (h > 23 || m > 59 || sec > 59) return false;
    out = h * 3600 + m * 60 + sec;
    return true;
}

/// `±HH:MM`, `±HHMM` or `±HH` as seconds east of UTC.
bool parse_numeric_zone(Cursor& c, int& offset) {
    const char sign = c.peek();
    if (sign != '+' && sign != '-') return false;
    ++c.i;
    int h = 0, m = 0;
    if (!c.number(2, 2, h)) return false;
    if (c.eat(':')) {
        if (!c.number(2, 2, m)) return false;
    } else {
        c.number(2, 2, m);
    }
    if (h > 23 || m > 59) return false;
    offset = (sign == '-' ? -1 : 1) * (h * 3600 + m * 60);
    return true;
}

std::optional<Parsed> make(int year, int month, int day, Precision precision, int time_of_day,
                           int zone_offset) {
    if (!is_valid_date(year, month, day)) return std::nullopt;
    Parsed p;
    p.year = year;
    p.month = month;
    p.day = day;
    p.precision = precision;
    p.ts.seconds = to_epoch_seconds(year, month, day) + time_of_day - zone_offset;
    p.ts.has_time = precision == Precision::time;
    return p;
}

/// 1987 | 1987-03 | 1987-03-26 | 1987-03-26(T| )15:01[:01[.fff]][Z|±HH:MM|±HHMM|±HH]
std::optional<Parsed> parse_iso(Cursor c) {
    int y = 0, m = 1, d = 1;
    if (!c.number(4, 4, y)) return std::nullopt;
    if (c.done()) return make(y, 1, 1, Precision::year, 0, 0);
    if (!c.eat('-') || !c.number(2, 2, m)) return std::nullopt;
    if (c.done()) return make(y, m, 1, Precision::month, 0, 0);
    if (!c.eat('-') || !c.number(2, 2, d)) return std::nullopt;
    if (c.done()) return make(y, m, d, Precision::day, 0, 0);
    if (!c.eat('T') && !c.eat(' ')) return std::nullopt;
    int time = 0, zone = 0;
    if (!parse_time(c, false, time)) return std::nullopt;
    if (!c.eat('Z') && !c.done() && !parse_numeric_zone(c, zone)) return std::nullopt;
    if (!c.done()) return std::nullopt;
    return make(y, m, d, Precision::time, time, zone);
}

/// [Thu,] 26 Mar 1987 [15:01[:01] [+0000|UT|GMT|EST|...] [(comment)]]
std::optional<Parsed> parse_rfc2822(Cursor c) {
    if (is_alpha(c.peek())) {
        if (!is_weekday(c.word()) || !c.eat(',')) return std::nullopt;
        c.skip_spaces();
    }
    int d = 0, y = 0;
    if (!c.number(1, 2, d) || !c.skip_spaces()) return std::nullopt;
    const int m = month_from_name(c.word());
    if (m == 0 || !c.skip_spaces() || !c.number(4, 4, y)) return std::nullopt;
    c.skip_spaces();
    if (c.done()) return make(y, m, d, Precision::day, 0, 0);
    int time = 0, zone = 0;
    if (!parse_time(c, false, time)) return std::nullopt;
    c.skip_spaces();
    if (is_alpha(c.peek())) {
        using Zone = std::pair<std::string_view, int>;
        // clang-format off
        static constexpr std::array<Zone, 12> zones = {{
            {"UT", 0}, {"UTC", 0}, {"GMT", 0}, {"Z", 0}, {"EST", -5}, {"EDT", -4},
            {"CST", -6}, {"CDT", -5}, {"MST", -7}, {"MDT", -6}, {"PST", -8}, {"PDT", -7}}};
        // clang-format on
        const std::string_view name = c.word();
        bool known = false;
        for (const auto& [zone_name, hours] : zones) {
            if (iequals(name, zone_name)) {
                zone = hours * 3600;
                known = true;
            }
        }
        if (!known) return std::nullopt;
    } else if (!c.done() && c.peek() != '(' && !parse_numeric_zone(c, zone)) {
        return std::nullopt;
    }
    c.skip_spaces();
    // Mail and feed software often appends the zone's name as a comment: "+0000 (UTC)".
    if (c.eat('(')) {
        while (!c.done() && c.peek() != ')') ++c.i;
        if (!c.eat(')')) return std::nullopt;
        c.skip_spaces();
    }
    if (!c.done()) return std::nullopt;
    return make(y, m, d, Precision::time, time, zone);
}

/// 26-FEB-1987 15:01:01.79<anything>: the Reuters-21578 DATE element, junk and all.
std::optional<Parsed> parse_reuters(Cursor c) {
    int d = 0, y = 0;
    if (!c.number(1, 2, d) || !c.eat('-')) return std::nullopt;
    const int m = month_from_name(c.word());
    if (m == 0 || !c.eat('-') || !c.number(4, 4, y)) return std::nullopt;
    if (c.done()) return make(y, m, d, Precision::day, 0, 0);
    if (!c.skip_spaces()) return std::nullopt;
    int time = 0;
    if (!parse_time(c, true, time)) return std::nullopt;
    // The junk seen in the corpus is "&#5;&#5;&#5;RM" or a comment; a digit here instead
    // means a malformed number ("15:01:011"), not junk.
    if (is_digit(c.peek())) return std::nullopt;
    return make(y, m, d, Precision::time, time, 0);
}

std::optional<Parsed> parse_any(std::string_view text) {
    Cursor c{text};
    while (!c.done() && is_space(c.s[c.i])) ++c.i;
    while (!c.s.empty() && is_space(c.s.back())) c.s.remove_suffix(1);
    if (c.done()) return std::nullopt;
    // The first separator tells the forms apart: "1987-" ISO, "26-" Reuters, else RFC 2822.
    std::size_t digits = c.i;
    while (digits < c.s.size() && is_digit(c.s[digits])) ++digits;
    const std::size_t count = digits - c.i;
    if (count == 4) return parse_iso(c);
    if ((count == 1 || count == 2) && digits < c.s.size() && c.s[digits] == '-')
        return parse_reuters(c);
    return parse_rfc2822(c);
}

}  // namespace

bool is_valid_date(int year, int month, int day) {
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
    static constexpr std::array<int, 12> lengths = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    const int length = lengths[static_cast<std::size_t>(month - 1)] + (month == 2 && leap);
    return day <= length;
}

std::int64_t to_epoch_seconds(int year, int month, int day, int hour, int minute, int second) {
    return days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) *
               seconds_per_day +
           hour * 3600 + minute * 60 + second;
}

std::optional<Timestamp> parse_date(std::string_view text) {
    const auto parsed = parse_any(text);
    if (!parsed) return std::nullopt;
    return parsed->ts;
}

std::optional<TimeRange> parse_date_period(std::string_view text) {
    const auto p = parse_any(text);
    if (!p) return std::nullopt;
    const std::int64_t first = p->ts.seconds;
    switch (p->precision) {
        case Precision::year:
            return TimeRange{first, to_epoch_seconds(p->year + 1, 1, 1) - 1};
        case Precision::month: {
            const bool december = p->month == 12;
            const int next_year = december ? p->year + 1 : p->year;
            const int next_month = december ? 1 : p->month + 1;
            return TimeRange{first, to_epoch_seconds(next_year, next_month, 1) - 1};
        }
        case Precision::day:
            return TimeRange{first, first + seconds_per_day - 1};
        case Precision::time:
            return TimeRange{first, first};
    }
    return std::nullopt;
}

std::string format_day(std::int64_t seconds) {
    const CivilDate date = civil_from_days(floor_div(seconds, seconds_per_day));
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u", static_cast<long long>(date.year),
                  date.month, date.day);
    return buf;
}

std::string format_iso(const Timestamp& ts) {
    std::string out = format_day(ts.seconds);
    if (!ts.has_time) return out;
    const std::int64_t of_day =
        ts.seconds - floor_div(ts.seconds, seconds_per_day) * seconds_per_day;
    char buf[16];
    std::snprintf(buf, sizeof buf, "T%02d:%02d:%02dZ", static_cast<int>(of_day / 3600),
                  static_cast<int>(of_day / 60 % 60), static_cast<int>(of_day % 60));
    return out + buf;
}

}  // namespace newsdex
