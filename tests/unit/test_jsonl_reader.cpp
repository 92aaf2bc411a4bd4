/// @file test_jsonl_reader.cpp
/// @brief JSON Lines reading, format detection and the input walk over files and folders.
#include <catch2/catch.hpp>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "corpus/readers/format.hpp"
#include "corpus/readers/input_reader.hpp"
#include "corpus/readers/jsonl_reader.hpp"
#include "support/article_collector.hpp"
#include "support/test_support.hpp"

using namespace newsdex;
using namespace newsdex::corpus;

namespace {

using Collected = newsdex::test::ArticleCollector;

Collected read_jsonl(const std::string& text, const std::string& name = "test.jsonl") {
    Collected got;
    std::istringstream in(text);
    corpus::read_jsonl(in, name, {}, got.sink());
    return got;
}

void write_file(const std::filesystem::path& path, const std::string& text) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
}

}  // namespace

TEST_CASE("JsonlReader maps every field", "[jsonl]") {
    const auto got = read_jsonl(
        R"({"id": "a1", "title": " Cocoa  review ", "body": "Showers continued.", )"
        R"("date": "1987-02-26T15:01:01Z", "source": "Reuters", "url": "http://x/a1", )"
        R"("authors": ["Jane Doe", "John Roe"], "language": "en", "categories": ["cocoa", "crops"], )"
        R"("entities": [{"type": "place", "name": "El Salvador"}, {"type": "ORG", "name": "ICCO"}], )"
        R"("unknown_field": {"nested": [1, 2]}})");
    REQUIRE(got.problems.empty());
    REQUIRE(got.articles.size() == 1);
    const Article& a = got.articles[0];
    CHECK(a.id == "a1");
    CHECK(a.title == "Cocoa review");
    CHECK(a.body == "Showers continued.");
    REQUIRE(a.date);
    CHECK(format_iso(*a.date) == "1987-02-26T15:01:01Z");
    CHECK(a.source == "Reuters");
    CHECK(a.url == "http://x/a1");
    CHECK(a.authors == std::vector<std::string>{"Jane Doe", "John Roe"});
    CHECK(a.language == "en");
    CHECK(a.categories == std::vector<std::string>{"cocoa", "crops"});
    CHECK(a.entities == std::vector<Entity>{{EntityType::place, "El Salvador", EntityOrigin::given},
                                            {EntityType::org, "ICCO", EntityOrigin::given}});
    CHECK(a.origin_file == "test.jsonl");
    CHECK(a.origin_line == 1);
}

TEST_CASE("JsonlReader accepts the field aliases", "[jsonl]") {
    const auto got = read_jsonl(
        "{\"id\": \"b\", \"text\": \"from text\", \"publisher\": \"AP\"}\n"
        "{\"id\": \"c\", \"content\": \"from content\", \"site\": \"bbc.co.uk\"}\n"
        "{\"id\": \"d\", \"body\": \"body wins\", \"text\": \"not this\", \"source\": \"S\", "
        "\"site\": \"not this\"}\n"
        "{\"id\": 42, \"title\": \"numeric id\", \"body\": null, \"source\": null}\n");
    REQUIRE(got.problems.empty());
    REQUIRE(got.articles.size() == 4);
    CHECK(got.articles[0].body == "from text");
    CHECK(got.articles[0].source == "AP");
    CHECK(got.articles[1].body == "from content");
    CHECK(got.articles[1].source == "bbc.co.uk");
    CHECK(got.articles[2].body == "body wins");
    CHECK(got.articles[2].source == "S");
    CHECK(got.articles[3].id == "42");
    CHECK(got.articles[3].body.empty());
    CHECK(got.articles[3].source.empty());
}

TEST_CASE("JsonlReader reads authors, categories and entities in both forms", "[jsonl]") {
    const auto got = read_jsonl(
        R"({"id": "e", "title": "t", "authors": "Jane Doe", "categories": "money-fx", )"
        R"("entities": ["person:Paul Volcker", "org: OPEC", "no type here", "planet:Mars", )"
        R"({"name": "untyped"}, {"type": "location", "name": "West Germany"}]})");
    REQUIRE(got.problems.empty());
    REQUIRE(got.articles.size() == 1);
    const Article& a = got.articles[0];
    CHECK(a.authors == std::vector<std::string>{"Jane Doe"});
    CHECK(a.categories == std::vector<std::string>{"money-fx"});
    CHECK(a.entities ==
          std::vector<Entity>{{EntityType::person, "Paul Volcker", EntityOrigin::given},
                              {EntityType::org, "OPEC", EntityOrigin::given},
                              {EntityType::place, "West Germany", EntityOrigin::given}});
}

