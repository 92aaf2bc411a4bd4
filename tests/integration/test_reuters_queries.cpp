/// @file test_reuters_queries.cpp
/// @brief Queries mean what they say on Reuters-21578: each operator's count against the set
/// algebra of the index's own posting lists, negation, acronyms, capitals, accents, elisions.
#include <xapian.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <functional>
#include <iterator>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "common/language.hpp"
#include "common/schema.hpp"
#include "common/stored_fields.hpp"
#include "common/stored_fields_compression.hpp"
#include "common/text.hpp"
#include "integration/reuters_index.hpp"
#include "searcher/search_request.hpp"

using namespace newsdex;
using namespace newsdex::test;

namespace {

using Docs = std::set<Xapian::docid>;

Xapian::Database reuters_db() {
    return Xapian::Database(reuters_index().dir.string());
}

Docs postings(const std::string& term) {
    const Xapian::Database db = reuters_db();
    return Docs(db.postlist_begin(term), db.postlist_end(term));
}

/// The documents holding an English word, as the index's English stems hold it.
Docs word(const std::string& text) {
    static const Xapian::Stem english = stemmer_for("en");
    return postings(std::string(schema::prefix::text) + english(text));
}

Docs all_docs() {
    return postings("");  // Xapian: the empty term's posting list is every document
}

Docs both(const Docs& a, const Docs& b) {
    Docs out;
    std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::inserter(out, out.end()));
    return out;
}

Docs either(const Docs& a, const Docs& b) {
    Docs out = a;
    out.insert(b.begin(), b.end());
    return out;
}

Docs without(const Docs& a, const Docs& b) {
    Docs out;
    std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::inserter(out, out.end()));
    return out;
}

/// The documents where English stems `first` and `second` are at adjacent positions.
Docs adjacent(const std::string& first, const std::string& second) {
    static const Xapian::Stem english = stemmer_for("en");
    const Xapian::Database db = reuters_db();
    const std::string a = std::string(schema::prefix::text) + english(first);
    const std::string b = std::string(schema::prefix::text) + english(second);
    Docs out;
    for (const Xapian::docid doc : both(postings(a), postings(b))) {
        const std::vector<Xapian::termpos> after(db.positionlist_begin(doc, b),
                                                 db.positionlist_end(doc, b));
        for (auto pos = db.positionlist_begin(doc, a); pos != db.positionlist_end(doc, a); ++pos)
            if (std::binary_search(after.begin(), after.end(), *pos + 1)) {
                out.insert(doc);
                break;
            }
    }
    return out;
}

/// The documents whose stored title or body `pattern` finds.
Docs text_matches(const std::regex& pattern) {
    const Xapian::Database db = reuters_db();
    StoredFieldsCompression compression(
        db.get_metadata(std::string(schema::docdata_dictionary_key)));
    std::string buffer;
    Docs out;
    for (auto doc = db.postlist_begin(""); doc != db.postlist_end(""); ++doc) {
        const StoredFields fields = StoredFields::decode(
            compression.expand(StoredFieldsCompression::record_of(db.get_document(*doc)), buffer));
        if (std::regex_search(fields.title, pattern) || std::regex_search(fields.body, pattern))
            out.insert(*doc);
    }
    return out;
}

/// A request whose total is exact (facets make the matcher see every match), stemmed in
/// English as the posting lists above are read, and not widened by synonyms (opec also finds
/// "Organization of Petroleum Exporting Countries": test_reuters_meaning.cpp).
searcher::SearchRequest exact(std::string text) {
    auto request = query(std::move(text), 0);
    request.facets = {"source"};
    request.language = "en";
    request.synonyms = false;
    return request;
}

std::uint64_t total(const std::string& text) {
    const auto result = search(exact(text));
    REQUIRE(result.total_exact);
    return result.total;
}

}  // namespace

TEST_CASE("each operator counts what the posting lists say", "[reuters]") {
    const Docs oil = word("oil");
    const Docs gas = word("gas");
    const Docs opec = word("opec");
    REQUIRE(oil.size() > 1000);
    struct Row {
        std::string query;
        Docs expected;
    };
    const std::vector<Row> table = {
        {"oil", oil},
        {"oil gas", either(oil, gas)},
        {"oil OR gas", either(oil, gas)},
        {"oil AND gas", both(oil, gas)},
        {"+oil +gas", both(oil, gas)},
        {"+oil gas", oil},
        {"oil NOT gas", without(oil, gas)},
        {"oil AND NOT gas", without(oil, gas)},
        {"oil -gas", without(oil, gas)},
        {"gas -oil", without(gas, oil)},
        {"oil XOR gas", without(either(oil, gas), both(oil, gas))},
        {"(oil OR gas) AND opec", both(either(oil, gas), opec)},
        {"NOT oil", without(all_docs(), oil)},
        {"-oil", without(all_docs(), oil)},
        {"-opec -oil", without(all_docs(), either(opec, oil))},
        {"NOT (opec OR oil)", without(all_docs(), either(opec, oil))},
        {"\"oil prices\"", adjacent("oil", "prices")},
        {"opec NOT \"oil prices\"", without(opec, adjacent("oil", "prices"))},
        {"-\"oil prices\"", without(all_docs(), adjacent("oil", "prices"))},
        {"category:crude", postings(schema::filter_term(schema::prefix::category, "crude"))},
        {"oil category:crude",
         both(oil, postings(schema::filter_term(schema::prefix::category, "crude")))},
        {"oil -category:crude",
         without(oil, postings(schema::filter_term(schema::prefix::category, "crude")))},
        {"date:1987-03", postings("M198703")},
        {"oil date:1987-03", both(oil, postings("M198703"))},
        {"title:oil", postings(std::string(schema::prefix::title) + "oil")},
    };
    for (const auto& row : table) {
        INFO(row.query);
        CHECK(total(row.query) == row.expected.size());
    }
}

