/// @file test_query_builder.cpp
/// @brief QueryBuilder: the Xapian query of each input, compared through get_description().
#include <xapian.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <vector>

#include "common/date.hpp"
#include "common/error.hpp"
#include "indexer/document_builder.hpp"
#include "searcher/query_builder.hpp"
#include "searcher/searcher.hpp"

using newsdex::QueryError;
using newsdex::RequestError;
using newsdex::UsageError;
using newsdex::searcher::QueryBuilder;
using newsdex::searcher::SearchRequest;

namespace {

struct Case {
    std::string input;
    std::string expected;
};

Xapian::WritableDatabase empty_index() {
    return Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY);
}

/// The description of `query` as parsed over `db` (an empty index unless the test needs terms).
std::string parsed(const std::string& query, const Xapian::Database& db = empty_index()) {
    QueryBuilder builder(db, "english");
    return builder.parse(query).get_description();
}

std::string built(const SearchRequest& request, const Xapian::Database& db = empty_index()) {
    QueryBuilder builder(db, "english");
    return builder.build(request).get_description();
}

/// An index with the date terms of a few days (as DocumentBuilder writes them): date ranges
/// become the terms of the days, months and years it holds.
Xapian::WritableDatabase dated_index() {
    auto db = empty_index();
    for (const std::string day : {"19870226", "19870301", "19870326", "19870430", "19880104"}) {
        Xapian::Document doc;
        doc.add_boolean_term("D" + day);
        doc.add_boolean_term("M" + day.substr(0, 6));
        doc.add_boolean_term("Y" + day.substr(0, 4));
        db.add_document(doc);
    }
    return db;
}

/// Matches the RequestError of request field `field` and its value `value`.
Catch::Matchers::Generic::PredicateMatcher<RequestError> about(const std::string& field,
                                                               const std::string& value) {
    return Catch::Predicate<RequestError>(
        [=](const RequestError& e) { return e.field() == field && e.value() == value; },
        "is about " + field + " \"" + value + "\"");
}

SearchRequest dated(std::optional<std::string> from, std::optional<std::string> to) {
    SearchRequest request;
    request.from = std::move(from);
    request.to = std::move(to);
    return request;
}

std::string serialised(int year, int month, int day, int h = 0, int m = 0, int s = 0) {
    const auto seconds = newsdex::to_epoch_seconds(year, month, day, h, m, s);
    return Xapian::sortable_serialise(static_cast<double>(seconds));
}

/// The description of a date-slot query, for comparing with what the builder made.
std::string value_query(Xapian::Query::op op, const std::string& a, const std::string& b = {}) {
    if (op == Xapian::Query::OP_VALUE_RANGE) return Xapian::Query(op, 0, a, b).get_description();
    return Xapian::Query(op, 0, a).get_description();
}

}  // namespace

TEST_CASE("free text, phrases and operators", "[query]") {
    const std::vector<Case> cases{
        {"oil", "Query(Zoil@1)"},
        {"oil prices", "Query((Zoil@1 OR Zprice@2))"},
        // The index holds stems only: names, phrases and NEAR are stemmed too.
        {"Volcker", "Query(Zvolcker@1)"},
        {"Rates", "Query(Zrate@1)"},
        {"\"oil prices\"", "Query((Zoil@1 PHRASE 2 Zprice@2))"},
        {"oil AND opec", "Query((Zoil@1 AND Zopec@2))"},
        {"oil NOT gas", "Query((Zoil@1 AND_NOT Zgas@2))"},
        {"oil -gas", "Query((Zoil@1 AND_NOT Zgas@2))"},
        {"NOT gas", "Query((<alldocuments> AND_NOT Zgas@1))"},
        {"oil NEAR opec", "Query((Zoil@1 NEAR 11 Zopec@2))"},
        // Lower-case operators are plain words: news text is full of "and" and "or".
        {"oil and gas", "Query((Zoil@1 OR Zand@2 OR Zgas@3))"},
        {"title:opec", "Query(ZSopec@1)"},
        {"title:\"oil prices\"", "Query((ZSoil@1 PHRASE 2 ZSprice@2))"},
        {"(oil OR gas) AND iran", "Query(((Zoil@1 OR Zgas@2) AND Ziran@3))"},
        {"\"(oil) prices\"", "Query((Zoil@1 PHRASE 2 Zprice@2))"},
        // Wildcards expand over the stems, lower-cased, as the index holds no other words.
        {"infla*", "Query(WILDCARD SYNONYM Zinfla)"},
        {"INFLA*", "Query(WILDCARD SYNONYM Zinfla)"},
        {"title:infla*", "Query(WILDCARD SYNONYM ZSinfla)"},
        {"", "Query(<alldocuments>)"},
        {"   ", "Query(<alldocuments>)"},
    };
    for (const auto& c : cases) {
        INFO("query: " << c.input);
        CHECK(parsed(c.input) == c.expected);
    }
}

