/// @file test_reuters_meaning.cpp
/// @brief Queries mean what they say on Reuters-21578: relative dates, entity aliases, synonyms.
#include <algorithm>
#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <vector>

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

TEST_CASE("a filter by any alias of an entity finds what its canonical name finds", "[reuters]") {
    struct Alias {
        const char* canonical;
        const char* alias;
    };
    // Reuters' own labels (usa, uk, ussr, west-germany), spellings with dots and other names.
    for (const auto& [canonical, alias] :
         {Alias{"place:\"united states\"", "place:usa"},
          Alias{"place:\"united states\"", "place:us"},
          Alias{"place:\"united states\"", "place:\"U.S.\""},
          Alias{"place:\"united states\"", "place:\"united states of america\""},
          Alias{"place:\"united kingdom\"", "place:uk"},
          Alias{"place:\"united kingdom\"", "place:britain"},
          Alias{"place:\"soviet union\"", "place:ussr"},
          Alias{"place:\"west germany\"", "place:west-germany"},
          Alias{"org:ec", "org:\"european community\""},
          Alias{"entity:\"united states\"", "entity:usa"}}) {
        INFO(canonical << " / " << alias);
        const auto expected = exact_count(query(canonical, 0));
        CHECK(expected > 0);
        CHECK(exact_count(query(alias, 0)) == expected);
        const auto result = search(query(alias, 0));
        CHECK(result.notices.empty());
        REQUIRE(result.synonyms_used.size() == 1);  // says which name it found
    }
    CHECK(exact_count(query("place:\"united states\"", 0)) == 14263);

    auto option = query("", 0);
    option.entities = {"usa"};
    CHECK(exact_count(option) == exact_count(query("entity:\"united states\"", 0)));
    option.entities = {"place:uk"};
    CHECK(exact_count(option) == exact_count(query("place:\"united kingdom\"", 0)));
}

TEST_CASE("a filter value that names nothing in the index says so", "[reuters]") {
    const auto in_query = search(query("oil place:atlantis", 0));
    CHECK(in_query.total == 0);
    REQUIRE(in_query.notices.size() == 1);
    CHECK(in_query.notices[0].field == "place");
    CHECK(in_query.notices[0].value == "atlantis");
    CHECK(in_query.notices[0].message == "no place \"atlantis\" in this index");

    auto options = query("oil", 0);
    options.sources = {"reuters", "harbour gazette"};
    options.categories = {"crude", "no-such-topic"};
    options.entities = {"atlantis", "opec"};
    const auto result = search(options);
    std::vector<std::string> messages;
    for (const auto& notice : result.notices) messages.push_back(notice.message);
    CHECK(messages == std::vector<std::string>{"no source \"harbour gazette\" in this index",
                                               "no category \"no-such-topic\" in this index",
                                               "no entity \"atlantis\" in this index"});
    CHECK(result.total > 0);  // the other values still filter
    for (const char* known : {"source:reuters", "category:crude", "person:\"paul volcker\""})
        CHECK(search(query(known, 0)).notices.empty());
}

TEST_CASE("usa also finds the documents saying United States, and says so", "[reuters]") {
    const auto ids = [](searcher::SearchRequest request) {
        request.limit = 5000;
        request.snippet_length = 0;
        request.collapse = false;  // every copy, whichever of them ranks first
        std::set<std::string> out;
        const auto result = search(std::move(request));
        REQUIRE(result.total <= 5000);
        for (const auto& hit : result.hits) out.insert(hit.id);
        return out;
    };
    auto phrase = query("\"united states\"");
    phrase.synonyms = false;
    const auto saying = ids(phrase);
    auto plain = query("usa");
    plain.synonyms = false;
    const auto usa_only = ids(plain);
    const auto widened = ids(query("usa"));
    REQUIRE(saying.size() > usa_only.size());
    CHECK(std::includes(widened.begin(), widened.end(), saying.begin(), saying.end()));
    CHECK(std::includes(widened.begin(), widened.end(), usa_only.begin(), usa_only.end()));
    // And the phrase finds the documents saying "USA".
    const auto phrase_widened = ids(query("\"united states\""));
    CHECK(std::includes(phrase_widened.begin(), phrase_widened.end(), usa_only.begin(),
                        usa_only.end()));

    const auto result = search(query("usa", 0));
    REQUIRE(result.synonyms_used.size() == 1);
    CHECK(result.synonyms_used[0].field == "text");
    CHECK(result.synonyms_used[0].from == "usa");
    const auto& to = result.synonyms_used[0].to;
    CHECK(std::find(to.begin(), to.end(), "united states") != to.end());
    CHECK(search(plain).synonyms_used.empty());
    // "us" is a pronoun too: it is no synonym.
    CHECK(search(query("us", 0)).synonyms_used.empty());
}
