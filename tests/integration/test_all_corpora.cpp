/// @file test_all_corpora.cpp
/// @brief All of ../shared/corpus indexed by one newsdex-index command, then counted per
/// corpus and source and searched with source and date facets.
#include <xapian.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <numeric>
#include <regex>
#include <set>

#include "common/schema.hpp"
#include "searcher/searcher.hpp"
#include "support/test_support.hpp"

using namespace newsdex;
namespace fs = std::filesystem;

namespace {

// Per corpus, from each SOURCE.md and the reader tests: Reuters-21578 21,578 stories; BBC
// 2,225 articles; 20 Newsgroups 18,846 posts; Wikinews 295 articles (171 + 124); FakeNewsNet
// 422 documents, of which 6 repeat another's id (the same url), so 416; the seed page 4
// stories. Together 43,364: the "about 63,000" overestimated.
constexpr std::uint64_t reuters = 21578, bbc = 2225, newsgroups = 18846, wikinews = 295,
                        fakenewsnet = 416, seed = 4;
constexpr std::uint64_t all_documents = reuters + bbc + newsgroups + wikinews + fakenewsnet + seed;

struct AllCorpora {
    fs::path index;
    test::CommandResult run;
};

// One index for every test here: building it is the expensive part (a minute or two). Built
// once per ctest run, which runs each case in a process of its own (test::built_once).
const AllCorpora& all_corpora() {
    static const AllCorpora built = [] {
        const fs::path dir = test::built_once("all-corpora", [](const fs::path& folder) {
            test::save_result(folder / "run", test::run_command({test::index_program(), "-d",
                                                                 (folder / "index").string(),
                                                                 test::shared_corpus().string()}));
        });
        return AllCorpora{dir / "index", test::load_result(dir / "run")};
    }();
    return built;
}

/// The documents matching `query`, with the source and date (by year) facets: asking for
/// facets makes the total exact (Xapian only estimates it otherwise).
searcher::SearchResult search(const std::string& query) {
    searcher::SearchRequest request;
    request.query = query;
    request.limit = 0;
    request.facets = {"source", "date"};
    request.facet_limit = 1000;
    request.date_bucket = searcher::DateBucket::year;
    auto result = searcher::Searcher(all_corpora().index.string()).search(request);
    CHECK(result.total_exact);
    return result;
}

/// A facet's values and counts.
std::map<std::string, std::uint64_t> counts(const searcher::SearchResult& result,
                                            const std::string& name) {
    std::map<std::string, std::uint64_t> out;
    for (const auto& facet : result.facets)
        if (facet.name == name)
            for (const auto& value : facet.values) out[value.value] = value.count;
    return out;
}

/// The newsgroups of 20 Newsgroups: the folder names of its training half.
std::vector<std::string> newsgroup_names() {
    std::vector<std::string> names;
    for (const auto& entry :
         fs::directory_iterator(test::shared_corpus() / "20newsgroups" / "20news-bydate-train"))
        names.push_back(entry.path().filename().string());
    return names;
}

}  // namespace

TEST_CASE("one command indexes every corpus, skipping nothing", "[all][corpus]") {
    const auto& built = all_corpora();
    INFO(built.run.out << built.run.err);
    CHECK(built.run.exit_code == 0);
    CHECK(built.run.err.empty());
    // FakeNewsNet's 6 repeated ids replace the earlier document.
    CHECK(built.run.out.find("added " + std::to_string(all_documents) +
                             ", replaced 6, skipped 0, cut 0") != std::string::npos);
    CHECK(Xapian::Database(built.index.string()).get_doccount() == all_documents);
}

