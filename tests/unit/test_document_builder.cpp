/// @file test_document_builder.cpp
/// @brief The terms and values an Article becomes, checked on an in-memory index.
#include <xapian.h>

#include <catch2/catch.hpp>
#include <set>

#include "common/schema.hpp"
#include "common/stored_fields.hpp"
#include "indexer/document_builder.hpp"

using namespace newsdex;

namespace {

Article sample_article() {
    Article a;
    a.id = "sample-1";
    a.title = "Central bank raises interest rates";
    a.body = "The Northern Bank raised rates again, said governor Ana Ruiz in Oslo.";
    a.source = "Harbour Gazette";
    a.date = Timestamp{1716192000, true};  // 2024-05-20T08:00:00Z
    a.language = "en";
    a.authors = {"Lee Park"};
    a.entities = {{EntityType::person, "Ana Ruiz"},
                  {EntityType::place, "Oslo"},
                  {EntityType::person, "ana ruiz"},  // same entity, other case: dropped
                  {EntityType::org, "Northern Bank"}};
    a.categories = {"economy"};
    return a;
}

std::set<std::string> terms_of(const Xapian::Document& doc) {
    return {doc.termlist_begin(), doc.termlist_end()};
}

}  // namespace

TEST_CASE("an article becomes text, filter terms, values and stored fields", "[builder]") {
    indexer::DocumentBuilder builder("english");
    const Xapian::Document doc = builder.build(sample_article());
    const auto terms = terms_of(doc);

    for (const char* expected :
         {"Qsample-1", "XSRCharbour gazette", "D20240520", "M202405", "Y2024", "Len", "Alee park",
          "XPana ruiz", "XLoslo", "XOnorthern bank", "XCeconomy", "Zrate", "Zrais", "Zruiz",
          "ZSrais", "ZScentral"}) {
        CAPTURE(expected);
        CHECK(terms.count(expected) == 1);
    }
    // Stems only: no word is indexed as written ("raises", "rates", "ruiz"), nor as Omega's
    // unstemmed title term ("Sraises"). Every term starts with an upper-case prefix.
    for (const auto& term : terms) {
        CAPTURE(term);
        CHECK((term[0] >= 'A' && term[0] <= 'Z'));
    }
    for (const char* unstemmed : {"raises", "rates", "governor", "Sraises", "Srates"})
        CHECK(terms.count(unstemmed) == 0);
    CHECK(doc.get_value(schema::slot::day) == "2024-05-20");
    CHECK(doc.get_value(schema::slot::source) == "Harbour Gazette");
    CHECK(Xapian::sortable_unserialise(doc.get_value(schema::slot::date)) == 1716192000.0);
    // One packed list per type; "ana ruiz" is the same person as "Ana Ruiz" and is dropped.
    CHECK(doc.get_value(schema::slot::persons) == "Ana Ruiz");
    CHECK(doc.get_value(schema::slot::orgs) == "Northern Bank");
    CHECK(doc.get_value(schema::slot::places) == "Oslo");
    CHECK(doc.get_value(schema::slot::categories) == "economy");
    CHECK(StoredFields::decode(doc.get_data()).title == "Central bank raises interest rates");
}

TEST_CASE("title words weigh more than body words and phrases stay within a field", "[builder]") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    indexer::DocumentBuilder builder("english");
    db.add_document(builder.build(sample_article()));
    // "rates" is in the title and the body: wdf = 3 (title) + 1 (body).
    auto posting = db.postlist_begin("Zrate");
    REQUIRE(posting != db.postlist_end("Zrate"));
    CHECK(posting.get_wdf() == 4);
    // Stems keep their positions: "interest rates" is a phrase of stems, in the text and in
    // the title field.
    const auto phrase = [&db](const std::string& a, const std::string& b) {
        Xapian::Enquire enquire(db);
        const std::vector<Xapian::Query> words = {Xapian::Query(a), Xapian::Query(b)};
        enquire.set_query(Xapian::Query(Xapian::Query::OP_PHRASE, words.begin(), words.end()));
        return enquire.get_mset(0, 10).size();
    };
    CHECK(phrase("Zinterest", "Zrate") == 1);
    CHECK(phrase("ZSinterest", "ZSrate") == 1);
    CHECK(phrase("Zrate", "Zinterest") == 0);
    // "raised rates" in the body; the last title word and the first body word are not adjacent.
    CHECK(phrase("Zrais", "Zrate") == 1);
    CHECK(phrase("Zrate", "Zthe") == 0);
}

TEST_CASE("ids are derived when missing, stably", "[builder]") {
    Article a = sample_article();
    CHECK(indexer::derive_id(a) == "sample-1");
    a.id.clear();
    a.url = "https://example.org/story";
    CHECK(indexer::derive_id(a) == "https://example.org/story");
    a.url.clear();
    const std::string hashed = indexer::derive_id(a);
    CHECK(hashed.size() == 17);
    Article same = a;
    CHECK(indexer::derive_id(same) == hashed);
    same.body += " Updated.";
    CHECK(indexer::derive_id(same) != hashed);
}

TEST_CASE("over-long ids, authors and sources do not abort indexing", "[builder]") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    indexer::DocumentBuilder builder("english");
    Article a = sample_article();
    a.id = "https://example.org/story?" + std::string(400, 'q');
    a.source = std::string(300, 's');
    a.authors = {std::string(500, 'w')};
    db.replace_document(schema::id_term(a.id), builder.build(a));
    CHECK(db.get_doccount() == 1);
    CHECK(db.term_exists(schema::id_term(a.id)));
    CHECK(db.term_exists(schema::filter_term(schema::prefix::source, a.source)));
}
