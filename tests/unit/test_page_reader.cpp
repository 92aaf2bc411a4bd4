/// @file test_page_reader.cpp
/// @brief Scraped pages: stories, furniture, publishers, dates and detection, then the seed page.
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "corpus/analysis/entity_extractor.hpp"
#include "corpus/page/page_credits.hpp"
#include "corpus/page/page_dates.hpp"
#include "corpus/page/page_lines.hpp"
#include "corpus/readers/format.hpp"
#include "corpus/readers/page_reader.hpp"
#include "support/article_collector.hpp"
#include "support/test_support.hpp"

using namespace newsdex;
using namespace newsdex::corpus;
using newsdex::test::read_with;

namespace {

/// An invented aggregator page: a main article with byline and date line, widgets, and two
/// teasers, one from a wire service and one signed off by its paper.
const std::string harbour_page =
    "\n"
    "Harbour Council Approves New Ferry Terminal\n"
    "March 4, 2025\n"
    "By Ida Marsh and Tom Bell\n"
    "The Lowport harbour council voted on Monday to build a second ferry terminal.\n"
    "Advertisement\n"
    "Construction is due to start in the autumn, the council said in a\n"
    "Background\n"
    "The old terminal opened on 12 June 1998.\n"
    "Share this article\n"
    "Sign up for our morning briefing:\n"
    "\n"
    "Comments\n"
    "Related Articles\n"
    "Daily Wire Mix \u00b7 2 hours ago\n"
    "Fishing fleet returns early as storm nears\n"
    "LOWPORT (AP) \u2014 Trawlers headed home on Tuesday as a storm closed in. Skippers said "
    "the catch was good.\n"
    "Daily Wire Mix\n"
    "5 hours ago\n"
    "- Daily Wire Mix\n"
    "Lighthouse museum to reopen\n"
    "The lighthouse museum will reopen on 2/28/2025 after repairs, its trustees said. Read "
    "also: Ten walks along the coast. We rely on readers like you. Consider supporting the "
    "Harbour Gazette.\n";

const std::int64_t march_5_noon = 1741176000;  // 2025-03-05T12:00:00Z

ReadOptions at(std::int64_t now, std::string source = "") {
    ReadOptions options;
    options.now = now;
    options.source = std::move(source);
    return options;
}

std::string day_of(const Article& article) {
    return article.date ? format_iso(*article.date) : "none";
}

}  // namespace

TEST_CASE("PageReader splits a page into its main article and teasers", "[page]") {
    const auto got =
        read_with<read_page>(harbour_page, "pages/lowport/front.txt", at(march_5_noon));
    CHECK(got.problems.empty());
    REQUIRE(got.articles.size() == 3);
    const Article& main = got.articles[0];
    CHECK(main.title == "Harbour Council Approves New Ferry Terminal");
    CHECK(main.authors == std::vector<std::string>{"Ida Marsh", "Tom Bell"});
    CHECK(main.source.empty());  // nothing names it, and its folder ("lowport") is no publisher
    CHECK(day_of(main) == "2025-03-04");
    CHECK_FALSE(main.date_inferred);
    CHECK(main.body ==
          "The Lowport harbour council voted on Monday to build a second ferry terminal.\n"
          "Construction is due to start in the autumn, the council said in a\n"
          "The old terminal opened on 12 June 1998.");
    CHECK(main.id == "pages/lowport/front#1");
    CHECK(main.origin_line == 2);

    const Article& wire = got.articles[1];
    CHECK(wire.title == "Fishing fleet returns early as storm nears");
    CHECK(wire.source == "AP");
    CHECK(format_iso(*wire.date) == "2025-03-05T10:00:00Z");  // 2 hours before --now
    CHECK(wire.date_inferred);
    CHECK(wire.id == "pages/lowport/front#2");

    const Article& museum = got.articles[2];
    CHECK(museum.title == "Lighthouse museum to reopen");
    CHECK(museum.source == "Harbour Gazette");
    CHECK(day_of(museum) == "2025-02-28");
    CHECK_FALSE(museum.date_inferred);
    CHECK(museum.body ==
          "The lighthouse museum will reopen on 2/28/2025 after repairs, its "
          "trustees said.");
}

