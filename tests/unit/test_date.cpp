/// @file test_date.cpp
/// @brief Date parsing and formatting: every accepted form, time zones, periods, bad dates.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "common/date.hpp"

using newsdex::format_day;
using newsdex::format_iso;
using newsdex::parse_date;
using newsdex::parse_date_period;
using newsdex::Timestamp;
using newsdex::to_epoch_seconds;

namespace {

struct DateCase {
    std::string input;
    std::string expected;  // format_iso() of the result: "...Z" iff a time was parsed
};

}  // namespace

TEST_CASE("to_epoch_seconds matches known instants", "[date]") {
    CHECK(to_epoch_seconds(1970, 1, 1) == 0);
    CHECK(to_epoch_seconds(1987, 2, 26, 15, 1, 1) == 541350061);
    CHECK(to_epoch_seconds(2000, 3, 1) == 951868800);
    CHECK(to_epoch_seconds(2024, 2, 29) == 1709164800);
    CHECK(to_epoch_seconds(1900, 3, 1) == -2203891200);
    CHECK(to_epoch_seconds(1969, 12, 31, 23, 59, 59) == -1);
    CHECK(to_epoch_seconds(1, 1, 1) == -62135596800);
    CHECK(to_epoch_seconds(9999, 12, 31, 23, 59, 59) == 253402300799);
}

TEST_CASE("is_valid_date knows month lengths and leap years", "[date]") {
    CHECK(newsdex::is_valid_date(1987, 2, 28));
    CHECK_FALSE(newsdex::is_valid_date(1987, 2, 29));
    CHECK(newsdex::is_valid_date(2000, 2, 29));        // divisible by 400
    CHECK_FALSE(newsdex::is_valid_date(1900, 2, 29));  // divisible by 100 only
    CHECK(newsdex::is_valid_date(2024, 2, 29));
    CHECK_FALSE(newsdex::is_valid_date(1987, 4, 31));
    CHECK(newsdex::is_valid_date(1987, 12, 31));
    CHECK_FALSE(newsdex::is_valid_date(1987, 13, 1));
    CHECK_FALSE(newsdex::is_valid_date(1987, 0, 1));
    CHECK_FALSE(newsdex::is_valid_date(1987, 1, 0));
    CHECK_FALSE(newsdex::is_valid_date(0, 1, 1));
    CHECK(newsdex::is_valid_date(1, 1, 1));
    CHECK(newsdex::is_valid_date(9999, 12, 31));
}

TEST_CASE("format_iso and format_day", "[date]") {
    CHECK(format_iso(Timestamp{541350061, true}) == "1987-02-26T15:01:01Z");
    CHECK(format_iso(Timestamp{541296000, false}) == "1987-02-26");
    CHECK(format_iso(Timestamp{-1, true}) == "1969-12-31T23:59:59Z");
    CHECK(format_day(0) == "1970-01-01");
    CHECK(format_day(-1) == "1969-12-31");  // floors, not truncates, before the epoch
    CHECK(format_day(-62135596800) == "0001-01-01");
    CHECK(format_day(253402300799) == "9999-12-31");
}

TEST_CASE("parse_date accepts ISO-8601", "[date]") {
    const std::vector<DateCase> cases = {
        {"1987", "1987-01-01"},
        {"1987-03", "1987-03-01"},
        {"1987-03-26", "1987-03-26"},
        {"1987-03-26T15:01:01", "1987-03-26T15:01:01Z"},
        {"1987-03-26t15:01:01z", "1987-03-26T15:01:01Z"},
        {"1987-03-26 15:01:01", "1987-03-26T15:01:01Z"},
        {"1987-03-26T15:01", "1987-03-26T15:01:00Z"},
        {"1987-03-26T15:01:01.79", "1987-03-26T15:01:01Z"},
        {"1987-03-26T15:01:01.123456789Z", "1987-03-26T15:01:01Z"},
        {"1987-03-26T15:01:01Z", "1987-03-26T15:01:01Z"},
        {"1987-03-26T15:01:01+02:00", "1987-03-26T13:01:01Z"},
        {"1987-03-26T15:01:01-0530", "1987-03-26T20:31:01Z"},
        {"1987-03-26T15:01:01+05", "1987-03-26T10:01:01Z"},
        {"1987-03-26T23:30:00-01:00", "1987-03-27T00:30:00Z"},  // crosses midnight
        {"1988-01-01T00:30:00+01:00", "1987-12-31T23:30:00Z"},  // and a year
        {"2024-02-29T12:00:00.5+00:00", "2024-02-29T12:00:00Z"},
        {"  1987-03-26  ", "1987-03-26"},
    };
    for (const auto& c : cases) {
        INFO("input: \"" << c.input << "\"");
        const auto ts = parse_date(c.input);
        REQUIRE(ts);
        CHECK(format_iso(*ts) == c.expected);
    }
}