TEST_CASE("phrases, NEAR, title: and wildcards match stems; snippets mark the words",
          "[query][snippet]") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    newsdex::indexer::DocumentBuilder builder("english");
    const auto add = [&](const char* id, const char* title, const char* body) {
        newsdex::Article a;
        a.id = id;
        a.title = title;
        a.body = body;
        db.add_document(builder.build(a));
    };
    add("a", "Inflation fears grow", "Inflationary pressure pushed interest rates higher.");
    add("b", "Bank steady", "The central bank left its interest rate unchanged.");
    add("c", "Harvest news", "An interesting rating of the harvest, and rates of interest.");
    add("d", "Infrastructure", "Roads and bridges.");
    db.commit();
    newsdex::searcher::Searcher searcher(db);
    const auto search = [&](const std::string& text) {
        SearchRequest request;
        request.query = text;
        return searcher.search(request);
    };
    const auto ids = [&](const std::string& text) {
        std::vector<std::string> found;
        for (const auto& hit : search(text).hits) found.push_back(hit.id);
        std::sort(found.begin(), found.end());
        return found;
    };
    using Ids = std::vector<std::string>;
    // A phrase matches adjacent words whose stems are interest and rate, in that order.
    CHECK(ids("\"interest rates\"") == Ids{"a", "b", "c"});
    CHECK(ids("\"rates interest\"").empty());
    CHECK(ids("interest NEAR rates") == Ids{"a", "b", "c"});
    CHECK(ids("title:\"inflation fears\"") == Ids{"a"});
    CHECK(ids("title:\"fears inflation\"").empty());
    CHECK(ids("title:fear") == Ids{"a"});
    // Wildcards expand over stems: inflat (inflation) and inflationari (inflationary).
    CHECK(ids("infla*") == Ids{"a"});
    CHECK(ids("INF*") == Ids{"a", "d"});
    CHECK(ids("title:infra*") == Ids{"d"});
    CHECK(ids("bridg*") == Ids{"d"});
    // Snippets mark the words of a phrase, and the words a wildcard matched.
    const auto phrase = search("\"interest rates\"");
    for (const auto& hit : phrase.hits) {
        CAPTURE(hit.id, hit.snippet);
        if (hit.id == "a") CHECK(hit.snippet.find("[[interest]] [[rates]]") != std::string::npos);
        if (hit.id == "b") CHECK(hit.snippet.find("[[interest]] [[rate]]") != std::string::npos);
    }
    const auto wildcard = search("infla*");
    REQUIRE(wildcard.hits.size() == 1);
    CHECK(wildcard.hits[0].snippet.find("[[Inflationary]]") != std::string::npos);
}

TEST_CASE("boolean fields map to the schema's filter terms", "[query]") {
    const std::vector<Case> cases{
        {"source:Reuters", "Query(0 * XSRCreuters)"},
        {"source:reuters", "Query(0 * XSRCreuters)"},
        {"oil source:Reuters", "Query((Zoil@1 FILTER XSRCreuters))"},
        {"source:\"Global Dispatch\"", "Query(0 * XSRCglobal dispatch)"},
        {"source:\"a \"\"b\"\" c\"", "Query(0 * XSRCa \"b\" c)"},
        {"source:reuters source:AP", "Query(0 * (XSRCreuters OR XSRCap))"},
        {"source:reuters category:Crude", "Query(0 * (XCcrude AND XSRCreuters))"},
        {"person:\"Paul Volcker\"", "Query(0 * XPpaul volcker)"},
        {"org:OPEC", "Query(0 * XOopec)"},
        {"place:Iran", "Query(0 * XLiran)"},
        {"entity:opec", "Query(0 * (XPopec OR XOopec OR XLopec))"},
        {"entity:org:opec", "Query(0 * XOopec)"},
        {"id:reuters-17", "Query(0 * Qreuters-17)"},
    };
    for (const auto& c : cases) {
        INFO("query: " << c.input);
        CHECK(parsed(c.input) == c.expected);
    }
}

TEST_CASE("date: periods and ranges become the date terms the index holds", "[query]") {
    const std::vector<Case> cases{
        {"date:1987-03", "Query(0 * M198703)"},
        {"date:1987", "Query(0 * Y1987)"},
        {"date:1987-03-26", "Query(0 * D19870326)"},
        {"date:1987-03-01..1987-03-31", "Query(0 * M198703)"},
        // Each end is a period: from the start of the first to the end of the last.
        {"date:1987-03..1987-03", "Query(0 * M198703)"},
        {"date:1987-02-26..1987-03-26", "Query(0 * (D19870226 OR D19870301 OR D19870326))"},
        {"date:1987-03..", "Query(0 * (M198703 OR M198704 OR Y1988))"},
        {"date:..1987-03", "Query(0 * (M198702 OR M198703))"},
        // No document in the range: nothing matches.
        {"date:1987-06", "Query()"},
    };
    for (const auto& c : cases) {
        INFO("query: " << c.input);
        CHECK(parsed(c.input, dated_index()) == c.expected);
    }
    CHECK(parsed("oil date:1987-03", dated_index()) == "Query((Zoil@1 FILTER M198703))");
    // A bound inside a day keeps the value range on the date slot, exact to the second.
    CHECK(parsed("date:..1987-03-26T12:00:00Z", dated_index()) ==
          value_query(Xapian::Query::OP_VALUE_LE, serialised(1987, 3, 26, 12)));
}

