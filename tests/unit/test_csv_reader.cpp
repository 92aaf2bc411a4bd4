/// @file test_csv_reader.cpp
/// @brief CSV reading: RFC 4180 quoting, column names and overrides, bad rows, Wikinews.
#include <catch2/catch.hpp>
#include <set>
#include <sstream>

#include "corpus/readers/csv_reader.hpp"
#include "corpus/readers/input_reader.hpp"
#include "support/article_collector.hpp"
#include "support/test_support.hpp"

using namespace newsdex;
using namespace newsdex::corpus;
using newsdex::test::ArticleCollector;

namespace {

ArticleCollector read_csv(const std::string& text, const ReadOptions& options = {}) {
    return newsdex::test::read_with<corpus::read_csv>(text, "test.csv", options);
}

}  // namespace

TEST_CASE("CsvReader maps columns by their common names", "[csv]") {
    const auto got = read_csv(
        "\xEF\xBB\xBFHeadline,Article,Published,Publisher,Link,Author,Section,ID,extra\r\n"
        "Harbour bridge reopens,\"Traffic moved again, at last.\",2021-06-02,"
        "https://www.example-news.org/bridge,https://example-news.org/a/7,"
        "Ann Lee; Bo Chan,Local|Transport,a7,ignored\r\n");
    REQUIRE(got.problems.empty());
    REQUIRE(got.articles.size() == 1);
    const Article& a = got.articles[0];
    CHECK(a.id == "a7");
    CHECK(a.title == "Harbour bridge reopens");
    CHECK(a.body == "Traffic moved again, at last.");
    REQUIRE(a.date);
    CHECK(format_iso(*a.date) == "2021-06-02");
    CHECK(a.source == "example-news.org");  // a URL-valued source becomes its site
    CHECK(a.url == "https://example-news.org/a/7");
    CHECK(a.authors == std::vector<std::string>{"Ann Lee", "Bo Chan"});
    CHECK(a.categories == std::vector<std::string>{"Local", "Transport"});
    CHECK(a.origin_line == 2);
}

TEST_CASE("CsvReader keeps quoted line breaks and doubled quotes", "[csv]") {
    const auto got = read_csv(
        "title,text,date\n"
        "\"Two\nline title\",\"First paragraph.\n\nHe said \"\"no\"\", twice.\",2020-01-05\n"
        "Plain,\"\",\n"
        "Last,body,2020-01-07");  // no final line end
    REQUIRE(got.problems.empty());
    REQUIRE(got.articles.size() == 3);
    CHECK(got.articles[0].title == "Two line title");
    CHECK(got.articles[0].body == "First paragraph.\n\nHe said \"no\", twice.");
    CHECK(got.articles[0].origin_line == 2);
    CHECK(got.articles[1].origin_line == 6);  // the record after the one spanning lines 2-5
    CHECK_FALSE(got.articles[1].date);
    CHECK(got.articles[2].origin_line == 7);
    CHECK(got.articles[2].body == "body");
}

TEST_CASE("CsvReader reports bad rows with the line they start on and goes on", "[csv]") {
    const auto got = read_csv(
        "title,body,date\n"
        "good one,text,2020-02-02\n"
        "too,many,fields,here\n"            // 3
        "\"spans\ntwo lines\",short\n"      // 4: two fields only
        "bad date,text,2020-02-30\n"        // 6: kept undated
        ",,2020-02-03\n"                    // 7: no title or body
        "\n"                                // 8: blank, ignored
        "stray \"quote\" kept,text,\n"      // 9: read, quote kept as text
        "\"never closed,text,2020-02-04\n"  // 10: open to the end
        "after,the stray quote,\n");        // 11: read again as a row
    REQUIRE(got.articles.size() == 4);
    CHECK(got.articles[0].title == "good one");
    CHECK(got.articles[0].unreadable_date.empty());
    CHECK(got.articles[1].title == "bad date");
    CHECK(got.articles[1].origin_line == 6);
    CHECK_FALSE(got.articles[1].date);
    CHECK(got.articles[1].unreadable_date == "2020-02-30");
    CHECK(got.articles[2].title == "stray \"quote\" kept");
    CHECK(got.articles[3].title == "after");
    CHECK(got.articles[3].origin_line == 11);
    REQUIRE(got.problems.size() == 4);
    CHECK(got.problems[0].line() == 3);
    CHECK(got.problems[0].reason() == "wrong field count: 4 fields where the header has 3");
    CHECK(got.problems[1].line() == 4);
    CHECK(got.problems[2].line() == 7);
    CHECK(got.problems[2].reason() == "no title or body");
    CHECK(got.problems[3].line() == 10);
    CHECK_THAT(got.problems[3].what(), Catch::StartsWith("test.csv:10: quoted field not closed"));
}

