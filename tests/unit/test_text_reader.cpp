/// @file test_text_reader.cpp
/// @brief Plain-text and mail-style files: titles, headers, labels from folders, BBC, 20NG.
#include <catch2/catch.hpp>
#include <map>
#include <set>
#include <sstream>

#include "corpus/readers/input_reader.hpp"
#include "corpus/readers/mail_reader.hpp"
#include "corpus/readers/text_reader.hpp"
#include "support/article_collector.hpp"
#include "support/test_support.hpp"

using namespace newsdex;
using namespace newsdex::corpus;
using newsdex::test::ArticleCollector;
using newsdex::test::read_with;

TEST_CASE("TextReader takes the title line and labels from the path", "[text]") {
    const auto got = read_with<read_text>(
        "Orchard harvest \xA3 record\n\nApples were picked early.\n\nPears later.\n",
        "corpus/gazette/farming/017.txt");
    REQUIRE(got.problems.empty());
    REQUIRE(got.articles.size() == 1);
    const Article& a = got.articles[0];
    CHECK(a.title == "Orchard harvest \xC2\xA3 record");  // Latin-1 pound sign repaired
    CHECK(a.body == "Apples were picked early.\n\nPears later.");
    CHECK(a.categories == std::vector<std::string>{"farming"});
    CHECK(a.source == "gazette");
    CHECK(a.id == "gazette/farming/017");
    CHECK_FALSE(a.date);

    ReadOptions options;
    options.source = "The Gazette";
    CHECK(read_with<read_text>("T\n\nB\n", "gazette/farming/018.txt", options)
              .articles.at(0)
              .source == "The Gazette");
    const auto title_only = read_with<read_text>("Only a title", "-");
    CHECK(title_only.articles.at(0).body.empty());
    CHECK(title_only.articles.at(0).id.starts_with("h"));  // derived from the content
    const auto empty = read_with<read_text>(" \n\n", "farming/019.txt");
    CHECK(empty.articles.empty());
    CHECK(empty.problems.at(0).reason() == "no title or body");
}

TEST_CASE("MailReader maps headers and labels a post by its newsgroup", "[mail]") {
    const auto got = read_with<read_mail>(
        " tail!of!a!stripped!path\n"
        "From: pilot@glider.example (Rosa Vance)\n"
        "Subject: Re: Thermals over\n  the ridge\n"
        "Organization: Soaring Club\n"
        "Lines: 3\n"
        "\n"
        "> earlier post\nLift was strong.\r\n",
        "archive/rec.aviation.soaring/40123");
    REQUIRE(got.problems.empty());
    REQUIRE(got.articles.size() == 1);
    const Article& a = got.articles[0];
    CHECK(a.title == "Re: Thermals over the ridge");
    CHECK(a.authors == std::vector<std::string>{"Rosa Vance"});
    CHECK(a.body == "> earlier post\nLift was strong.");
    CHECK(a.categories == std::vector<std::string>{"rec.aviation.soaring"});
    CHECK(a.source == "rec.aviation.soaring");
    CHECK(a.id == "archive/rec.aviation.soaring/40123");
}

TEST_CASE("MailReader uses Message-ID, Newsgroups and Date when present", "[mail]") {
    const auto got = read_with<read_mail>(
        "From: \"Kai Berg\" <kai@ferry.example>\n"
        "Newsgroups: misc.ferries, misc.transport\n"
        "Subject: Timetable\n"
        "Message-ID: <t1@ferry.example>\n"
        "Date: Tue, 6 Apr 1993 10:02:03 GMT\n"
        "Body without a blank line first\n",
        "misc.forsale/1");
    REQUIRE(got.articles.size() == 1);
    const Article& a = got.articles[0];
    CHECK(a.authors == std::vector<std::string>{"Kai Berg"});
    CHECK(a.id == "t1@ferry.example");
    CHECK(a.categories == std::vector<std::string>{"misc.ferries", "misc.transport"});
    CHECK(a.source == "misc.ferries");
    REQUIRE(a.date);
    CHECK(format_iso(*a.date) == "1993-04-06T10:02:03Z");
    CHECK(a.body == "Body without a blank line first");

    const auto bad_date =
        read_with<read_mail>("From: a@b\nSubject: s\nDate: 31 Feb 1993\n\nx\n", "g/2");
    // Kept without a date: the indexer warns with the text it could not read.
    CHECK(bad_date.problems.empty());
    REQUIRE(bad_date.articles.size() == 1);
    CHECK_FALSE(bad_date.articles[0].date);
    CHECK(bad_date.articles[0].unreadable_date == "31 Feb 1993");
    const auto no_headers = read_with<read_mail>("Just prose, no headers.\n", "g/3");
    CHECK(no_headers.articles.empty());
    CHECK(no_headers.problems.at(0).line() == 1);
    CHECK(mail_header_name("X-Xxdate: Mon") == "X-Xxdate");
    CHECK(mail_header_name("Not a header: no").empty());
}

TEST_CASE("read_inputs reads the BBC folders", "[text][corpus]") {
    ReadOptions options;
    options.source = "BBC";
    ArticleCollector got;
    read_inputs({(newsdex::test::shared_corpus() / "bbc").string()}, options, got.sink());
    CHECK(got.problems.empty());
    // SOURCE.md: 2,225 articles; README.TXT and SOURCE.md beside them are not articles.
    REQUIRE(got.articles.size() == 2225);
    std::map<std::string, int> per_category;
    std::set<std::string> ids;
    for (const auto& a : got.articles) {
        REQUIRE(a.categories.size() == 1);
        ++per_category[a.categories[0]];
        CHECK(a.source == "BBC");
        CHECK_FALSE(a.title.empty());
        CHECK_FALSE(a.body.empty());
        ids.insert(a.id);
    }
    CHECK(per_category == std::map<std::string, int>{{"business", 510},
                                                     {"entertainment", 386},
                                                     {"politics", 417},
                                                     {"sport", 511},
                                                     {"tech", 401}});
    CHECK(ids.size() == 2225);  // 98 duplicate texts keep their own ids
    CHECK(got.articles[0].id == "bbc/business/001");
    CHECK(got.articles[0].title == "Ad sales boost Time Warner profit");
}

TEST_CASE("read_inputs reads 20 Newsgroups", "[mail][corpus]") {
    ArticleCollector got;
    read_inputs({(newsdex::test::shared_corpus() / "20newsgroups").string()}, {}, got.sink());
    CHECK(got.problems.empty());
    // SOURCE.md: 11,314 train + 7,532 test posts in 20 newsgroups; alt.atheism 480 + 319.
    REQUIRE(got.articles.size() == 11314 + 7532);
    std::map<std::string, int> per_group;
    std::size_t train = 0, titled = 0, with_author = 0;
    for (const auto& a : got.articles) {
        REQUIRE(a.categories.size() == 1);
        ++per_group[a.categories[0]];
        CHECK(a.source == a.categories[0]);
        train += a.id.starts_with("20news-bydate-train/") ? 1 : 0;
        titled += a.title.empty() ? 0 : 1;
        with_author += a.authors.size();
        CHECK_FALSE(a.date);  // the bydate distribution strips Date headers
    }
    CHECK(per_group.size() == 20);
    CHECK(train == 11314);
    CHECK(per_group["alt.atheism"] == 480 + 319);
    CHECK(per_group["talk.religion.misc"] == 377 + 251);
    CHECK(titled == 18846);
    // Every post has a From; sci.crypt/15384's display name is a 300-byte joke, not a name.
    CHECK(with_author == 18846 - 1);
}
