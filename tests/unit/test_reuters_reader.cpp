/// @file test_reuters_reader.cpp
/// @brief Reuters-21578 SGML reading: invented snippets for each quirk, then the real corpus.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "corpus/readers/input_reader.hpp"
#include "corpus/readers/reuters_reader.hpp"
#include "support/article_collector.hpp"
#include "support/test_support.hpp"

using namespace newsdex;
using namespace newsdex::corpus;

namespace {

using Collected = newsdex::test::ArticleCollector;

Collected read_sgml(const std::string& text) {
    Collected got;
    std::istringstream in(text);
    read_reuters(in, "test.sgm", {}, got.sink());
    return got;
}

// Invented stories in the layout of reut2-*.sgm (none of this text is from the corpus).
const std::string normal_story = R"(<!DOCTYPE lewis SYSTEM "lewis.dtd">
<REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="1" NEWID="7">
<DATE>12-MAR-1987 09:30:15.42&#5;&#5;&#5;RM</DATE>
<TOPICS><D>tea</D><D>money-fx</D></TOPICS>
<PLACES><D>west-germany</D><D>usa</D><D>new-zealand</D></PLACES>
<PEOPLE><D>de-la-vega</D><D>o-brien</D><D>smith</D></PEOPLE>
<ORGS><D>opec</D><D>adb-asia</D><D>worldbank</D></ORGS>
<EXCHANGES><D>lse</D></EXCHANGES>
<COMPANIES></COMPANIES>
<UNKNOWN> &#5;&#5;&#5;C T
&#22;&#22;&#1;f0001&#31;reute
u f BC-TEA-GROWERS   03-12 0042</UNKNOWN>
<TEXT>&#2;
<TITLE>TEA GROWERS &lt;TGC> SEE
  WETTER SEASON</TITLE>
<AUTHOR>    By JANE ROE AND John Doe, Reuters</AUTHOR>
<DATELINE>    HAMBURG, March 12 - </DATELINE><BODY>Tea growers said on Thursday that the
coming season   should be wetter than the last, and
that prices would hold.
    "We expect steady demand," a spokesman &amp; grower
said in a statement.
    Q&amp;A follows later.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
)";

}  // namespace

TEST_CASE("ReutersReader reads a normal story", "[reuters]") {
    const auto got = read_sgml(normal_story);
    REQUIRE(got.problems.empty());
    REQUIRE(got.articles.size() == 1);
    const Article& a = got.articles[0];
    CHECK(a.id == "reuters-7");
    CHECK(a.source == "Reuters");
    CHECK(a.title == "TEA GROWERS <TGC> SEE WETTER SEASON");
    REQUIRE(a.date);
    CHECK(format_iso(*a.date) == "1987-03-12T09:30:15Z");
    CHECK(a.body ==
          "HAMBURG, March 12 - Tea growers said on Thursday that the coming season should be "
          "wetter than the last, and that prices would hold.\n"
          "\"We expect steady demand,\" a spokesman & grower said in a statement.\n"
          "Q&A follows later.");
    CHECK(a.categories == std::vector<std::string>{"tea", "money-fx"});
    CHECK(a.authors == std::vector<std::string>{"Jane Roe", "John Doe"});
    const auto given = EntityOrigin::given;
    CHECK(a.entities == std::vector<Entity>{{EntityType::place, "West Germany", given},
                                            {EntityType::place, "United States", given},
                                            {EntityType::place, "New Zealand", given},
                                            {EntityType::person, "De la Vega", given},
                                            {EntityType::person, "O'Brien", given},
                                            {EntityType::person, "Smith", given},
                                            {EntityType::org, "OPEC", given},
                                            {EntityType::org, "ADB Asia", given},
                                            {EntityType::org, "World Bank", given}});
    CHECK(a.origin_file == "test.sgm");
    CHECK(a.origin_line == 2);
}