TEST_CASE("a wildcard counts every term it expands to", "[reuters]") {
    const Xapian::Database db = reuters_db();
    Docs expected;
    std::size_t terms = 0;
    for (auto term = db.allterms_begin("Zpetrol"); term != db.allterms_end("Zpetrol"); ++term) {
        const Docs some = postings(*term);
        expected.insert(some.begin(), some.end());
        ++terms;
    }
    REQUIRE(terms > 3);
    CHECK(total("petrol*") == expected.size());
}

TEST_CASE("snippets mark no word of the query's NOT part", "[reuters]") {
    auto request = query("opec NOT \"oil prices\"", 10);
    const auto result = search(request);
    REQUIRE(result.hits.size() == 10);
    std::size_t marked_opec = 0;
    for (const auto& hit : result.hits) {
        INFO(hit.id << ": " << hit.snippet);
        const std::string snippet = ascii_lower(hit.snippet);
        CHECK(snippet.find("[[oil") == std::string::npos);
        CHECK(snippet.find("[[pric") == std::string::npos);
        marked_opec += snippet.find("[[opec]]") != std::string::npos;
    }
    CHECK(marked_opec >= 5);
}

TEST_CASE("dotted acronyms are words of their own: U.S. is not us", "[reuters]") {
    // "U.S." or "u.s." standing alone: not inside a longer word or a longer acronym (U.S.A.).
    const Docs acronym = text_matches(
        std::regex("(^|[^A-Za-z0-9_.])[Uu]\\.[Ss](?![A-Za-z0-9_])(?!\\.[A-Za-z](?![A-Za-z0-9_]))"));
    const Docs us = text_matches(std::regex("(^|[^A-Za-z0-9_.'])[Uu][Ss](?![A-Za-z0-9_'])"));
    REQUIRE(acronym.size() > 1000);
    CHECK(total("U.S.") == acronym.size());
    CHECK(total("u.s.") == acronym.size());
    CHECK(total("us") == us.size());
    // Phrases too: "let us" is not "LET U.S. BANKS".
    const auto let_us = search(query("\"let us\"", 100));
    const std::regex let_acronym("let u\\.s\\.", std::regex::icase);
    const std::regex let_word("let us\\b", std::regex::icase);
    REQUIRE(!let_us.hits.empty());
    for (const auto& hit : let_us.hits) {
        const StoredFields fields = stored(hit.id);
        INFO(hit.id << ": " << fields.title);
        CHECK((std::regex_search(fields.title, let_word) ||
               std::regex_search(fields.body, let_word)));
    }
    // And the snippets of U.S. mark it, as written.
    const auto banks = search(query("U.S. banks", 5));
    REQUIRE(!banks.hits.empty());
    CHECK(banks.hits.front().snippet.find("[[U.S]].") != std::string::npos);
}

TEST_CASE("a query in capitals reads AND, OR and NOT as words, and says so", "[reuters]") {
    const auto capitals = search(exact("NOT GUILTY PLEA"));
    const auto words = search(exact("not guilty plea"));
    CHECK(capitals.total == words.total);
    CHECK(capitals.total == either(word("not"), either(word("guilty"), word("plea"))).size());
    REQUIRE(capitals.notices.size() == 1);
    CHECK_THAT(capitals.notices.front().message, Catch::Contains("capitals"));
    CHECK(words.notices.empty());
    CHECK(total("guilty NOT plea") == without(word("guilty"), word("plea")).size());
}

TEST_CASE("accents are folded: José and Jose find the same stories", "[reuters]") {
    const std::uint64_t jose = total("Jose");
    CHECK(jose > 50);
    CHECK(total("José") == jose);
    CHECK(total("JOSÉ") == jose);
    CHECK(total("jos*") == total("jós*"));
    // Every story that writes the name with its accent is among them.
    const Docs accented = text_matches(std::regex("Jos\xC3\xA9"));
    const Docs found = [] {
        Docs docs;
        const Xapian::Database db = reuters_db();
        for (auto doc = db.postlist_begin("Zjose"); doc != db.postlist_end("Zjose"); ++doc)
            docs.insert(*doc);
        return docs;
    }();
    CHECK(without(accented, found).empty());
}

TEST_CASE("elided articles are cut off: electricite finds Electricite de France's d'",
          "[reuters]") {
    // "Compagnie Generale d'Electricite", "Electricite de France": both are found by the word.
    const Docs elided = text_matches(std::regex("d'electricite", std::regex::icase));
    REQUIRE(!elided.empty());
    const Docs electricite = word("electricite");
    CHECK(without(elided, electricite).empty());
    CHECK(total("electricite") == electricite.size());
    CHECK(total("d'Electricite") == electricite.size());
    CHECK(total("l'Etat") == word("etat").size());
}
