/// @file test_json_reader.cpp
/// @brief JSON documents and arrays, extended-JSON dates, site names, FakeNewsNet.
#include <catch2/catch.hpp>
#include <map>
#include <sstream>

#include "corpus/readers/format.hpp"
#include "corpus/readers/input_reader.hpp"
#include "corpus/readers/json_reader.hpp"
#include "corpus/readers/record_support.hpp"
#include "support/article_collector.hpp"
#include "support/test_support.hpp"

using namespace newsdex;
using namespace newsdex::corpus;
using newsdex::test::ArticleCollector;

namespace {

ArticleCollector read_json(const std::string& text, const ReadOptions& options = {}) {
    return newsdex::test::read_with<corpus::read_json>(text, "test.json", options);
}

}  // namespace

TEST_CASE("JsonReader reads one pretty-printed article object", "[json]") {
    const auto got = read_json(
        "\n{\n  \"headline\": \"Lighthouse keeper retires\",\n  \"text\": \"After forty years.\",\n"
        "  \"publish_date\": {\"$date\": 1474243200000},\n"
        "  \"source\": \"http://www.coastal-herald.net\",\n"
        "  \"authors\": [\"Mia Holm\"], \"images\": [\"x.jpg\"]\n}\n");
    REQUIRE(got.problems.empty());
    REQUIRE(got.articles.size() == 1);
    const Article& a = got.articles[0];
    CHECK(a.title == "Lighthouse keeper retires");
    CHECK(a.body == "After forty years.");
    REQUIRE(a.date);
    CHECK(format_iso(*a.date) == "2016-09-19");  // midnight: a day, not a time
    CHECK(a.source == "coastal-herald.net");
    CHECK(a.authors == std::vector<std::string>{"Mia Holm"});
    CHECK(a.origin_line == 2);
}

TEST_CASE("JsonReader reads extended-JSON dates in all their forms", "[json]") {
    const auto got =
        read_json(R"([{"title": "a", "date": {"$date": 1474528230000}},)"
                  R"( {"title": "b", "date": {"$date": {"$numberLong": "-86400000"}}},)"
                  R"( {"title": "c", "date": {"$date": "2016-09-22T07:10:30Z"}},)"
                  R"( {"title": "d", "date": {"when": 1}},)"
                  R"( {"title": "e", "date": ""}])");
    REQUIRE(got.articles.size() == 4);
    CHECK(format_iso(*got.articles[0].date) == "2016-09-22T07:10:30Z");
    CHECK(format_iso(*got.articles[1].date) == "1969-12-31");
    CHECK(format_iso(*got.articles[2].date) == "2016-09-22T07:10:30Z");
    CHECK_FALSE(got.articles[3].date);
    REQUIRE(got.problems.size() == 1);
    CHECK_THAT(got.problems[0].reason(), Catch::Contains("date string"));
}

TEST_CASE("JsonReader streams arrays and reports bad elements by line", "[json]") {
    const auto got = read_json(
        "[\n"
        "  {\"id\": \"1\", \"title\": \"first, with [brackets] and \\\"quotes\\\"\"},\n"  // 2
        "  {\"id\": \"2\", \"title\": },\n"                                               // 3
        "  \"just a string\",\n"                                                          // 4
        "  {\"id\": \"4\",\n   \"body\": \"spans lines\"},\n"                             // 5
        "  {\"id\": \"5\"},\n"                                                            // 7
        "  {\"id\": \"6\", \"title\": \"Caf\xE9\"}\n"                                     // 8
        "]\n");
    REQUIRE(got.articles.size() == 3);
    CHECK(got.articles[0].title == "first, with [brackets] and \"quotes\"");
    CHECK(got.articles[1].id == "4");
    CHECK(got.articles[1].origin_line == 5);
    CHECK(got.articles[2].title == "Caf\xC3\xA9");  // Latin-1 read as such
    CHECK(got.articles[2].origin_line == 8);
    REQUIRE(got.problems.size() == 3);
    CHECK(got.problems[0].line() == 3);
    CHECK_THAT(got.problems[0].reason(), Catch::StartsWith("invalid JSON"));
    CHECK(got.problems[1].line() == 4);
    CHECK(got.problems[1].reason() == "not a JSON object");
    CHECK(got.problems[2].line() == 7);
    CHECK(got.problems[2].reason() == "no title or body");
}