TEST_CASE("ReutersReader handles stories without TITLE or BODY", "[reuters]") {
    const auto got = read_sgml(R"(<REUTERS NEWID="10">
<DATE>1-APR-1987 10:00:00.00</DATE>
<TOPICS></TOPICS><PLACES></PLACES><PEOPLE></PEOPLE><ORGS></ORGS>
<TEXT TYPE="BRIEF">&#2;
******<TITLE>WIDGET OUTPUT UP TWO PCT IN MARCH
</TITLE>Short note.
&#3;

</TEXT>
</REUTERS>
<REUTERS NEWID="11">
<DATE>1-APR-1987 10:05:00.00</DATE>
<TEXT TYPE="UNPROC">&#2;
WIDGET PRICES - APRIL 1
    Grade       Bid      Ask
 Red.......... 1.10     1.20
 Blue......... 2.30     2.40
 Reuter
&#3;

</TEXT>
</REUTERS>
<REUTERS NEWID="12">
<DATE>1-APR-1987 10:06:00.00</DATE>
<TEXT TYPE="UNPROC">&#2;
A VERY LONG FIRST LINE THAT GOES ON AND ON ABOUT WIDGETS AND GADGETS AND SPROCKETS AND GEARS AND BOLTS
second line
&#3;</TEXT>
</REUTERS>
)");
    REQUIRE(got.problems.empty());
    REQUIRE(got.articles.size() == 3);
    CHECK(got.articles[0].title == "WIDGET OUTPUT UP TWO PCT IN MARCH");
    CHECK(got.articles[0].body == "Short note.");
    CHECK(got.articles[1].title == "WIDGET PRICES - APRIL 1");
    // Tables keep their lines; runs of spaces are folded; the sign-off is gone.
    CHECK(
        got.articles[1].body ==
        "WIDGET PRICES - APRIL 1\nGrade Bid Ask\nRed.......... 1.10 1.20\nBlue......... 2.30 2.40");
    CHECK(got.articles[2].title ==
          "A VERY LONG FIRST LINE THAT GOES ON AND ON ABOUT WIDGETS AND GADGETS AND SPROCKETS AND "
          "GEARS AND...");
    CHECK(got.articles[2].title.size() <= 103);
}

TEST_CASE("ReutersReader copes with odd dates, bytes and sign-offs", "[reuters]") {
    const auto got = read_sgml(
        "<REUTERS NEWID=\"20\">\n<DATE>31-MAR-1987 605:12:19.12</DATE>\n"
        "<TEXT><TITLE>T</TITLE><BODY>Gro\xDF und \xC3\xA9t\xE9 &#127;ok.\n REUTER\n Reuter\n&#3;"
        "</BODY></TEXT>\n</REUTERS>\n"
        "<REUTERS NEWID=\"21\">\n<DATE>  9-MAR-1987 12:14:01.92</DATE>\n"
        "<TEXT><TITLE>U</TITLE><BODY>Prices held, dealers told Reuters.\n&#3;</BODY></TEXT>\n"
        "</REUTERS>\n"
        "<REUTERS NEWID=\"22\">\n<DATE>not a date</DATE>\n"
        "<TEXT><TITLE>V</TITLE><BODY>Last line ends the story. REUTER\n&#3;</BODY></TEXT>\n"
        "</REUTERS>\n");
    REQUIRE(got.problems.empty());
    REQUIRE(got.articles.size() == 3);
    // The time is nonsense, so the story keeps its day only.
    REQUIRE(got.articles[0].date);
    CHECK(format_iso(*got.articles[0].date) == "1987-03-31");
    CHECK(got.articles[0].body == "Gro\xC3\x9F und \xC3\xA9t\xC3\xA9 ok.");
    REQUIRE(got.articles[1].date);
    CHECK(format_iso(*got.articles[1].date) == "1987-03-09T12:14:01Z");
    CHECK(got.articles[1].body == "Prices held, dealers told Reuters.");
    CHECK_FALSE(got.articles[2].date);
    CHECK(got.articles[2].body == "Last line ends the story.");
}

