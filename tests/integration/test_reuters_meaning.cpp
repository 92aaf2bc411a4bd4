/// @file test_reuters_meaning.cpp
/// @brief Queries mean what they say on Reuters-21578: relative dates, entity aliases, synonyms.
#include <catch2/catch.hpp>

#include <string>

#include "common/date.hpp"
#include "integration/reuters_index.hpp"

using namespace newsdex;
using namespace newsdex::test;

namespace {

/// The exact number of documents a request matches (a facet makes the count exact).
std::uint64_t exact_count(searcher::SearchRequest request) {
    request.limit = 0;
    request.facets = {"source"};
    const auto result = search(std::move(request));
    REQUIRE(result.total_exact);
    return result.total;
}

/// A request for `text` at --now 1987-03-31 (the last day Reuters-21578 covers densely).
searcher::SearchRequest at_end_of_march(std::string text) {
    auto request = query(std::move(text), 0);
    const auto now = parse_date("1987-03-31");
    REQUIRE(now);
    request.now = now->seconds;
    return request;
}

}  // namespace

TEST_CASE("relative dates count the same documents as the explicit days they stand for",
          "[reuters]") {
    auto explicit_range = query("", 0);
    explicit_range.from = "1987-03-25";
    auto seven_days = at_end_of_march("");
    seven_days.from = "7d";
    const auto from_7d = exact_count(seven_days);
    CHECK(from_7d == exact_count(explicit_range));
    CHECK(from_7d > 0);

    explicit_range.to = "1987-03-31";
    const auto week = exact_count(explicit_range);
    CHECK(week > 0);
    CHECK(week < from_7d);  // Reuters goes on into April and later
    seven_days.to = "today";
    CHECK(exact_count(seven_days) == week);
    CHECK(exact_count(at_end_of_march("date:\"last 7 days\"")) == week);
    CHECK(exact_count(at_end_of_march("date:7d..today")) == week);
    CHECK(exact_count(at_end_of_march("date:\"this month\"")) ==
          exact_count(query("date:1987-03", 0)));
    CHECK(exact_count(at_end_of_march("date:yesterday")) ==
          exact_count(query("date:1987-03-30", 0)));
}