TEST_CASE("JsonlReader reports bad lines with file:line and reads the others", "[jsonl]") {
    const auto got = read_jsonl(
        "{\"id\": \"1\", \"title\": \"first\"}\n"
        "{\"id\": \"2\", \"title\": \"broken\"\n"                        // 2: unterminated object
        "\n"                                                             // 3: blank, ignored
        "[1, 2, 3]\n"                                                    // 4: not an object
        "{\"id\": \"5\", \"url\": \"u\"}\n"                              // 5: no title or body
        "{\"id\": \"6\", \"title\": \"t\", \"date\": \"1987-02-30\"}\n"  // 6: kept undated
        "{\"id\": \"7\", \"title\": 7}\n"                                // 7: title not a string
        "{\"id\": \"8\", \"body\": \"last\"}\r\n",                       // CRLF line ending
        "feed.jsonl");
    REQUIRE(got.articles.size() == 3);
    CHECK(got.articles[0].id == "1");
    CHECK(got.articles[1].id == "6");
    CHECK_FALSE(got.articles[1].date);
    CHECK(got.articles[1].unreadable_date == "1987-02-30");
    CHECK(got.articles[2].id == "8");
    CHECK(got.articles[2].origin_line == 8);
    CHECK(got.articles[2].body == "last");
    REQUIRE(got.problems.size() == 4);
    CHECK(got.problems[0].line() == 2);
    CHECK(got.problems[0].file() == "feed.jsonl");
    CHECK_THAT(got.problems[0].what(), Catch::StartsWith("feed.jsonl:2: invalid JSON: "));
    CHECK(got.problems[1].line() == 4);
    CHECK(got.problems[1].reason() == "not a JSON object");
    CHECK(got.problems[2].line() == 5);
    CHECK(got.problems[2].reason() == "no title or body");
    CHECK(got.problems[3].line() == 7);
    CHECK_THAT(got.problems[3].reason(), Catch::Contains("title"));
}

TEST_CASE("JsonlReader skips a line over 64 MiB and reads on from its newline", "[jsonl]") {
    constexpr std::size_t max_line = std::size_t{64} << 20;  // the floor at the default cut
    const std::string head = R"({"id": "2", "title": "at the bound", "body": ")";
    std::string at_bound = head + std::string(max_line - head.size() - 2, 'b') + "\"}";
    REQUIRE(at_bound.size() == max_line);
    std::string text = "{\"id\": \"1\", \"title\": \"first\"}\n";
    text += std::string(max_line + 1, 'a') + "\n";  // no JSON: never parsed, never kept whole
    text += at_bound + "\n";
    at_bound.clear();
    text += "{\"id\": \"4\", \"title\": \"last\"}";
    const auto got = read_jsonl(text, "feed.jsonl");
    text.clear();
    REQUIRE(got.problems.size() == 1);
    CHECK(got.problems[0].what() ==
          std::string("feed.jsonl:2: line longer than 67108864 bytes, skipped"));
    REQUIRE(got.articles.size() == 3);
    CHECK(got.articles[0].id == "1");
    CHECK(got.articles[1].id == "2");
    CHECK(got.articles[1].origin_line == 3);
    CHECK(got.articles[1].body.size() == max_line - head.size() - 2);
    CHECK(got.articles[2].id == "4");
    CHECK(got.articles[2].origin_line == 4);
}

TEST_CASE("JsonlReader cleans text and derives missing ids", "[jsonl]") {
    // A byte-order mark, a Latin-1 byte and an escaped control character on the first line.
    const auto got = read_jsonl(
        "\xEF\xBB\xBF{\"title\": \"Caf\xE9 \\u0007bell\", \"body\": \"  text  \"}\n"
        "{\"title\": \"With url\", \"url\": \"http://example.com/x\"}\n"
        "{\"title\": \"Caf\xC3\xA9 bell\", \"body\": \"text\"}\n");
    REQUIRE(got.problems.empty());
    REQUIRE(got.articles.size() == 3);
    CHECK(got.articles[0].title == "Caf\xC3\xA9 bell");
    CHECK(got.articles[0].body == "text");
    CHECK(got.articles[1].id == "http://example.com/x");
    // Same content, same derived id: re-reading replaces rather than duplicates.
    CHECK_FALSE(got.articles[0].id.empty());
    CHECK(got.articles[0].id == got.articles[2].id);
    CHECK(got.articles[0].id != read_jsonl("{\"title\": \"other\"}").articles.at(0).id);
}