TEST_CASE("each corpus and source has its count", "[all][corpus]") {
    const auto everything = search("");
    CHECK(everything.total == all_documents);
    auto sources = counts(everything, "source");

    CHECK(sources["Reuters"] == reuters + 1);       // and the seed page's wire story
    CHECK(sources["bbc"] == bbc);                   // the folder above the category folders
    CHECK(sources["en.wikinews.org"] == wikinews);  // no source column: the urls' site
    std::uint64_t posts = 0;
    const auto groups = newsgroup_names();
    REQUIRE(groups.size() == 20);
    for (const auto& group : groups) posts += sources[group];
    CHECK(posts == newsgroups);
    // The seed page's four stories: three teasers under the publishers their listing lines
    // name; the main story names none, and its folder's name is no publisher.
    for (const char* publisher : {"Yahoo", "Kyiv Independent"}) CHECK(sources[publisher] == 1);
    CHECK(sources.count("seed") == 0);
    // FakeNewsNet: its shorteners stand for their publishers; a bare site or a generic
    // shortener gives way to the page's own og:site_name.
    CHECK(sources["Politico"] == 75);
    CHECK(sources["CNN"] == 45 + 1);  // cnn.it, and one www.cnn.com page
    CHECK(sources["ABC News"] == 18);
    CHECK(sources["John Hawkins' Right Wing News"] == 28);
    CHECK(sources["AddictingInfo"] == 11 + 5 + 5 + 1);  // four hosts, one publisher
    CHECK(sources["Yes I'm Right."] == 2 + 1);          // two goo.gl links and its own site
    for (const char* site : {"politi.co", "cnn.it", "abcn.ws", "goo.gl", "fb.me", "cnn.com",
                             "rightwingnews.com", "addictinginfo.org"})
        CHECK(sources.count(site) == 0);

    // Every document is accounted for: the sources named above, FakeNewsNet's other
    // publishers, and the documents with no known publisher.
    const std::uint64_t sourceless =
        everything.total -
        std::accumulate(sources.begin(), sources.end(), std::uint64_t{0},
                        [](std::uint64_t sum, const auto& entry) { return sum + entry.second; });
    // FakeNewsNet: 39 name no source at all (two of them are the same story: same title and
    // text, so the same id); and the seed page's main story.
    CHECK(sourceless == 39 - 1 + 1);
}

TEST_CASE("the date facet spans the corpora's years; drill-downs match the facet",
          "[all][corpus]") {
    const auto everything = search("");
    auto years = counts(everything, "date");
    REQUIRE_FALSE(years.empty());
    CHECK(years.begin()->first == "1987");  // Reuters, all dated
    CHECK(years["1987"] == reuters);
    CHECK(years["2016"] > 0);                     // FakeNewsNet, mostly the 2016 campaign
    CHECK(years["2019"] == 171);                  // wikinews_2019.csv
    CHECK(years["2020"] + years["2021"] == 124);  // wikinews_2020.csv runs into 2021
    CHECK(years.rbegin()->first >= "2025");       // the seed page

    // Drilling down by a facet value finds exactly as many documents as the facet said.
    auto sources = counts(everything, "source");
    for (const char* source : {"bbc", "Reuters", "Politico", "en.wikinews.org", "sci.space"}) {
        INFO(source);
        CHECK(search("source:\"" + std::string(source) + "\"").total == sources[source]);
    }
    for (const char* year : {"1987", "2016", "2019"}) {
        INFO(year);
        CHECK(search(std::string("date:") + year).total == years[year]);
    }
    const auto reuters_1987 = search("source:reuters date:1987");
    CHECK(reuters_1987.total == reuters);
}

TEST_CASE("the date facet says how many matches have no date", "[all][corpus]") {
    // Counted apart from the searcher: the documents whose day slot is empty.
    const Xapian::Database db(all_corpora().index.string());
    std::uint64_t without_day = 0;
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it)
        if (db.get_document(*it).get_value(newsdex::schema::slot::day).empty()) ++without_day;
    const auto date_facet = [](const searcher::SearchResult& result) {
        const auto found = std::find_if(result.facets.begin(), result.facets.end(),
                                        [](const auto& facet) { return facet.name == "date"; });
        REQUIRE(found != result.facets.end());
        return *found;
    };
    const auto everything = search("");
    const auto date = date_facet(everything);
    std::uint64_t dated = 0;
    for (const auto& bucket : date.values) dated += bucket.count;
    CHECK(date.undated == without_day);
    CHECK(dated + date.undated == everything.total);
    CHECK(date.undated > bbc + newsgroups);  // BBC and 20 Newsgroups carry no dates, and more
    // A drill-down into a corpus without dates: every match undated, no bucket.
    const auto bbc_only = search("source:bbc");
    CHECK(date_facet(bbc_only).values.empty());
    CHECK(date_facet(bbc_only).undated == bbc);
    CHECK(date_facet(search("source:reuters")).undated == 0);
}