TEST_CASE("JsonReader reports truncated and empty documents", "[json]") {
    const auto truncated = read_json("[{\"title\": \"kept\"},\n{\"title\": \"cut sho");
    REQUIRE(truncated.articles.size() == 1);
    REQUIRE(truncated.problems.size() == 1);
    CHECK(truncated.problems[0].line() == 2);
    CHECK(truncated.problems[0].reason() == "array element not closed at end of file");

    const auto trailing = read_json("[{\"title\": \"kept\"}] {\"title\": \"after\"}");
    CHECK(trailing.articles.size() == 1);
    CHECK(trailing.problems.at(0).reason() == "content after the array");

    CHECK(read_json("  \n").problems.at(0).reason() == "empty file: no JSON object or array");
    CHECK(read_json("[]").problems.empty());
    CHECK_THAT(read_json("{\"title\": \"x\"").problems.at(0).reason(),
               Catch::StartsWith("invalid JSON"));
}

TEST_CASE("JsonReader reads a .json file of JSON Lines as such", "[json]") {
    const auto got = read_json("{\"title\": \"one\"}\n{\"title\": \"two\"}\nnot json\n");
    REQUIRE(got.articles.size() == 2);
    CHECK(got.articles[1].origin_line == 2);
    REQUIRE(got.problems.size() == 1);
    CHECK(got.problems[0].line() == 3);
}

TEST_CASE("Source URLs become site names", "[json]") {
    const std::map<std::string, std::string> cases = {
        {"http://www.nytimes.com/2016/09/19/x.html", "nytimes.com"},
        {"https://CNN.it", "cnn.it"},
        {"http://author.addictinginfo.org", "author.addictinginfo.org"},
        {"www.example.org:8080/path", "example.org"},
        {"  The  Daily Test ", "The Daily Test"},
        {"", ""},
    };
    for (const auto& [source, site] : cases) CHECK(site_name(source) == site);
}