TEST_CASE("parse_date accepts RFC 2822", "[date]") {
    const std::vector<DateCase> cases = {
        {"Thu, 26 Mar 1987 15:01:01 +0000", "1987-03-26T15:01:01Z"},
        {"26 Mar 1987 15:01:01 +0000", "1987-03-26T15:01:01Z"},
        {"Thursday, 26 March 1987 15:01:01 GMT", "1987-03-26T15:01:01Z"},
        {"thu, 26 mar 1987 15:01:01 utc", "1987-03-26T15:01:01Z"},
        {"Thu, 26 Mar 1987 15:01:01 UT", "1987-03-26T15:01:01Z"},
        {"Thu, 26 Mar 1987 15:01:01", "1987-03-26T15:01:01Z"},
        {"Thu, 26 Mar 1987 15:01", "1987-03-26T15:01:00Z"},
        {"Thu, 26 Mar 1987 15:01:01 -0500", "1987-03-26T20:01:01Z"},
        {"Thu, 26 Mar 1987 15:01:01 +0530", "1987-03-26T09:31:01Z"},
        {"Thu, 26 Mar 1987 15:01:01 EST", "1987-03-26T20:01:01Z"},
        {"Thu, 26 Mar 1987 15:01:01 EDT", "1987-03-26T19:01:01Z"},
        {"Thu, 26 Mar 1987 15:01:01 CST", "1987-03-26T21:01:01Z"},
        {"Thu, 26 Mar 1987 15:01:01 CDT", "1987-03-26T20:01:01Z"},
        {"Thu, 26 Mar 1987 15:01:01 MST", "1987-03-26T22:01:01Z"},
        {"Thu, 26 Mar 1987 15:01:01 MDT", "1987-03-26T21:01:01Z"},
        {"Thu, 26 Mar 1987 15:01:01 PST", "1987-03-26T23:01:01Z"},
        {"Thu, 26 Mar 1987 20:01:01 PDT", "1987-03-27T03:01:01Z"},
        {"Thu, 26 Mar 1987 15:01:01 +0000 (UTC)", "1987-03-26T15:01:01Z"},
        {"Thu, 5 Mar 1987 15:01:01 +0000", "1987-03-05T15:01:01Z"},
        {"26 Mar 1987", "1987-03-26"},
    };
    for (const auto& c : cases) {
        INFO("input: \"" << c.input << "\"");
        const auto ts = parse_date(c.input);
        REQUIRE(ts);
        CHECK(format_iso(*ts) == c.expected);
    }
}

TEST_CASE("parse_date accepts Reuters-21578 dates and ignores their trailing junk", "[date]") {
    const std::vector<DateCase> cases = {
        {"26-FEB-1987 15:01:01.79", "1987-02-26T15:01:01Z"},
        {"26-Feb-1987 15:01:01.79", "1987-02-26T15:01:01Z"},
        {"26-FEB-1987 15:01:01", "1987-02-26T15:01:01Z"},
        {" 3-MAR-1987 00:43:42.82", "1987-03-03T00:43:42Z"},
        {"3-MAR-1987  09:15:05.40", "1987-03-03T09:15:05Z"},
        {"9-APR-1987 05:18:19.8", "1987-04-09T05:18:19Z"},
        {"27-MAR-1987 00:02:59.13&#5;&#5;&#5;RM", "1987-03-27T00:02:59Z"},
        {"27-MAR-1987 00:02:59.13\x05\x05\x05V RM", "1987-03-27T00:02:59Z"},
        {"9-APR-1987 00:00:00.00    # a comment", "1987-04-09T00:00:00Z"},
        {"26-FEB-1987", "1987-02-26"},
    };
    for (const auto& c : cases) {
        INFO("input: \"" << c.input << "\"");
        const auto ts = parse_date(c.input);
        REQUIRE(ts);
        CHECK(format_iso(*ts) == c.expected);
    }
}