TEST_CASE("PageReader falls back to the listing, --source and the folder", "[page]") {
    const std::string page =
        "Main story title\nThe first paragraph of it.\nRelated Stories\nNews Hub\n"
        "17 minutes ago\n- News Hub\nA teaser title\nIts text.\n";
    const auto got = read_with<read_page>(page, "scrapes/site/p.txt", at(march_5_noon, "Site"));
    REQUIRE(got.articles.size() == 2);
    CHECK(got.articles[0].source == "Site");
    CHECK_FALSE(got.articles[0].date);
    CHECK(got.articles[1].source == "News Hub");
    CHECK(format_iso(*got.articles[1].date) == "2025-03-05T11:43:00Z");

    const auto from_stdin = read_with<read_page>(page, "-", at(march_5_noon));
    REQUIRE(from_stdin.articles.size() == 2);
    CHECK(from_stdin.articles[0].id.starts_with("h"));
    CHECK(from_stdin.articles[0].id.ends_with("#1"));
    CHECK(from_stdin.articles[0].source.empty());

    const auto empty = read_with<read_page>("\n\nComments\n", "x/y.txt");
    CHECK(empty.articles.empty());
    REQUIRE(empty.problems.size() == 1);
    CHECK(empty.problems[0].line() == 1);
}

TEST_CASE("Page lines are classed as prose, headings, furniture, dates and listings", "[page]") {
    const std::vector<std::pair<std::string, LineKind>> table = {
        {"", LineKind::blank},
        {"The council met on Monday.", LineKind::prose},
        {"On March 25, 2024, the", LineKind::prose},  // a cut-off sentence, no heading
        {"Reaction", LineKind::heading},
        {"Related Articles", LineKind::furniture},
        {"No comments yet...", LineKind::furniture},
        {"Try Our AI Features", LineKind::furniture},
        {"3/25/2024", LineKind::date},
        {"Updated Tuesday, March 4, 2025 10:30 AM", LineKind::date},
        {"17 minutes ago", LineKind::age},
        {"an hour ago", LineKind::age},
        {"Posted 3d ago", LineKind::age},
        {"Yahoo \u00b7 2 hours ago", LineKind::age},
        {"- Yahoo", LineKind::via},
        {"via Daily Wire", LineKind::via},
    };
    for (const auto& [line, kind] : table) {
        INFO(line);
        CHECK(classify_line(line) == kind);
    }
    const auto lead_in =
        classify_page("Body text here.\nExplore what we can do for you:\nComments");
    CHECK(lead_in[1].kind == LineKind::furniture);
    CHECK(parse_listing_line("Yahoo \u00b7 2 hours ago")->source == "Yahoo");
    CHECK(*parse_listing_line("yesterday")->age_seconds == 86400);
}

TEST_CASE("Dates in prose and their inferred years", "[page]") {
    const std::string text =
        "said on May 28 that, since March 25, 2024 and 3/5/2025, in June 2024, on 12 June; "
        "2025-01-02, 13/4/2025; we may 9 times";
    const auto found = find_dates(text);
    REQUIRE(found.size() == 7);
    CHECK((found[0].year == 0 && found[0].month == 5 && found[0].day == 28));
    CHECK((found[1].year == 2024 && found[1].month == 3 && found[1].day == 25));
    CHECK((found[2].year == 2025 && found[2].month == 3 && found[2].day == 5));
    CHECK((found[3].year == 2024 && found[3].month == 6 && found[3].day == 0));
    CHECK((found[4].month == 6 && found[4].day == 12));
    CHECK((found[5].year == 2025 && found[5].month == 1 && found[5].day == 2));
    CHECK((found[6].month == 4 && found[6].day == 13));  // the first number cannot be a month

    const std::int64_t nov_2026 = to_epoch_seconds(2026, 11, 28);
    const auto context = latest_stated(found, nov_2026);
    REQUIRE(context);
    CHECK(format_day(*context) == "2025-04-13");
    // The year follows the latest stated date, not a late reference time...
    CHECK(format_iso(*resolve_date(found[0], context, nov_2026)) == "2025-05-28");
    // ...and without context it is the last year that does not put the day in the future.
    CHECK(format_iso(*resolve_date(found[0], std::nullopt, to_epoch_seconds(2025, 5, 1))) ==
          "2024-05-28");
    CHECK_FALSE(resolve_date(found[3], context, nov_2026));  // a month is not a day
    CHECK(line_date("Published 4 March 2025"));
    CHECK_FALSE(line_date("March 4, 2025 was a Tuesday"));
}

