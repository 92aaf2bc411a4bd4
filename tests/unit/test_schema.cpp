/// @file test_schema.cpp
/// @brief The prefix/slot registry: term construction and slot layout.
#include <catch2/catch.hpp>
#include <set>

#include "common/schema.hpp"
#include "common/text.hpp"

using namespace newsdex;

TEST_CASE("filter terms use the facet key of the value", "[schema]") {
    struct Case {
        std::string_view prefix;
        std::string value;
        std::string expected;
    };
    const Case cases[] = {
        {schema::prefix::source, "Reuters", "XSRCreuters"},
        {schema::prefix::source, "  Global   Dispatch ", "XSRCglobal dispatch"},
        {schema::prefix::category, "money-fx", "XCmoney-fx"},
        {schema::prefix::person, "Paul VOLCKER", "XPpaul volcker"},
        {schema::prefix::place, "Zürich", "XLzürich"},
        {schema::prefix::org, "OPEC", "XOopec"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.value);
        CHECK(schema::filter_term(c.prefix, c.value) == c.expected);
    }
}

TEST_CASE("id terms keep case and add Omega's colon before an upper-case letter", "[schema]") {
    CHECK(schema::id_term("reuters-17") == "Qreuters-17");
    CHECK(schema::id_term("AP-2024-1") == "Q:AP-2024-1");
    CHECK(schema::make_term("XP", "Paul") == "XP:Paul");
    CHECK(schema::make_term("XP", "paul") == "XPpaul");
}

TEST_CASE("each entity type has its own prefix", "[schema]") {
    const std::set<std::string_view> prefixes = {schema::entity_prefix(EntityType::person),
                                                 schema::entity_prefix(EntityType::org),
                                                 schema::entity_prefix(EntityType::place)};
    CHECK(prefixes.size() == 3);
    CHECK(schema::entity_prefix(EntityType::org) == schema::prefix::org);
}

TEST_CASE("entity slot values round-trip", "[schema]") {
    const Entity volcker{EntityType::person, "Paul Volcker", EntityOrigin::given};
    CHECK(schema::entity_value(volcker) == "person:Paul Volcker");
    const auto back = schema::parse_entity_value("person:Paul Volcker");
    REQUIRE(back);
    CHECK(back->type == EntityType::person);
    CHECK(back->name == "Paul Volcker");
    CHECK(schema::parse_entity_value("org:Bank: of Tokyo")->name == "Bank: of Tokyo");
    CHECK_FALSE(schema::parse_entity_value("Paul Volcker"));
    CHECK_FALSE(schema::parse_entity_value("animal:cat"));
}

TEST_CASE("value slot ranges do not overlap", "[schema]") {
    using namespace schema::slot;
    const std::set<unsigned> slots = {date,    day,  source, language,
                                      persons, orgs, places, categories};
    CHECK(slots.size() == 8);
    CHECK(entities(EntityType::org) == orgs);
}

TEST_CASE("packed lists are sorted, without duplicates, and unpack to their items", "[schema]") {
    const std::string packed = schema::pack_list({"place:Oslo", "org:OPEC", "place:Oslo"});
    CHECK(packed == "org:OPEC\x1fplace:Oslo");
    CHECK(schema::unpack_list(packed) == std::vector<std::string_view>{"org:OPEC", "place:Oslo"});
    CHECK(schema::unpack_list("cocoa") == std::vector<std::string_view>{"cocoa"});
    CHECK(schema::unpack_list("").empty());
    CHECK(schema::pack_list({}).empty());
}

TEST_CASE("terms too long for Xapian are shortened with a hash, consistently", "[schema]") {
    const std::string long_id(300, 'a');
    const std::string term = schema::id_term(long_id);
    CHECK(term.size() <= 240);
    CHECK(term.starts_with("Qaaaa"));
    CHECK(term == schema::id_term(long_id));
    CHECK(term != schema::id_term(long_id + "b"));
    // A multi-byte character is never cut in half.
    std::string name(150, 'e');
    for (int i = 0; i < 60; ++i) name += "\xc3\xa9";  // é
    const std::string accented = schema::filter_term(schema::prefix::author, name);
    CHECK(accented.size() <= 240);
    CHECK(to_valid_utf8(accented) == accented);
}

TEST_CASE("a day's date terms are recognised as date terms, and nothing else is", "[schema]") {
    const schema::DateTerms terms = schema::date_terms_of("1987-03-26");
    for (const std::string& term : {terms.day, terms.month, terms.year})
        CHECK(schema::is_date_term(term));
    CHECK_FALSE(schema::is_date_term("D"));
    CHECK_FALSE(schema::is_date_term("Dx"));  // not a date
    CHECK_FALSE(schema::is_date_term(schema::id_term("1987")));
    CHECK_FALSE(schema::is_date_term("Zdollar"));
}