TEST_CASE("option filters: OR within one filter, AND across filters", "[query]") {
    SearchRequest request;
    request.sources = {"Reuters", "AP"};
    CHECK(built(request) == "Query((<alldocuments> FILTER (XSRCreuters OR XSRCap)))");

    request.query = "oil";
    request.categories = {"crude"};
    CHECK(built(request) == "Query((Zoil@1 FILTER ((XSRCreuters OR XSRCap) AND XCcrude)))");

    SearchRequest entities;
    entities.entities = {"person:Paul Volcker", "opec"};
    CHECK(built(entities) ==
          "Query((<alldocuments> FILTER (XPpaul volcker OR (XPopec OR XOopec OR XLopec))))");

    SearchRequest dates = dated("1987-03", "1987-04");
    CHECK(built(dates, dated_index()) == "Query((<alldocuments> FILTER (M198703 OR M198704)))");
    dates.to.reset();
    CHECK(built(dates, dated_index()) ==
          "Query((<alldocuments> FILTER (M198703 OR M198704 OR Y1988)))");
    // A timestamp at midnight is a whole day: 27 March to the end of the month holds no date.
    dates.from = "1987-03-27T00:00:00Z";
    CHECK(built(dates, dated_index()) == "Query((<alldocuments> FILTER (M198704 OR Y1988)))");
    dates.to = "1987-04-30T18:00:00Z";
    CHECK(built(dates, dated_index()) == "Query((<alldocuments> FILTER " +
                                             value_query(Xapian::Query::OP_VALUE_RANGE,
                                                         serialised(1987, 3, 27),
                                                         serialised(1987, 4, 30, 18))
                                                 .substr(6) +
                                             ")");
    // An index without a dated document in the range matches nothing.
    CHECK(built(dated("1987-03", "1987-04")) == "Query()");
}

TEST_CASE("bad option values are usage errors naming the value", "[query]") {
    CHECK_THROWS_MATCHES(built(dated("1987-13", {})), RequestError, about("from", "1987-13"));
    CHECK_THROWS_MATCHES(built(dated({}, "soon")), RequestError, about("to", "soon"));
    CHECK_THROWS_AS(built(dated("1988", "1987")), UsageError);

    SearchRequest empty_source;
    empty_source.sources = {"  "};
    CHECK_THROWS_MATCHES(built(empty_source), RequestError, about("source", "  "));

    CHECK_THROWS_WITH(QueryBuilder(empty_index(), "klingon"), Catch::Contains("klingon"));
}

TEST_CASE("RequestError names the request's fields, or words them as its caller does", "[query]") {
    try {
        (void)built(dated("1988", "1987"));
        FAIL("no RequestError");
    } catch (const RequestError& e) {
        CHECK(e.field() == "from");
        CHECK(e.value() == "1988");
        CHECK(std::string(e.what()) == "from \"1988\" is after to \"1987\"");
        CHECK(e.worded([](std::string_view f) { return "<" + std::string(f) + ">"; }) ==
              "<from> \"1988\" is after <to> \"1987\"");
    }
}

TEST_CASE("queries that do not parse throw QueryError at the offending place", "[query]") {
    struct Bad {
        std::string input;
        std::size_t position;
        std::string names;  // a word the message must contain
    };
    const std::vector<Bad> cases{
        {"oil AND", 4, "nothing after \"AND\""},
        {"AND oil", 0, "nothing before \"AND\""},
        {"oil OR OR gas", 4, "\"OR\""},
        {"(oil OR) gas", 5, "nothing after \"OR\""},
        {"oil NOT", 4, "NOT"},
        {"date:1987-13", 5, "1987-13"},
        {"oil date:nope", 9, "not a date"},
        {"date:1987-02-30", 5, "not a date"},
        {"oil date:1988..1987", 9, "ends before it starts"},
        {"oil a..b", 4, "a..b"},
        // Xapian would close these silently at the end; we ask instead.
        {"inflation AND (rates", 14, "unclosed '('"},
        {"(oil OR (gas) AND iran", 0, "unclosed '('"},
        {"oil) gas", 3, "unmatched ')'"},
        {"\"oil prices AND gas", 0, "unclosed '\"'"},
        {"source:\"Global Dispatch", 7, "unclosed '\"'"},
    };
    for (const auto& c : cases) {
        INFO("query: " << c.input);
        try {
            (void)parsed(c.input);
            FAIL("no QueryError");
        } catch (const QueryError& e) {
            CHECK(e.position() == c.position);
            CHECK(e.query() == c.input);
            CHECK_THAT(e.what(), Catch::Contains(c.names));
        }
    }
}

TEST_CASE("a builder can be reused after a bad query", "[query]") {
    QueryBuilder builder(empty_index(), "english");
    CHECK_THROWS_AS(builder.parse("date:nope"), QueryError);
    CHECK(builder.parse("date:..1987-03").get_description() != "");
    CHECK(builder.parse("oil").get_description() == "Query(Zoil@1)");
}
