/// @file test_synonyms.cpp
/// @brief Synonym files, alias keys, and the alias and synonym tables on a small in-memory index.
#include <xapian.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <string>
#include <vector>

#include "common/entity_alias.hpp"
#include "common/error.hpp"
#include "indexer/alias_writer.hpp"
#include "indexer/document_builder.hpp"
#include "indexer/synonym_rule.hpp"
#include "searcher/searcher.hpp"
#include "support/test_support.hpp"

using namespace newsdex;

namespace {

std::filesystem::path synonym_file(const std::string& name, const std::string& text) {
    const auto path = test::fresh_dir("synonyms") / name;
    std::ofstream(path) << text;
    return path;
}

/// The message of the ParseError reading `text` throws.
std::string error_of(const std::string& text) {
    try {
        (void)indexer::read_synonym_file(synonym_file("bad.txt", text));
    } catch (const ParseError& e) {
        return std::to_string(e.line()) + ": " + e.reason();
    }
    return "no error";
}

/// An in-memory index of `articles`, written as BatchWriter writes them (with the tables).
Xapian::WritableDatabase index_of(const std::vector<Article>& articles,
                                  std::vector<indexer::SynonymRule> rules = {}) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    indexer::DocumentBuilder builder;
    indexer::AliasWriter tables(std::move(rules));
    for (const auto& article : articles) {
        const Xapian::Document doc = builder.build(article);
        tables.note(db, doc);
        db.add_document(doc);
    }
    db.commit();
    return db;
}

Article article(std::string id, std::string body, std::vector<Entity> entities = {}) {
    Article a;
    a.id = std::move(id);
    a.body = std::move(body);
    a.entities = std::move(entities);
    return a;
}

searcher::SearchResult search(const Xapian::Database& db, const std::string& text) {
    searcher::Searcher searcher(db);
    searcher::SearchRequest request;
    request.query = text;
    request.snippet_length = 0;
    return searcher.search(request);
}

}  // namespace

TEST_CASE("synonym files hold groups and one-way rules, with comments", "[synonyms]") {
    const auto rules = indexer::read_synonym_file(
        synonym_file("good.txt",
                     "# news\n\nusa, United States ,  america\nec => european community, eec\n"
                     "cm,common market # the old name\n"));
    REQUIRE(rules.size() == 3);
    CHECK(rules[0].from == std::vector<std::string>{"usa", "United States", "america"});
    CHECK(rules[0].to == rules[0].from);
    CHECK(rules[1].from == std::vector<std::string>{"ec"});
    CHECK(rules[1].to == std::vector<std::string>{"european community", "eec"});
    CHECK(rules[2].to == std::vector<std::string>{"cm", "common market"});
}

TEST_CASE("a bad synonym line is refused with its line number", "[synonyms]") {
    CHECK(error_of("a, b\nlonely\n") ==
          "2: a synonym group needs two phrases or more (write 'usa, united states' or "
          "'ec => european community')");
    CHECK(error_of("a,, b\n") == "1: an empty phrase (a comma too many?)");
    CHECK(error_of("a =>\n") == "1: an empty phrase (a comma too many?)");
    CHECK(error_of("a => b => c\n") == "1: two '=>' in one rule (write 'a => b, c')");
    CHECK_THROWS_AS(indexer::read_synonym_file("/nonexistent/synonyms.txt"), IndexError);
}

TEST_CASE("alias keys ignore case, dots, hyphens and possessives", "[synonyms]") {
    CHECK(schema::alias_key("U.S.") == "us");
    CHECK(schema::alias_key(" West-Germany ") == "west germany");
    CHECK(schema::alias_key("Britain's") == "britain");
    CHECK(schema::alias_metadata_key("XL", "USA") == "newsdex.alias.XLusa");
    CHECK_FALSE(schema::alias_metadata_key("XL", "..."));
}

TEST_CASE("phrase_terms gives the terms the indexer writes, in order", "[synonyms]") {
    indexer::DocumentBuilder builder;
    CHECK(builder.phrase_terms("United States", "en") ==
          std::vector<std::string>{"Zunit", "Zstate"});
    CHECK(builder.phrase_terms("the the", "en") == std::vector<std::string>{"Zthe", "Zthe"});
    CHECK(builder.phrase_terms(" , ", "en").empty());
}

TEST_CASE("filters and free text find an entity by its other names", "[synonyms]") {
    const auto db = index_of(
        {article("a", "Talks in the United States.", {{EntityType::place, "United States"}}),
         article("b", "The USA said no."), article("c", "Nothing here."),
         article("d", "The common market grew.")},
        {{{"cm", "common market"}, {"cm", "common market"}}});
    CHECK(search(db, "place:usa").total == 1);
    CHECK(search(db, "place:\"U.S.\"").total == 1);
    const auto widened = search(db, "usa");
    CHECK(widened.total == 2);  // "a" says United States, "b" USA
    REQUIRE(widened.synonyms_used.size() == 1);
    CHECK(widened.synonyms_used[0].from == "usa");
    CHECK(search(db, "\"united states\"").total == 2);
    // The user's rule, both ways.
    CHECK(search(db, "cm").total == 1);
    CHECK(search(db, "\"common market\"").total == 1);

    const auto unknown = search(db, "place:atlantis");
    REQUIRE(unknown.notices.size() == 1);
    CHECK(unknown.notices[0].message == "no place \"atlantis\" in this index");
}
