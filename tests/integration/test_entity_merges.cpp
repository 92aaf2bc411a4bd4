/// @file test_entity_merges.cpp
/// @brief One entity, one facet value, on Reuters-21578: the merged index against one built
/// with --no-entity-merges, where the same entity is still two names.
#include <xapian.h>

#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "common/schema.hpp"
#include "indexer/entity_merges.hpp"
#include "indexer/index_run.hpp"
#include "integration/reuters_index.hpp"
#include "support/test_support.hpp"

using namespace newsdex;
namespace fs = std::filesystem;

namespace {

/// Reuters indexed as the articles name their entities, on one thread without segments (the
/// shared index is built in segments, so the two also cover both ways of merging).
const fs::path& unmerged_index() {
    static const fs::path dir = test::built_once("reuters-unmerged", [](const fs::path& folder) {
        indexer::IndexOptions options;
        options.index_dir = (folder / "index").string();
        options.merge_entities = false;
        options.threads = 1;
        options.segment_size = 0;
        (void)indexer::index_inputs({test::reuters_dir().string()}, options, {});
    });
    static const fs::path index = dir / "index";
    return index;
}

Xapian::doccount documents_naming_any(const Xapian::Database& db,
                                      const std::vector<std::string>& terms) {
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()));
    return enquire.get_mset(0, 0, db.get_doccount()).get_matches_estimated();
}

std::uint64_t filter_total(const std::string& filter) {
    return test::search(test::query(filter, 0)).total;
}

/// The person facet's values over the whole index.
std::set<std::string> facet_values(const std::string& name) {
    auto request = test::all_facets("");
    const auto result = test::search(request);
    std::set<std::string> values;
    for (const auto& value : test::facet(result, name).values) values.insert(value.value);
    return values;
}

}  // namespace

TEST_CASE("one entity is one facet value: surnames, acronyms and firms join their names",
          "[reuters][entities]") {
    const Xapian::Database before(unmerged_index().string());
    const Xapian::Database after(test::reuters_index().dir.string());

    struct Pair {
        std::string merged, canonical;  // filter terms
        std::string filter_merged, filter_canonical;
    };
    // The splits a user saw (issue 18): each is two values without the merges.
    const std::vector<Pair> pairs = {
        {"XPvolcker", "XPpaul volcker", "person:volcker", "person:\"paul volcker\""},
        {"XPnakasone", "XPyasuhiro nakasone", "person:nakasone", "person:\"yasuhiro nakasone\""},
        {"XPyeutter", "XPclayton yeutter", "person:yeutter", "person:\"clayton yeutter\""},
        {"XPmiyazawa", "XPkiichi miyazawa", "person:miyazawa", "person:\"kiichi miyazawa\""},
        {"XPstoltenberg", "XPgerhard stoltenberg", "person:stoltenberg",
         "person:\"gerhard stoltenberg\""},
        {"XPreagan", "XPronald reagan", "person:reagan", "person:\"ronald reagan\""},
        {"XOsec", "XOsecurities and exchange commission", "org:sec",
         "org:\"securities and exchange commission\""},
        {"XOibm", "XOinternational business machines", "org:ibm",
         "org:\"international business machines\""},
        {"XOnyse", "XOnew york stock exchange", "org:nyse", "org:\"new york stock exchange\""},
        {"XPgoldman sachs", "XOgoldman sachs", "person:\"goldman sachs\"", "org:\"goldman sachs\""},
    };
    for (const Pair& pair : pairs) {
        INFO(pair.merged << " -> " << pair.canonical);
        REQUIRE(before.term_exists(pair.merged));
        REQUIRE(before.term_exists(pair.canonical));
        const Xapian::doccount together =
            documents_naming_any(before, {pair.merged, pair.canonical});
        CHECK(together > before.get_termfreq(pair.canonical));
        // After: one term, naming every document that named either, and found by both names.
        CHECK_FALSE(after.term_exists(pair.merged));
        CHECK(after.get_termfreq(pair.canonical) == together);
        CHECK(filter_total(pair.filter_merged) == together);
        CHECK(filter_total(pair.filter_canonical) == together);
    }
    // The facet shows the canonical name alone.
    const auto people = facet_values("person");
    CHECK(people.count("Paul Volcker") == 1);
    CHECK(people.count("Volcker") == 0);
    CHECK(people.count("Goldman Sachs") == 0);
    CHECK(facet_values("org").count("Goldman Sachs") == 1);
    CHECK(after.get_doccount() == before.get_doccount());
}

TEST_CASE("merged names are kept apart where the index does not make them one",
          "[reuters][entities]") {
    const Xapian::Database before(unmerged_index().string());
    const auto merges = indexer::find_entity_merges(before);
    // Every target is a name the index holds, of the type the merge says.
    for (const auto& [term, target] : merges) {
        INFO(term << " -> " << target.term);
        CHECK(before.term_exists(target.term));
        CHECK(target.term == schema::filter_term(schema::entity_prefix(target.type), target.name));
        CHECK(merges.count(target.term) == 0);  // chains end at a name that stays
    }
    // A surname that several people of the index share stays a name of its own: "Johnson" is
    // Manuel Johnson (Fed, 14 stories) and fifteen others with 23 between them.
    REQUIRE(before.term_exists("XPjohnson"));
    REQUIRE(before.term_exists("XPmanuel johnson"));
    CHECK(merges.count("XPjohnson") == 0);
    // "Budget Director James Miller": the extractor starts a name at its given name, so no
    // title is left for the merge to take off; the surname then joins the full name.
    CHECK_FALSE(before.term_exists("XPbudget director james miller"));
    CHECK(before.term_exists("XPjames miller"));
    REQUIRE(merges.count("XPcamdessus") == 1);
    CHECK(merges.at("XPcamdessus").name == "Michel Camdessus");
    // "Fed" as written is a word, not initials of "Federal ..." names.
    CHECK(merges.count("XOfed") == 0);
}

TEST_CASE("wire abbreviations, ratings and single letters are no organisations",
          "[reuters][entities]") {
    const Xapian::Database after(test::reuters_index().dir.string());
    for (const std::string term :
         {"XOf", "XOc", "XOaa", "XOind", "XOmo", "XOpc", "XPpoor", "XPstaff howard baker"}) {
        INFO(term);
        CHECK_FALSE(after.term_exists(term));
    }
    CHECK(after.term_exists("XOstandard and poor's"));
    CHECK(after.term_exists("XPhoward baker"));
}
