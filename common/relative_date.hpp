/// @file relative_date.hpp
/// @brief Date periods relative to a given moment: today, yesterday, last 7 days, 2w, this year.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "common/date.hpp"

namespace newsdex {

/// The relative forms, as error messages and --help list them.
inline constexpr std::string_view relative_date_forms =
    "today, yesterday, this week|month|year, last|past N days|weeks|months|years, "
    "past day|week|month|year, or Nd, Nw, Nm, Ny";

/// Parses a date period relative to `now` (UTC seconds). Every period is made of whole UTC
/// days and ends at the last second of a day:
///  - `today`, `yesterday`: that day;
///  - `this week` (Monday to Sunday, ISO 8601), `this month`, `this year`: the calendar period
///    that holds now, all of it (as `1987-03` is all of March);
///  - `last N days`, `past N days`, `Nd`: N days ending with today (`7d` on a Wednesday: from
///    Thursday of the week before), `weeks`/`w` the same with 7N days;
///  - `last N months`, `Nm` (`years`, `y`: 12N months): from the day after the same date N
///    months before (clamped to the end of a shorter month: a month before March 31 is
///    February 28 or 29) to the end of today; `past month` is `1m`, `past day` `1d`, etc.
/// N is 1 to 9999. Case and extra spaces do not matter. `last month` (without N) is refused:
/// it could mean February or the past 30 days. Returns nullopt for anything else.
[[nodiscard]] std::optional<TimeRange> parse_relative_period(std::string_view text,
                                                             std::int64_t now);

/// A period either absolute (parse_date_period()) or, when `now` is given, relative to it.
[[nodiscard]] std::optional<TimeRange> parse_any_period(std::string_view text,
                                                        std::optional<std::int64_t> now);

/// What to write instead of a period that parse_any_period() refused.
[[nodiscard]] std::string_view date_forms_hint();

}  // namespace newsdex