TEST_CASE("Format names and detection", "[format]") {
    CHECK(parse_format("auto") == Format::automatic);
    CHECK(parse_format("JSONL") == Format::jsonl);
    CHECK(parse_format("ndjson") == Format::jsonl);
    CHECK(parse_format("json") == Format::json);
    CHECK(parse_format("sgml") == Format::reuters);
    CHECK(parse_format("reuters") == Format::reuters);
    CHECK_FALSE(parse_format("xml"));
    CHECK(to_string(Format::jsonl) == "jsonl");
    CHECK(to_string(Format::automatic) == "auto");

    CHECK(detect_format("data/reut2-000.sgm", "") == Format::reuters);
    CHECK(detect_format("news.JSONL", "") == Format::jsonl);
    CHECK(detect_format("news.ndjson", "") == Format::jsonl);
    CHECK(detect_format("news.json", "") == Format::json);
    CHECK(detect_format("feed.txt", "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">") == Format::reuters);
    CHECK(detect_format("feed.txt", "\n<REUTERS TOPICS=\"NO\">") == Format::reuters);
    CHECK(detect_format("feed", "\xEF\xBB\xBF  {\"id\": 1}") == Format::jsonl);
    CHECK_FALSE(detect_format("README.txt", "This is a readme"));
    CHECK_FALSE(detect_format("lewis.dtd", "<!ENTITY"));
}

TEST_CASE("read_inputs walks folders in sorted order and reports bad paths", "[input]") {
    const auto dir = newsdex::test::fresh_dir("input_reader");
    write_file(dir / "b" / "2.jsonl", "{\"id\": \"b2\", \"title\": \"t\"}\n");
    write_file(dir / "a.jsonl", "{\"id\": \"a\", \"title\": \"t\"}\n");
    write_file(dir / "b" / "1.txt", "{\"id\": \"b1\", \"title\": \"by content\"}\n");
    write_file(dir / "README.txt", "not an input\n");
    write_file(dir / ".hidden" / "h.jsonl", "{\"id\": \"hidden\", \"title\": \"t\"}\n");
    write_file(dir / "c.sgm",
               "<REUTERS NEWID=\"9\">\n<TEXT><TITLE>SGML BY CONTENT</TITLE></TEXT>\n</REUTERS>\n");

    Collected got;
    read_inputs({dir.string(), (dir / "missing.jsonl").string(), (dir / "README.txt").string()}, {},
                got.sink());
    std::vector<std::string> ids;
    for (const auto& a : got.articles) ids.push_back(a.id);
    CHECK(ids == std::vector<std::string>{"a", "b1", "b2", "reuters-9"});
    CHECK(got.articles[1].origin_file == (dir / "b" / "1.txt").string());
    REQUIRE(got.problems.size() == 2);
    CHECK(got.problems[0].line() == 0);
    CHECK_THAT(got.problems[0].what(), Catch::Contains("missing.jsonl"));
    CHECK_THAT(got.problems[1].what(), Catch::Contains("README.txt"));
    CHECK_THAT(got.problems[1].reason(), Catch::Contains("format"));

    // A forced format reads a named file whatever it is called.
    Collected forced;
    write_file(dir / "feed.dat", "{\"id\": \"f\", \"title\": \"t\"}\n");
    read_inputs({(dir / "feed.dat").string()}, {Format::jsonl}, forced.sink());
    REQUIRE(forced.articles.size() == 1);
    CHECK(forced.articles[0].id == "f");
    CHECK(forced.problems.empty());
}

TEST_CASE("read_inputs reads standard input, detecting its format from the content", "[input]") {
    // Swap std::cin's buffer for the test's text, and restore it whatever happens.
    struct CinFrom {
        std::istringstream text;
        std::streambuf* saved;
        explicit CinFrom(const std::string& s) : text(s), saved(std::cin.rdbuf(text.rdbuf())) {}
        ~CinFrom() { std::cin.rdbuf(saved); }
    };
    {
        // Longer than the bytes taken to detect the format, so both parts must be read.
        std::string jsonl = "\n";
        for (int k = 1; k <= 300; ++k)
            jsonl += "{\"id\": \"s" + std::to_string(k) + "\", \"title\": \"line\"}\n";
        CinFrom in(jsonl);
        Collected got;
        read_inputs({"-"}, {}, got.sink());
        CHECK(got.problems.empty());
        REQUIRE(got.articles.size() == 300);
        CHECK(got.articles[0].id == "s1");
        CHECK(got.articles[0].origin_file == "-");
        CHECK(got.articles[0].origin_line == 2);
        CHECK(got.articles[299].id == "s300");
        CHECK(got.articles[299].origin_line == 301);
    }
    {
        CinFrom in("<REUTERS NEWID=\"5\">\n<TEXT><TITLE>FROM STDIN</TITLE></TEXT>\n</REUTERS>\n");
        Collected got;
        read_inputs({"-"}, {}, got.sink());
        REQUIRE(got.articles.size() == 1);
        CHECK(got.articles[0].title == "FROM STDIN");
    }
    {
        CinFrom in("plain text\n");
        Collected got;
        read_inputs({"-"}, {}, got.sink());
        CHECK(got.articles.empty());
        REQUIRE(got.problems.size() == 1);
        CHECK(got.problems[0].file() == "-");
    }
}

TEST_CASE("JsonlReader takes a page's og:site_name over a link that names no publisher",
          "[jsonl]") {
    const auto got = read_jsonl(
        // a bare site: the page's own name says more
        R"({"title": "a", "source": "http://rightwingnews.com", )"
        R"("meta_data": {"og": {"site_name": "Right Wing News"}}})"
        "\n"
        // a generic shortener names nobody; the page does
        R"({"title": "b", "source": "https://goo.gl", "meta_data": {"og": {"site_name": "US Herald"}}})"
        "\n"
        // a news shortener stands for its publisher whatever the page calls itself
        R"({"title": "c", "source": "http://cnn.it", "meta_data": {"og": {"site_name": "CNNMoney"}}})"
        "\n"
        // a source given as a name is kept
        R"({"title": "d", "source": "Reuters", "meta_data": {"og": {"site_name": "Yahoo"}}})"
        "\n"
        // no og name: the host, as before; metadata of another shape is passed over
        R"({"title": "e", "source": "http://www.example.org", "meta_data": {"og": "x"}})"
        "\n"
        R"({"title": "f", "meta_data": {"og": {"site_name": "Only Here"}}})"
        "\n");
    REQUIRE(got.problems.empty());
    REQUIRE(got.articles.size() == 6);
    CHECK(got.articles[0].source == "Right Wing News");
    CHECK(got.articles[1].source == "US Herald");
    CHECK(got.articles[2].source == "CNN");
    CHECK(got.articles[3].source == "Reuters");
    CHECK(got.articles[4].source == "example.org");
    CHECK(got.articles[5].source == "Only Here");
}

TEST_CASE("read_inputs reads a JSON Lines file with a NUL-corrupted line record by record",
          "[jsonl]") {
    const auto dir = newsdex::test::fresh_dir("jsonl-nul-line");
    using namespace std::string_literals;
    write_file(dir / "feed.jsonl",
               "{\"title\": \"one\"}\n{\"title\": \"t\0o\"}\n"s + "{\"title\": \"three\"}\n");
    // Binary data under the same name, with no line that opens an object: one warning.
    write_file(dir / "noise.jsonl", "\x01\x02\0\xff\xfe\n\x03\0\n"s);
    Collected got;
    corpus::read_inputs({(dir / "feed.jsonl").string(), (dir / "noise.jsonl").string()}, {},
                        got.sink());
    REQUIRE(got.articles.size() == 2);
    CHECK(got.articles[0].title == "one");
    CHECK(got.articles[1].title == "three");
    REQUIRE(got.problems.size() == 2);
    CHECK(got.problems[0].line() == 2);
    CHECK(got.problems[0].reason() == "binary data, not text: a NUL byte at column 13");
    CHECK(got.problems[1].line() == 0);
    CHECK(got.problems[1].reason() == "binary data, not text: a NUL byte at byte 2");
}

TEST_CASE("check_inputs_exist names the first path that is not there", "[jsonl]") {
    const auto dir = newsdex::test::fresh_dir("inputs-exist");
    write_file(dir / "here.jsonl", "{}\n");
    CHECK_NOTHROW(corpus::check_inputs_exist({"-", (dir / "here.jsonl").string()}));
    try {
        corpus::check_inputs_exist({(dir / "here.jsonl").string(), (dir / "gone").string()});
        FAIL("no error");
    } catch (const ParseError& e) {
        CHECK(e.file() == (dir / "gone").string());
        CHECK(e.reason() == "no such file or folder");
    }
}
