/// @file relative_date.cpp
/// @brief Relative date periods (today, last 7 days, 2w, this year) as whole UTC days.
#include "common/relative_date.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "common/text.hpp"

namespace newsdex {

namespace {

constexpr std::int64_t seconds_per_day = 86400;

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    return a / b - ((a % b != 0 && (a < 0) != (b < 0)) ? 1 : 0);
}

struct Day {
    int year = 0, month = 0, day = 0;
};

Day day_of(std::int64_t seconds) {
    const std::string iso = format_day(seconds);  // "1987-03-31"
    return {std::stoi(iso.substr(0, iso.size() - 6)), std::stoi(iso.substr(iso.size() - 5, 2)),
            std::stoi(iso.substr(iso.size() - 2))};
}

/// The first second of the day `days` days after the day of `seconds`.
std::int64_t day_start(std::int64_t seconds, std::int64_t days = 0) {
    return (floor_div(seconds, seconds_per_day) + days) * seconds_per_day;
}

int days_in_month(int year, int month) {
    int day = 31;
    while (!is_valid_date(year, month, day)) --day;
    return day;
}

/// From the day after today `months` months back (clamped) to the end of today.
std::optional<TimeRange> months_back(std::int64_t now, int months) {
    const Day today = day_of(now);
    const int index = today.year * 12 + (today.month - 1) - months;
    const int year = index / 12;
    const int month = index % 12 + 1;
    if (year < 1) return std::nullopt;
    const int day = std::min(today.day, days_in_month(year, month));
    return TimeRange{to_epoch_seconds(year, month, day) + seconds_per_day, day_start(now, 1) - 1};
}

std::optional<TimeRange> days_back(std::int64_t now, std::int64_t days) {
    return TimeRange{day_start(now, 1 - days), day_start(now, 1) - 1};
}

/// N of a unit: "d"/"day"/"days", "w"/"week"/"weeks", ... ending today.
std::optional<TimeRange> span(std::int64_t now, int count, std::string_view unit) {
    if (count < 1 || count > 9999) return std::nullopt;
    const auto is = [&](std::string_view letter, std::string_view word) {
        return unit == letter || unit == word || unit == std::string(word) + "s";
    };
    if (is("d", "day")) return days_back(now, count);
    if (is("w", "week")) return days_back(now, 7 * static_cast<std::int64_t>(count));
    if (is("m", "month")) return months_back(now, count);
    if (is("y", "year")) return months_back(now, 12 * count);
    return std::nullopt;
}

/// A whole number of 1 to 4 digits, or nullopt.
std::optional<int> count_of(std::string_view digits) {
    if (digits.empty() || digits.size() > 4) return std::nullopt;
    int n = 0;
    for (char c : digits) {
        if (c < '0' || c > '9') return std::nullopt;
        n = n * 10 + (c - '0');
    }
    return n;
}

std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> words;
    for (std::string_view rest = text; !rest.empty();) {
        const auto start = rest.find_first_not_of(" \t");
        if (start == std::string_view::npos) break;
        rest.remove_prefix(start);
        const auto end = rest.find_first_of(" \t");
        words.push_back(to_lower(rest.substr(0, end)));
        rest.remove_prefix(end == std::string_view::npos ? rest.size() : end);
    }
    return words;
}

}  // namespace

std::optional<TimeRange> parse_relative_period(std::string_view text, std::int64_t now) {
    const auto words = words_of(text);
    if (words.size() == 1) {
        const std::string& w = words[0];
        if (w == "today") return days_back(now, 1);
        if (w == "yesterday") return TimeRange{day_start(now, -1), day_start(now) - 1};
        // 7d, 2w, 3m, 1y
        if (w.size() >= 2) {
            if (const auto n = count_of(std::string_view(w).substr(0, w.size() - 1)))
                return span(now, *n, std::string_view(w).substr(w.size() - 1));
        }
        return std::nullopt;
    }
    if (words.size() == 2 && words[0] == "this") {
        const Day today = day_of(now);
        if (words[1] == "week") {
            // 1970-01-01 was a Thursday: day 0 is weekday 3 counted from Monday.
            const std::int64_t weekday = (floor_div(now, seconds_per_day) % 7 + 7 + 3) % 7;
            return TimeRange{day_start(now, -weekday), day_start(now, 7 - weekday) - 1};
        }
        if (words[1] == "month")
            return parse_date_period(format_day(now).substr(0, format_day(now).size() - 3));
        if (words[1] == "year") return parse_date_period(std::to_string(today.year));
        return std::nullopt;
    }
    if (words.size() == 2 && words[0] == "past") return span(now, 1, words[1]);
    if (words.size() == 3 && (words[0] == "last" || words[0] == "past")) {
        if (const auto n = count_of(words[1])) return span(now, *n, words[2]);
    }
    return std::nullopt;
}

std::optional<TimeRange> parse_any_period(std::string_view text, std::optional<std::int64_t> now) {
    const std::string_view trimmed = trim(text);
    if (auto absolute = parse_date_period(trimmed)) return absolute;
    if (now) return parse_relative_period(trimmed, *now);
    return std::nullopt;
}

std::string_view date_forms_hint() {
    static const std::string hint =
        "use YYYY, YYYY-MM, YYYY-MM-DD, " + std::string(relative_date_forms);
    return hint;
}

}  // namespace newsdex
