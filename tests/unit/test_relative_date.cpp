/// @file test_relative_date.cpp
/// @brief Relative date periods: each form, month and year edges, leap days, refused forms.
#include <catch2/catch.hpp>
#include <string>

#include "common/date.hpp"
#include "common/relative_date.hpp"

using newsdex::parse_any_period;
using newsdex::parse_relative_period;

namespace {

/// The first and last day of a period, "1987-03-25..1987-03-31", or "none".
std::string days(const char* text, const char* now) {
    const auto at = newsdex::parse_date(now);
    REQUIRE(at);
    const auto range = parse_relative_period(text, at->seconds);
    if (!range) return "none";
    // Every period is whole days: from midnight to the last second of a day.
    CHECK(range->first % 86400 == 0);
    CHECK((range->last + 1) % 86400 == 0);
    return newsdex::format_day(range->first) + ".." + newsdex::format_day(range->last);
}

}  // namespace

TEST_CASE("each relative form is a period of whole UTC days ending today", "[date]") {
    const char* now = "1987-03-31T15:01:01Z";  // a Tuesday
    CHECK(days("today", now) == "1987-03-31..1987-03-31");
    CHECK(days("yesterday", now) == "1987-03-30..1987-03-30");
    CHECK(days("last 7 days", now) == "1987-03-25..1987-03-31");
    CHECK(days("past 7 days", now) == "1987-03-25..1987-03-31");
    CHECK(days("7d", now) == "1987-03-25..1987-03-31");
    CHECK(days("1d", now) == "1987-03-31..1987-03-31");
    CHECK(days("past day", now) == "1987-03-31..1987-03-31");
    CHECK(days("2w", now) == "1987-03-18..1987-03-31");
    CHECK(days("last 2 weeks", now) == "1987-03-18..1987-03-31");
    CHECK(days("past week", now) == "1987-03-25..1987-03-31");
    CHECK(days("this week", now) == "1987-03-30..1987-04-05");  // Monday to Sunday
    CHECK(days("this month", now) == "1987-03-01..1987-03-31");
    CHECK(days("this year", now) == "1987-01-01..1987-12-31");
    CHECK(days("  Last   7  DAYS ", now) == "1987-03-25..1987-03-31");
}

TEST_CASE("months back are clamped to shorter months, across years and leap days", "[date]") {
    // A month before March 31 is February 28: the period starts the day after.
    CHECK(days("past month", "1987-03-31") == "1987-03-01..1987-03-31");
    CHECK(days("1m", "1988-03-31") == "1988-03-01..1988-03-31");  // Feb 29 1988, then Mar 1
    CHECK(days("1m", "1987-03-15") == "1987-02-16..1987-03-15");
    CHECK(days("3m", "1987-01-10") == "1986-10-11..1987-01-10");  // across the year
    CHECK(days("last 12 months", "1987-03-31") == "1986-04-01..1987-03-31");
    CHECK(days("1y", "1988-02-29") == "1987-03-01..1988-02-29");  // Feb 28 1987, then Mar 1
    CHECK(days("1y", "1987-12-31") == "1987-01-01..1987-12-31");
    CHECK(days("past year", "1987-03-31") == "1986-04-01..1987-03-31");
    CHECK(days("7d", "1988-03-02") == "1988-02-25..1988-03-02");  // through Feb 29
    CHECK(days("this month", "1988-02-10") == "1988-02-01..1988-02-29");
    CHECK(days("this week", "1987-01-01") == "1986-12-29..1987-01-04");  // Thursday
    CHECK(days("yesterday", "1988-03-01") == "1988-02-29..1988-02-29");
}

TEST_CASE("unknown and ambiguous relative forms are refused", "[date]") {
    for (const char* text : {"last month", "last year", "tomorrow", "0d", "10000d", "7x", "d",
                             "7 d", "past 7", "next 7 days", "this decade", "-7d", "7days"})
        CHECK(days(text, "1987-03-31") == "none");
}

TEST_CASE("absolute periods need no now; relative ones need one", "[date]") {
    CHECK(parse_any_period(" 1987-03 ", std::nullopt));
    CHECK_FALSE(parse_any_period("today", std::nullopt));
    const auto now = newsdex::parse_date("1987-03-31");
    REQUIRE(now);
    const auto today = parse_any_period("today", now->seconds);
    REQUIRE(today);
    CHECK(newsdex::format_day(today->first) == "1987-03-31");
}