TEST_CASE("CsvReader takes --field overrides and rejects headers it cannot use", "[csv]") {
    ReadOptions options;
    options.field_map = parse_field_map({"title=kicker", " body = story "});
    options.source = "The Daily Test";
    const auto got = read_csv("title,kicker,story\nnot this,Kicker wins,Story text\n", options);
    REQUIRE(got.problems.empty());
    REQUIRE(got.articles.size() == 1);
    CHECK(got.articles[0].title == "Kicker wins");
    CHECK(got.articles[0].body == "Story text");
    CHECK(got.articles[0].source == "The Daily Test");

    const auto missing = read_csv("title,body\nt,b\n", options);
    CHECK(missing.articles.empty());
    REQUIRE(missing.problems.size() == 1);
    CHECK(missing.problems[0].line() == 1);
    CHECK_THAT(missing.problems[0].reason(), Catch::Contains("title=kicker"));

    const auto unusable = read_csv("name,value\na,b\n");
    CHECK(unusable.articles.empty());
    REQUIRE(unusable.problems.size() == 1);
    CHECK_THAT(unusable.problems[0].reason(), Catch::Contains("no title or body column"));

    CHECK(read_csv("").problems.at(0).reason() == "empty file: no CSV header row");
    CHECK_THROWS_AS(parse_field_map({"headline"}), UsageError);
    CHECK_THROWS_AS(parse_field_map({"colour=red"}), UsageError);
    CHECK_THROWS_WITH(parse_field_map({"title="}), Catch::Contains("NAME=COLUMN"));
}

TEST_CASE("read_inputs reads the Wikinews CSVs", "[csv][corpus]") {
    ReadOptions options;
    options.source = "Wikinews";
    ArticleCollector got;
    read_inputs({(newsdex::test::shared_corpus() / "wikinews").string()}, options, got.sink());
    CHECK(got.problems.empty());
    // SOURCE.md: 171 articles in wikinews_2019.csv, 124 in wikinews_2020.csv; all dated,
    // titles and URLs unique; dates 2019-01-04 .. 2021-03-15.
    REQUIRE(got.articles.size() == 171 + 124);
    std::set<std::string> titles, ids;
    std::size_t in_2019 = 0;
    for (const auto& a : got.articles) {
        REQUIRE(a.date);
        CHECK(format_day(a.date->seconds) >= "2019-01-04");
        CHECK(format_day(a.date->seconds) <= "2021-03-15");
        in_2019 += a.origin_file.ends_with("wikinews_2019.csv") ? 1 : 0;
        CHECK(a.url.starts_with("https://en.wikinews.org//wiki/"));
        CHECK(a.source == "Wikinews");
        CHECK_FALSE(a.body.empty());
        titles.insert(a.title);
        ids.insert(a.id);
    }
    CHECK(in_2019 == 171);
    CHECK(titles.size() == 295);
    CHECK(ids.size() == 295);
    CHECK(format_day(got.articles.front().date->seconds) == "2019-01-04");
    CHECK(got.articles.front().origin_line == 2);
}