TEST_CASE("notes beside the articles are not indexed", "[all][corpus]") {
    const Xapian::Database db(all_corpora().index.string());
    const std::string id_prefix(schema::prefix::id);
    // SOURCE.md, README.TXT, Readme.txt, Reuters' lewis.dtd, *-strings.lc.txt and the like.
    // A file's id is its last path parts without the extension ("corpus/bbc/README").
    const std::regex note(
        "/(readme|source|lewis|feldman-cia-worldfactbook-data|"
        "cat-descriptions_120396|all-[a-z]+-strings\\.lc)$",
        std::regex::icase);
    std::uint64_t ids = 0;
    std::vector<std::string> notes;
    for (auto term = db.allterms_begin(id_prefix); term != db.allterms_end(id_prefix); ++term) {
        ++ids;
        if (std::regex_search(*term, note)) notes.push_back(*term);
    }
    CHECK(notes.empty());
    CHECK(ids == all_documents);
}

TEST_CASE("the seed page's inferred dates are shown as inferred", "[all][corpus]") {
    const std::string index = all_corpora().index.string();
    const auto text = test::run_command({test::search_program(), "-d", index, "title:orban"});
    REQUIRE(text.exit_code == 0);
    CHECK(text.out.find("Kyiv Independent · 2025-06-03 (inferred)") != std::string::npos);

    const auto json = test::run_command(
        {test::search_program(), "-d", index, "--json", "--limit", "20", "orban OR hegseth"});
    REQUIRE(json.exit_code == 0);
    CHECK(json.out.find("\"date_inferred\":true") != std::string::npos);
    const auto wire = test::run_command(
        {test::search_program(), "-d", index, "--json", "title:cocoa source:reuters date:1987"});
    CHECK(wire.out.find("\"date_inferred\":true") == std::string::npos);
    CHECK(wire.out.find("\"date_inferred\":false") != std::string::npos);
}

TEST_CASE("a facet with a selection counts without it; hits and other facets keep every filter",
          "[all][corpus]") {
    searcher::Searcher searcher(all_corpora().index.string());
    searcher::SearchRequest selected;
    selected.query = "election";
    selected.sources = {"politico", "cnn"};  // OR'd within the facet
    selected.entities = {"place:usa"};       // an alias: United States
    selected.from = "2016";                  // zooms the date facet, filters the others
    selected.facets = {"source", "place", "date", "category", "person"};
    selected.facet_limit = 0;
    selected.date_bucket = searcher::DateBucket::year;
    const auto result = searcher.search(selected);
    REQUIRE(result.total_exact);

    // Each facet against a separate search without that facet's filter, written out here.
    const auto facet_of = [&](searcher::SearchRequest request, const std::string& name) {
        request.facets = {name};
        return counts(searcher.search(request), name);
    };
    auto no_source = selected;
    no_source.sources.clear();
    auto no_place = selected;
    no_place.entities.clear();
    CHECK(counts(result, "source") == facet_of(no_source, "source"));
    CHECK(counts(result, "place") == facet_of(no_place, "place"));
    // Facets without a selection of their own count the hits: every filter applies.
    auto all_filters = selected;
    all_filters.limit = 0;
    const auto plain = [&](const std::string& name) {
        auto request = all_filters;
        request.facets = {name};
        request.sources.clear();  // the same filters, as one query the searcher cannot split
        request.entities.clear();
        request.from.reset();
        request.query =
            "election AND (source:politico OR source:cnn) AND place:usa AND date:2016..";
        return searcher.search(request);
    };
    const auto hits_only = plain("category");
    CHECK(result.total == hits_only.total);
    CHECK(counts(result, "category") == counts(hits_only, "category"));
    CHECK(counts(result, "person") == counts(plain("person"), "person"));
    // The date facet counts within --from/--to, like the hits: the range zooms it.
    CHECK(counts(result, "date") == counts(plain("date"), "date"));
    // The source facet was widened by its selection: it counts more than the hits.
    CHECK(counts(result, "source") != counts(plain("source"), "source"));
    CHECK(counts(result, "source").size() > counts(plain("source"), "source").size());

    // The selected values are marked; nothing else is.
    std::set<std::string> marked;
    for (const auto& facet : result.facets)
        for (const auto& value : facet.values)
            if (value.selected) marked.insert(facet.name + ":" + value.value);
    CHECK(marked == std::set<std::string>{"source:Politico", "source:CNN", "place:United States"});
}