TEST_CASE("Credits come from bylines, datelines and sign-offs", "[page]") {
    std::string body = "By Ann Lee OSLO (Reuters) - Markets rose. More text.";
    auto credits = take_credits(body);
    CHECK(credits.authors == std::vector<std::string>{"Ann Lee"});
    CHECK(credits.publisher == "Reuters");
    CHECK(body == "OSLO (Reuters) - Markets rose. More text.");

    body = "Prices fell. \u00a9 2024 Times of Lowport. All rights reserved.";
    CHECK(take_credits(body).publisher == "Times of Lowport");
    CHECK(body == "Prices fell.");

    body = "By the river, nothing happened (Quietly) here.";
    credits = take_credits(body);
    CHECK(credits.authors.empty());
    CHECK(credits.publisher.empty());
    CHECK(lead_of("The U.S. said so. Mr. Ray agreed. A third.", 2, 600) ==
          "The U.S. said so. Mr. Ray agreed.");
}

TEST_CASE("Scraped pages are told from text articles by their furniture", "[page]") {
    CHECK(detect_format("pages/a.txt", harbour_page) == Format::page);
    CHECK(detect_format("bbc/business/001.txt", "Title here\n\nBody of it.\nMore.\n") ==
          Format::text);
    // Two signals outweigh a title-blank-body layout; one does not.
    CHECK(detect_format("p.txt", "Title\n\nText.\nComments\nRelated Articles\n") == Format::page);
    CHECK(detect_format("p.txt", "Title\n\nText.\nComments\n") == Format::text);
    CHECK(detect_format("p.txt", "Title\nText of it.\nRelated Stories\n") == Format::page);
    CHECK_FALSE(detect_format("p.txt", "Title\nJust prose, no furniture.\n"));
    CHECK_FALSE(detect_format("README.txt", "Title\nRelated Stories\nComments\n"));
    CHECK(parse_format("page") == Format::page);
    CHECK(to_string(Format::page) == "page");
}

TEST_CASE("The seed page yields its four stories", "[page][corpus]") {
    const auto seed = newsdex::test::shared_corpus() / "seed" / "000_3ccde37a0bc374bf.txt";
    std::ifstream in(seed, std::ios::binary);
    std::ostringstream file;
    file << in.rdbuf();
    const std::string text = file.str();
    REQUIRE_FALSE(text.empty());
    CHECK(detect_format(seed.string(), text.substr(0, 16384)) == Format::page);

    const auto now = parse_date("2025-06-04T12:00:00Z")->seconds;
    const auto page = read_with<read_page>(text, seed.string(), at(now));
    CHECK(page.problems.empty());
    REQUIRE(page.articles.size() == 4);
    const std::vector<std::string> titles = {
        "Czech Authorities Blame Chinese Hacking Group for Foreign Ministry Breach",
        "Hegseth to skip Ukraine meeting at NATO headquarters",
        "Justice Department accuses two Chinese researchers of smuggling 'potential "
        "agroterrorism weapon' into US",
        "Orban vows to 'do everything' to prevent Ukraine from joining EU"};
    // The main story names no publisher; the folder it was saved in ("seed") is none.
    const std::vector<std::string> sources = {"", "Yahoo", "Reuters", "Kyiv Independent"};
    const std::vector<std::string> dates = {"2025-05-28", "2025-06-04T11:43:00Z",
                                            "2025-06-04T11:43:00Z", "2025-06-03"};
    for (std::size_t k = 0; k < 4; ++k) {
        const Article& a = page.articles[k];
        INFO(k);
        CHECK(a.title == titles[k]);
        CHECK(a.source == sources[k]);
        CHECK(day_of(a) == dates[k]);
        CHECK(a.date_inferred);  // no date on the page is written with its year
        CHECK(a.id.ends_with("seed/000_3ccde37a0bc374bf#" + std::to_string(k + 1)));
        for (const char* furniture : {"Related Stories", "Try Our AI", "Comments", "Reaction\n",
                                      "minutes ago", "- Yahoo", "Read also", "Consider supporting"})
            CHECK(a.body.find(furniture) == std::string::npos);
        for (const auto& entity : EntityExtractor().extract(a.title, a.body))
            for (const char* furniture : {"Yahoo", "Daily8", "Related", "Comments", "Reaction"})
                CHECK(entity.name.find(furniture) == std::string::npos);
    }
    CHECK(page.articles[2].authors == std::vector<std::string>{"Jasper Ward"});

    // Without --now, listing ages count back from the file's modification time.
    const auto by_mtime = read_with<read_page>(text, seed.string());
    REQUIRE(by_mtime.articles.size() == 4);
    const auto mtime = std::filesystem::last_write_time(seed);
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(
        std::chrono::file_clock::to_sys(mtime).time_since_epoch());
    CHECK(by_mtime.articles[1].date->seconds == seconds.count() - 17 * 60);
    CHECK(day_of(by_mtime.articles[0]) == "2025-05-28");  // the year still from the page
}