TEST_CASE("News shorteners name their publisher; generic ones name nobody", "[json]") {
    const auto got = read_json(
        "[{\"title\": \"a\", \"source\": \"http://politi.co\"},\n"
        " {\"title\": \"b\", \"source\": \"https://CNN.it/2d3KEZt\"},\n"
        " {\"title\": \"c\", \"source\": \"nyti.ms\"},\n"
        " {\"title\": \"d\", \"source\": \"https://goo.gl\", \"url\": \"https://goo.gl/aRYFof\"},\n"
        " {\"title\": \"e\", \"source\": \"http://bit.ly\", \"url\": \"http://wapo.st/2x\"},\n"
        " {\"title\": \"f\", \"url\": \"https://en.wikinews.org//wiki/X\"},\n"
        " {\"title\": \"g\", \"source\": \"t.co\"}]\n");
    REQUIRE(got.problems.empty());
    std::vector<std::string> sources;
    for (const auto& a : got.articles) sources.push_back(a.source);
    // A generic shortener falls back to the next evidence: the article's url, else nobody.
    CHECK(sources == std::vector<std::string>{"Politico", "CNN", "The New York Times", "",
                                              "The Washington Post", "en.wikinews.org", ""});
    ReadOptions options;
    options.source = "Named Daily";  // --source comes before the url's site
    CHECK(read_json(R"({"title": "t", "url": "https://en.wikinews.org/wiki/X"})", options)
              .articles.at(0)
              .source == "Named Daily");
}

TEST_CASE("Ids derived from very long URLs are hashed", "[json]") {
    const std::string url = "http://example.org/story?" + std::string(300, 'q');
    const auto got = read_json(R"({"title": "t", "url": ")" + url + R"("})");
    REQUIRE(got.articles.size() == 1);
    CHECK(got.articles[0].url == url);
    CHECK(got.articles[0].id.size() == 17);  // "h" and 16 hex digits: fits a Xapian term
}

TEST_CASE("Formats of JSON, CSV, text and mail files", "[format]") {
    CHECK(parse_format("json") == Format::json);
    CHECK(parse_format("CSV") == Format::csv);
    CHECK(parse_format("text") == Format::text);
    CHECK(parse_format("mail") == Format::mail);
    for (const auto format : {Format::json, Format::csv, Format::text, Format::mail})
        CHECK(parse_format(to_string(format)) == format);

    CHECK(detect_format("a/news.json", "") == Format::json);
    CHECK(detect_format("a/news.csv", "") == Format::csv);
    CHECK(detect_format("dump", " [\n {\"title\": 1}") == Format::json);
    CHECK_FALSE(detect_format("settings.ini", "[section]\nkey=1\n"));
    CHECK(detect_format("sci.space/1042", "Path: x\n  y\nFrom: a@b\nSubject: s\n\nbody") ==
          Format::mail);
    CHECK(detect_format("post.txt", "From: a@b\nSubject: s\n") == Format::mail);
    CHECK_FALSE(detect_format("notes", "From: a@b\nTo: c@d\n\nno subject"));
    CHECK_FALSE(detect_format("notes", "Dear reader: hello\nSubject: s\n"));
    CHECK(detect_format("business/001.txt", "Title line\n\nBody.\n") == Format::text);
    CHECK_FALSE(detect_format("business/001.txt", "\nTitle after a blank\nBody.\n"));
    CHECK_FALSE(detect_format("ids.txt", "Feed_1\nFeed_2\n"));
    CHECK_FALSE(detect_format("README.TXT", "About this corpus\n\nBody.\n"));
    CHECK_FALSE(detect_format("Readme.txt", "About this corpus\n\nBody.\n"));
    CHECK_FALSE(detect_format("001.md", "Title line\n\nBody.\n"));
}

TEST_CASE("read_inputs reads FakeNewsNet's JSON documents", "[json][corpus]") {
    ArticleCollector got;
    read_inputs({(newsdex::test::shared_corpus() / "fakenewsnet_v1").string()}, {}, got.sink());
    CHECK(got.problems.empty());
    // SOURCE.md: 422 articles (BuzzFeed 91 + 91, PolitiFact 120 + 120), 383 with a source,
    // 297 with a publish_date in 2013-03-05 .. 2017-08-24, 2 with empty text.
    REQUIRE(got.articles.size() == 422);
    std::map<std::string, int> per_folder, per_source;
    std::size_t dated = 0, with_source = 0, empty_body = 0;
    for (const auto& a : got.articles) {
        const auto folder = std::filesystem::path(a.origin_file).parent_path();
        ++per_folder[folder.parent_path().filename().string() + "/" + folder.filename().string()];
        if (a.date) {
            ++dated;
            CHECK(format_day(a.date->seconds) >= "2013-03-05");
            CHECK(format_day(a.date->seconds) <= "2017-08-24");
        }
        with_source += a.source.empty() ? 0 : 1;
        empty_body += a.body.empty() ? 1 : 0;
        ++per_source[a.source];
        CHECK_FALSE(a.title.empty());
    }
    CHECK(per_folder == std::map<std::string, int>{{"BuzzFeed/FakeNewsContent", 91},
                                                   {"BuzzFeed/RealNewsContent", 91},
                                                   {"PolitiFact/FakeNewsContent", 120},
                                                   {"PolitiFact/RealNewsContent", 120}});
    CHECK(dated == 297);
    // 383 name a source; 4 of them only a generic shortener (goo.gl 3, fb.me 1), whose
    // pages name their publisher in og:site_name, as do the bare sites.
    CHECK(with_source == 383);
    CHECK(per_source[""] == 39);
    CHECK(empty_body == 2);
    CHECK(per_source["Politico"] == 75);  // politi.co, whose pages say POLITICO
    CHECK(per_source["CNN"] == 45 + 1);   // cnn.it, and one www.cnn.com page
    CHECK(per_source["ABC News"] == 18);  // abcn.ws
    for (const char* site : {"politi.co", "cnn.it", "abcn.ws", "goo.gl", "fb.me",
                             "rightwingnews.com", "addictinginfo.org"})
        CHECK(per_source.count(site) == 0);
    CHECK(per_source["John Hawkins' Right Wing News"] == 28);
    CHECK(per_source["AddictingInfo"] == 11 + 5 + 5 + 1);  // four hosts, one publisher
    CHECK(per_source["Yes I'm Right."] == 2 + 1);          // two goo.gl links and its own site
}
