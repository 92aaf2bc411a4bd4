/// @file page_dates.hpp
/// @brief Dates written in running text ("on May 28", "3/5/2025") and their missing years.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "common/date.hpp"

namespace newsdex::corpus {

/// A calendar date as far as a text wrote it.
struct DateMention {
    int year = 0;           ///< 0 when not written ("on May 28")
    int month = 0;          ///< 1-12
    int day = 0;            ///< 0 when not written ("in June 2024")
    std::size_t begin = 0;  ///< byte offset of the mention in the text
    std::size_t end = 0;    ///< byte offset just past it
};

/// Every date in `text`, in order: "May 28", "28 May", "March 25, 2024", "Sept. 3 2024",
/// "June 2024", "3/5/2025" (month first unless the first number passes 12) and "2025-03-05".
/// Month names must be capitalised, so that "may" the verb is no date.
[[nodiscard]] std::vector<DateMention> find_dates(std::string_view text);

/// The date a whole line states, e.g. "3/25/2024" or "Updated Tuesday, March 4, 2025": one
/// mention with its day, after an optional "Updated"/"Published"/"Posted" and weekday.
[[nodiscard]] std::optional<DateMention> line_date(std::string_view line);

/// The last second of the latest period among `mentions` that has a year and does not begin
/// after `reference`: what a page shows to be past when it was written.
[[nodiscard]] std::optional<std::int64_t> latest_stated(std::span<const DateMention> mentions,
                                                        std::int64_t reference);

/// A day mention as a Timestamp. A written year is taken as it is. A missing year is the first
/// that puts the day after `context` (less a month's slack) and not after `reference`; without
/// such a year, the last one not after `reference`. Nullopt for a mention without a day.
[[nodiscard]] std::optional<Timestamp> resolve_date(const DateMention& mention,
                                                    std::optional<std::int64_t> context,
                                                    std::int64_t reference);

}  // namespace newsdex::corpus