TEST_CASE("parse_date tells whether a time was given", "[date]") {
    CHECK_FALSE(parse_date("1987-03-26")->has_time);
    CHECK_FALSE(parse_date("26 Mar 1987")->has_time);
    CHECK(parse_date("1987-03-26T00:00:00")->has_time);
    CHECK(parse_date("26-MAR-1987 00:00:00.00")->has_time);
    CHECK(parse_date("1987-03-26T15:01:01Z")->seconds == to_epoch_seconds(1987, 3, 26, 15, 1, 1));
}

TEST_CASE("parse_date rejects impossible and malformed dates", "[date]") {
    const std::vector<std::string> bad = {
        "",
        "   ",
        "0000-01-01",  // year 0
        "9999-99-99",
        "1987-13-01",  // month 13
        "1987-00-10",
        "1987-02-30",  // Feb 30
        "1987-02-29",  // not a leap year
        "1900-02-29",
        "1987-04-31",
        "1987-03-26T25:00:00",  // hour 25
        "1987-03-26T24:00:00",
        "1987-03-26T15:60:00",
        "1987-03-26T15:01:61",
        "1987-03-26T15:01:01+25:00",
        "1987-03-26T15:01:01 junk",
        "1987-03-26Z",  // zone without time
        "1987-3-26",    // ISO needs two-digit months
        "87-03-26",
        "19870",
        "1987-03-",
        "Thu, 30 Feb 1987 15:01:01 +0000",
        "Thu, 26 Mar 1987 15:01:01 XYZ",
        "Thx, 26 Mar 1987",
        "26 Foo 1987",
        "26 Mar 87",  // two-digit years are ambiguous
        "31-MAR-1987 605:12:19.12",
        "26-FEB-1987 15:01:011",
        "32-MAR-1987 10:00:00",
        "26-XYZ-1987 10:00:00",
        "yesterday",
        "1987/03/26",
    };
    for (const auto& input : bad) {
        INFO("input: \"" << input << "\"");
        CHECK_FALSE(parse_date(input));
    }
}

TEST_CASE("parse_date_period covers the whole year, month or day written", "[date]") {
    struct PeriodCase {
        std::string input;
        std::int64_t first;
        std::int64_t last;
    };
    const std::vector<PeriodCase> cases = {
        {"1987", to_epoch_seconds(1987, 1, 1), to_epoch_seconds(1987, 12, 31, 23, 59, 59)},
        {"1987-03", to_epoch_seconds(1987, 3, 1), to_epoch_seconds(1987, 3, 31, 23, 59, 59)},
        {"1987-02", to_epoch_seconds(1987, 2, 1), to_epoch_seconds(1987, 2, 28, 23, 59, 59)},
        {"2024-02", to_epoch_seconds(2024, 2, 1), to_epoch_seconds(2024, 2, 29, 23, 59, 59)},
        {"1987-12", to_epoch_seconds(1987, 12, 1), to_epoch_seconds(1987, 12, 31, 23, 59, 59)},
        {"1987-03-26", to_epoch_seconds(1987, 3, 26), to_epoch_seconds(1987, 3, 26, 23, 59, 59)},
        {"26 Mar 1987", to_epoch_seconds(1987, 3, 26), to_epoch_seconds(1987, 3, 26, 23, 59, 59)},
        {"1987-03-26T15:01:01Z", 543769261, 543769261},
        {"26-MAR-1987 15:01:01.79", 543769261, 543769261},
    };
    for (const auto& c : cases) {
        INFO("input: \"" << c.input << "\"");
        const auto range = parse_date_period(c.input);
        REQUIRE(range);
        CHECK(range->first == c.first);
        CHECK(range->last == c.last);
    }
    CHECK_FALSE(parse_date_period("1987-13"));
    CHECK_FALSE(parse_date_period("march"));
}
