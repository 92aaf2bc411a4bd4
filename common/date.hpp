/// @file date.hpp
/// @brief Parsing and formatting of article dates (ISO-8601, RFC 2822, Reuters) in UTC.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace newsdex {

/// A point in time, seconds since 1970-01-01T00:00:00Z, and whether a time of day was given.
struct Timestamp {
    std::int64_t seconds = 0;  ///< UTC seconds since the Unix epoch (negative before 1970)
    bool has_time = false;     ///< false for a bare date such as "1987-03-26"

    friend bool operator==(const Timestamp&, const Timestamp&) = default;
};

/// A closed interval of seconds [first, last], e.g. the whole of "1987-03".
struct TimeRange {
    std::int64_t first = 0;
    std::int64_t last = 0;
};

/// Parses an article date. Accepted forms (case-insensitive month names):
///  - ISO-8601: `1987-03-26`, `1987-03-26T15:01:01`, with `.fff` fractions, `Z` or
///  `±HH:MM`/`±HHMM`,
///    a space instead of `T`; also `1987-03` and `1987` (taken as their first day);
///  - RFC 2822: `Thu, 26 Mar 1987 15:01:01 +0000` (weekday optional, zone optional: UTC,
///    GMT/UT/EST/EDT/CST/CDT/MST/MDT/PST/PDT accepted);
///  - Reuters: `26-MAR-1987 15:01:01.79` (trailing junk after the time is ignored).
/// Returns nullopt for anything else and for impossible dates (year 0, month 13, Feb 30).
[[nodiscard]] std::optional<Timestamp> parse_date(std::string_view text);

/// Parses a date *period* as written in queries and options: `1987`, `1987-03`, `1987-03-26`
/// or any full timestamp parse_date() accepts; returns the first and last second it covers.
[[nodiscard]] std::optional<TimeRange> parse_date_period(std::string_view text);

/// Seconds since the epoch for a civil UTC date and time; the date must be valid.
[[nodiscard]] std::int64_t to_epoch_seconds(int year, int month, int day, int hour = 0,
                                            int minute = 0, int second = 0);

/// Whether year-month-day names a real day of the proleptic Gregorian calendar (years 1-9999).
[[nodiscard]] bool is_valid_date(int year, int month, int day);

/// `1987-03-26T15:01:01Z` when a time is known, else `1987-03-26`.
[[nodiscard]] std::string format_iso(const Timestamp& ts);

/// `1987-03-26` (the UTC day of a moment).
[[nodiscard]] std::string format_day(std::int64_t seconds);

}  // namespace newsdex
