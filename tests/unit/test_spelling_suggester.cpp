/// @file test_spelling_suggester.cpp
/// @brief Which words of a query are corrected, and how the corrected query is written.
#include <xapian.h>

#include <catch2/catch.hpp>

#include "searcher/spelling_suggester.hpp"
#include "support/test_support.hpp"

using namespace newsdex;

namespace {

// A small on-disk index holding only spelling data (in-memory databases have none).
Xapian::Database spelling_index() {
    const auto dir = test::fresh_dir("spelling-suggester");
    Xapian::WritableDatabase db((dir / "index").string(), Xapian::DB_CREATE_OR_OVERWRITE);
    for (const auto& [word, count] :
         std::vector<std::pair<std::string, unsigned>>{{"inflation", 400},
                                                       {"volcker", 120},
                                                       {"volker", 2},
                                                       {"japan", 1300},
                                                       {"rates", 900},
                                                       {"rate", 1500},
                                                       {"cocoa", 90},
                                                       {"reuters", 5000}})
        db.add_spelling(word, count);
    db.commit();
    return db;
}

}  // namespace

TEST_CASE("corrected_query corrects free-text and title words only, as written around them") {
    const Xapian::Database db = spelling_index();
    const auto fix = [&db](const std::string& query) {
        return searcher::corrected_query(db, query).value_or("(none)");
    };
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"inflaton", "inflation"},
        {"Japn", "Japan"},                             // capitalised as typed
        {"Volker", "Volcker"},                         // 60 times rarer: corrected
        {"rates", "(none)"},                           // "rate" is commoner, not 20x
        {"inflaton AND Japn", "inflation AND Japan"},  // operators kept
        {"\"japn inflaton\"", "\"japan inflation\""},  // phrases corrected
        {"title:cocao -japn", "title:cocoa -japan"},   // title words, love/hate
        {"source:reutres", "(none)"},                  // another field's value
        {"person:\"paul volker\" inflaton", "person:\"paul volker\" inflation"},
        {"infla* japn", "infla* japan"},  // wildcards kept
        {"inflaton1987", "(none)"},       // words with digits kept
        {"zzzzzz", "(none)"},             // nothing close
        {"", "(none)"},
    };
    for (const auto& [query, expected] : cases) {
        INFO(query);
        CHECK(fix(query) == expected);
    }
}
