/// @file test_date_terms.cpp
/// @brief date_terms(): the fewest Y/M/D terms of an index that cover a date range, and
/// date_range_query() matching what the date slot's value range matches.
#include <xapian.h>

#include <catch2/catch.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "common/article.hpp"
#include "common/date.hpp"
#include "indexer/document_builder.hpp"
#include "searcher/date_terms.hpp"

using newsdex::parse_date_period;
using newsdex::searcher::date_range_query;
using newsdex::searcher::date_terms;

namespace {

// The days the test index holds: both sides of two year ends and a month end, a month with
// several days, and years with gaps between them.
const std::vector<std::string> indexed_days{"1986-12-30", "1986-12-31", "1987-01-01", "1987-01-02",
                                            "1987-02-27", "1987-02-28", "1987-03-01", "1987-03-15",
                                            "1987-03-31", "1987-04-01", "1987-12-31", "1988-01-01",
                                            "1988-06-15", "1990-05-05"};

/// One document per indexed day (at 15:01 UTC, as a Reuters story), and one without a date,
/// built by the indexer's DocumentBuilder.
Xapian::WritableDatabase dated_index() {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    newsdex::indexer::DocumentBuilder builder("english");
    int n = 0;
    for (const auto& day : indexed_days) {
        newsdex::Article article;
        article.id = "doc-" + std::to_string(++n);
        article.title = "oil";
        article.date = newsdex::parse_date(day + "T15:01:01Z");
        db.add_document(builder.build(article));
    }
    newsdex::Article undated;
    undated.id = "undated";
    undated.title = "oil";
    db.add_document(builder.build(undated));
    db.commit();
    return db;
}

std::optional<std::int64_t> from(const std::string& period) {
    if (period.empty()) return std::nullopt;
    return parse_date_period(period)->first;
}

std::optional<std::int64_t> to(const std::string& period) {
    if (period.empty()) return std::nullopt;
    return parse_date_period(period)->last;
}

std::set<Xapian::docid> matches(const Xapian::Database& db, const Xapian::Query& query) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    std::set<Xapian::docid> ids;
    for (const auto& m : enquire.get_mset(0, db.get_doccount())) ids.insert(m);
    return ids;
}

/// What the date slot selects for the same bounds (the filter before date terms).
Xapian::Query value_range(std::optional<std::int64_t> first, std::optional<std::int64_t> last) {
    const auto s = [](std::int64_t t) {
        return Xapian::sortable_serialise(static_cast<double>(t));
    };
    if (first && last) return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, 0, s(*first), s(*last));
    if (first) return Xapian::Query(Xapian::Query::OP_VALUE_GE, 0, s(*first));
    return Xapian::Query(Xapian::Query::OP_VALUE_LE, 0, s(*last));
}

struct RangeCase {
    std::string from;  // a period; empty: open
    std::string to;
    std::vector<std::string> terms;
};

}  // namespace

TEST_CASE("a date range is the fewest year, month and day terms the index holds", "[dates]") {
    const auto db = dated_index();
    const std::vector<RangeCase> cases{
        {"1987-03-15", "1987-03-15", {"D19870315"}},
        // Only days the index holds: 14 and 16 have no documents.
        {"1987-03-14", "1987-03-16", {"D19870315"}},
        {"1987-02-27", "1987-03-01", {"D19870227", "D19870228", "D19870301"}},
        {"1987-03", "1987-03", {"M198703"}},
        {"1987-03-01", "1987-03-31", {"M198703"}},
        {"1987-02-28", "1987-04-01", {"D19870228", "M198703", "D19870401"}},
        {"1987-01", "1987-02", {"M198701", "M198702"}},
        {"1987-03-02", "1987-12-31", {"D19870315", "D19870331", "M198704", "M198712"}},
        {"1986-12-31", "1987-01-01", {"D19861231", "D19870101"}},
        {"1987", "1987", {"Y1987"}},
        {"1987-01-01", "1987-12-31", {"Y1987"}},
        {"1986-12", "1988-01", {"M198612", "Y1987", "M198801"}},
        {"1986-12-31", "1990-05-05", {"D19861231", "Y1987", "Y1988", "D19900505"}},
        {"1987-12-31", "", {"D19871231", "Y1988", "Y1990"}},
        {"", "1987-01-02", {"Y1986", "D19870101", "D19870102"}},
        {"", "", {"Y1986", "Y1987", "Y1988", "Y1990"}},
        // Ranges without documents: inside the corpus years, and outside them.
        {"1987-05-01", "1987-11-30", {}},
        {"1989", "1989", {}},
        {"2020", "2030-06-15", {}},
        {"1900", "1985-12-31", {}},
    };
    for (const auto& c : cases) {
        INFO("range: " << c.from << ".." << c.to);
        CHECK(date_terms(db, from(c.from), to(c.to)) == c.terms);
        // The terms select what the date slot selects; undated documents neither.
        if (c.from.empty() && c.to.empty()) continue;
        const auto query = date_range_query(db, from(c.from), to(c.to));
        CHECK(matches(db, query) == matches(db, value_range(from(c.from), to(c.to))));
        CHECK(matches(db, query).size() <= indexed_days.size());
    }
}

TEST_CASE("a date range query: terms for whole days, the value range inside a day", "[dates]") {
    const auto db = dated_index();
    CHECK(date_range_query(db, from("1987-03"), to("1987-03")).get_description() ==
          "Query(M198703)");
    CHECK(date_range_query(db, from("1987-02-28"), to("1987-03-01")).get_description() ==
          "Query((D19870228 OR D19870301))");
    // No term: nothing matches, not everything.
    CHECK(date_range_query(db, from("1989"), to("1989")).get_description() == "Query()");
    // A bound with a time of day cannot be a day term: the value range, exact to the second.
    const auto afternoon = parse_date_period("1987-03-15T15:00:00Z")->first;
    const auto after = date_range_query(db, afternoon, std::nullopt);
    CHECK(after.get_description() == value_range(afternoon, std::nullopt).get_description());
    // 15:01 on the 15th is after 15:00: that day and every later one.
    CHECK(matches(db, after).size() == 7);
    const auto until = date_range_query(db, std::nullopt, afternoon);
    CHECK(until.get_description() == value_range(std::nullopt, afternoon).get_description());
    CHECK(matches(db, until).size() == 7);
    // A timestamp on a day boundary is whole days again.
    const auto midnight = parse_date_period("1987-03-15T00:00:00Z")->first;
    CHECK(date_range_query(db, midnight, to("1987-03-31")).get_description() ==
          "Query((D19870315 OR D19870331))");
}