TEST_CASE("ReutersReader reports stories it must skip, with the line of <REUTERS", "[reuters]") {
    const auto got = read_sgml(
        "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n"
        "<REUTERS OLDID=\"5\">\n<TEXT><TITLE>NO NEWID</TITLE></TEXT>\n</REUTERS>\n"  // line 2
        "<REUTERS NEWID=\"31\">\n<TEXT TYPE=\"UNPROC\">&#2;\n&#3;\n\n</TEXT>\n</REUTERS>\n"  // 5
        "<REUTERS NEWID=\"33\">\n<TEXT><TITLE>NOT CLOSED</TITLE>\n"               // line 11
        "<REUTERS NEWID=\"32\">\n<TEXT><TITLE>KEPT</TITLE></TEXT>\n</REUTERS>\n"  // line 13
        "<REUTERS NEWID=\"34\">\n<TEXT><TITLE>TRUNCATED</TITLE>\n");              // line 16
    // An empty story is still a record of the collection: kept, with no title or body.
    REQUIRE(got.articles.size() == 2);
    CHECK(got.articles[0].id == "reuters-31");
    CHECK(got.articles[0].title.empty());
    CHECK(got.articles[0].body.empty());
    CHECK(got.articles[1].id == "reuters-32");
    CHECK(got.articles[1].title == "KEPT");
    CHECK(got.articles[1].origin_line == 13);
    REQUIRE(got.problems.size() == 3);
    CHECK(got.problems[0].line() == 2);
    CHECK_THAT(got.problems[0].reason(), Catch::Contains("NEWID"));
    CHECK(got.problems[1].line() == 11);
    CHECK_THAT(got.problems[1].reason(), Catch::Contains("not closed"));
    CHECK(got.problems[2].line() == 16);
    CHECK(std::string(got.problems[2].what()).starts_with("test.sgm:16: "));
}

TEST_CASE("ReutersReader reads reut2-000.sgm", "[reuters][corpus]") {
    Collected got;
    std::ifstream in(newsdex::test::reuters_dir() / "reut2-000.sgm", std::ios::binary);
    REQUIRE(in);
    read_reuters(in, "reut2-000.sgm", {}, got.sink());
    CHECK(got.problems.empty());
    REQUIRE(got.articles.size() == 1000);
    for (std::size_t k = 0; k < got.articles.size(); ++k)
        REQUIRE(got.articles[k].id == "reuters-" + std::to_string(k + 1));
    const Article& first = got.articles[0];
    CHECK(first.title == "BAHIA COCOA REVIEW");
    REQUIRE(first.date);
    CHECK(format_iso(*first.date) == "1987-02-26T15:01:01Z");
    const auto given = EntityOrigin::given;
    CHECK(first.entities == std::vector<Entity>{{EntityType::place, "El Salvador", given},
                                                {EntityType::place, "United States", given},
                                                {EntityType::place, "Uruguay", given}});
    CHECK(first.categories == std::vector<std::string>{"cocoa"});
    CHECK(first.body.starts_with("SALVADOR, Feb 26 - Showers continued"));
    CHECK_FALSE(first.body.ends_with("Reuter"));
}

TEST_CASE("read_inputs reads all of Reuters-21578", "[reuters][corpus]") {
    Collected got;
    read_inputs({newsdex::test::reuters_dir().string()}, {}, got.sink());
    // 21,578 stories; NEWID 12793 (reut2-012.sgm line 25983) is an UNPROC story whose TEXT
    // holds nothing at all: kept, with neither title nor body.
    CHECK(got.articles.size() == 21578);
    CHECK(got.problems.empty());

    std::size_t with_time = 0, with_body = 0, with_title = 0;
    for (const auto& a : got.articles) {
        with_title += a.title.empty() ? 0 : 1;
        REQUIRE(a.date);
        with_time += a.date->has_time ? 1 : 0;
        with_body += a.body.empty() ? 0 : 1;
        REQUIRE(a.source == "Reuters");
    }
    CHECK(with_title == 21577);       // all but NEWID 12793
    CHECK(with_time == 21577);        // NEWID 17192: "31-MAR-1987 605:12:19.12" keeps its day only
    CHECK(with_body == 21577 - 194);  // 194 BRIEF stories are a title alone
    CHECK(got.articles.back().id == "reuters-21578");
}
