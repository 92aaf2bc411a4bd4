/// @file test_query_text.cpp
/// @brief What the parser would misread: refused with a position and a fix, or prepared.
#include <catch2/catch.hpp>
#include <string>

#include "common/error.hpp"
#include "searcher/query_text.hpp"

using newsdex::QueryError;
using newsdex::searcher::prepare_query;

namespace {

/// The 1-based position and message of the QueryError `query` throws ("" when none).
std::string refusal(const std::string& query) {
    try {
        (void)prepare_query(query);
    } catch (const QueryError& e) {
        return std::to_string(e.position() + 1) + ": " + e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("wildcards newsdex cannot run are refused where they are", "[query]") {
    CHECK_THAT(refusal("coff?e"), Catch::StartsWith("5: ") && Catch::Contains("write coff*"));
    CHECK_THAT(refusal("oil *gas"), Catch::StartsWith("5: ") && Catch::Contains("end of a word"));
    CHECK_THAT(refusal("co*ee"), Catch::StartsWith("3: ") && Catch::Contains("write co*"));
    CHECK_THAT(refusal("\"oil pri*\""), Catch::StartsWith("9: ") && Catch::Contains("phrase"));
    // A question's mark and a trailing wildcard are fine.
    CHECK(refusal("what is inflation?") == "");
    CHECK(refusal("infla* OR title:petro*") == "");
}

TEST_CASE("an unknown field is refused, with the fields and how to search the words", "[query]") {
    CHECK_THAT(refusal("oil foo:bar"), Catch::StartsWith("5: ") &&
                                           Catch::Contains("unknown field \"foo:\"") &&
                                           Catch::Contains("\"foo:bar\""));
    CHECK_THAT(refusal("Source:reuters"), Catch::Contains("lower case"));
    CHECK(refusal("source:reuters place:\"u.s.\" date:1987..1988 title:oil 10:30") == "");
    CHECK(refusal("\"foo:bar\"") == "");  // quoted: words
}

TEST_CASE("a '-' Xapian would ignore is refused", "[query]") {
    CHECK_THAT(refusal("gas -(oil opec)"), Catch::StartsWith("5: ") && Catch::Contains("NOT ("));
    CHECK_THAT(refusal("gas (-oil -opec)"), Catch::StartsWith("5: ") && Catch::Contains("NOT"));
    CHECK(refusal("gas (oil -opec)") == "");
}

TEST_CASE("a query of negated parts only is marked as such", "[query]") {
    const auto negated = prepare_query("-oil -\"oil prices\" -source:reuters");
    REQUIRE(negated.negated);
    CHECK(*negated.negated == " oil  \"oil prices\"  source:reuters");
    CHECK_FALSE(prepare_query("gas -oil").negated);
    CHECK_FALSE(prepare_query("oil-price").negated);
    CHECK_FALSE(prepare_query("-oil gas").negated);
}

TEST_CASE("a query wholly in capitals with an operator word reads it as a word", "[query]") {
    CHECK(prepare_query("NOT GUILTY PLEA").capitals);
    CHECK(prepare_query("OPEC AND IRAN source:reuters").capitals);  // field names are lower case
    CHECK_FALSE(prepare_query("OPEC IRAN").capitals);               // nothing to misread
    CHECK_FALSE(prepare_query("opec NOT iran").capitals);
    CHECK_FALSE(prepare_query("NOT oil").capitals);
}

TEST_CASE("free text is marked as the indexer marks it; field values are left as written",
          "[query]") {
    CHECK(prepare_query("U.S. l'inflation place:\"U.S.\"").text ==
          "U_S.   inflation place:\"U.S.\"");
    CHECK(prepare_query("title:U.S.").text == "title:U_S.");
    CHECK(prepare_query("José*").text == "Jose*");
}
