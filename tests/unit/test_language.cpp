/// @file test_language.cpp
/// @brief Languages: codes, CLD2 detection, libstemmer stemmers, per-language index and query.
#include <xapian.h>

#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "common/language.hpp"
#include "common/libstemmer_stem.hpp"
#include "common/memo_stem.hpp"
#include "common/schema.hpp"
#include "corpus/analysis/language_detector.hpp"
#include "corpus/readers/input_reader.hpp"
#include "indexer/document_builder.hpp"
#include "indexer/index_run.hpp"
#include "searcher/query_builder.hpp"
#include "searcher/searcher.hpp"
#include "support/article_collector.hpp"
#include "support/test_support.hpp"

using namespace newsdex;

namespace {

Article article(std::string id, std::string title, std::string body, std::string language = {}) {
    Article a;
    a.id = std::move(id);
    a.title = std::move(title);
    a.body = std::move(body);
    a.language = std::move(language);
    return a;
}

std::set<std::string> terms_of(const Xapian::Document& doc) {
    return {doc.termlist_begin(), doc.termlist_end()};
}

// An English and a German story about houses, each labelled with its language.
Xapian::WritableDatabase two_language_index() {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    indexer::DocumentBuilder builder;
    db.add_document(builder.build(
        article("en-1", "Old houses for sale", "Prices of houses rose again this year.", "en")));
    db.add_document(builder.build(article("de-1", "Ein altes Haus am See",
                                          "Das Haus wurde vor hundert Jahren gebaut.", "de")));
    db.commit();
    return db;
}

std::vector<std::string> hit_ids(const Xapian::Database& db, const std::string& query,
                                 const std::string& language = {}) {
    searcher::SearchRequest request;
    request.query = query;
    request.language = language;
    std::vector<std::string> ids;
    for (const auto& hit : searcher::Searcher(db).search(request).hits) ids.push_back(hit.id);
    return ids;
}

}  // namespace

TEST_CASE("language codes come from tags and Snowball names", "[language]") {
    const std::vector<std::pair<std::string, std::string>> cases{
        {"en", "en"},      {"EN", "en"},         {"en-US", "en"},   {"pt_BR", "pt"},
        {"English", "en"}, {"german", "de"},     {" greek ", "el"}, {"norwegian", "no"},
        {"zh-Hant", "zh"}, {"porter", "porter"}, {"ja", "ja"},
    };
    for (const auto& [input, code] : cases) {
        CAPTURE(input);
        CHECK(language_code(input) == code);
    }
    CHECK(has_stemmer("de"));
    CHECK(has_stemmer("el"));  // libstemmer only
    CHECK(has_stemmer("porter"));
    CHECK_FALSE(has_stemmer("ja"));
    CHECK_FALSE(has_stemmer("klingon"));
}

TEST_CASE("CLD2 detects the language of short news texts", "[language]") {
    const corpus::LanguageDetector detector;
    const std::vector<std::pair<std::string, std::string>> cases{
        {"en", "The harbour ferry will run again from Monday after repairs to its engine."},
        {"de", "Die Fähre im Hafen fährt ab Montag wieder, nachdem der Motor repariert wurde."},
        {"fr", "Le bac du port reprendra du service lundi après la réparation de son moteur."},
        {"es", "El transbordador del puerto volverá a funcionar el lunes tras reparar su motor."},
        {"el", "Το πλοίο του λιμανιού θα ξεκινήσει ξανά τη Δευτέρα μετά την επισκευή της μηχανής."},
    };
    for (const auto& [code, text] : cases) {
        CAPTURE(text);
        CHECK(detector.detect("", text) == code);
    }
    // Too little text to be sure: the fallback, not a guess.
    CHECK(detector.detect("Oil", "") == "en");
    CHECK(corpus::LanguageDetector("de").detect("", "") == "de");
    CHECK(corpus::LanguageDetector("de").detect("12.5 34.7", "0.9") == "de");
}

TEST_CASE("languages Xapian lacks stem through libstemmer", "[language]") {
    Xapian::Stem greek = stemmer_for("el");
    CHECK(greek.get_description() == "Xapian::Stem(libstemmer:greek)");
    CHECK(greek("τράπεζες") == "τραπεζ");
    CHECK(greek("τραπεζών") == "τραπεζ");
    CHECK(stemmer_for("hi")("स्कूलों") == "स्कूल");
    CHECK(stemmer_for("de").get_description() == "Xapian::Stem(german)");
    CHECK(stemmer_for("ja").get_description() == "Xapian::Stem(none)");
    CHECK_THROWS_AS(LibstemmerStem("klingon"), Xapian::InvalidArgumentError);
}

TEST_CASE("a memoised stemmer gives the wrapped stemmer's stems", "[language]") {
    const Xapian::Stem english("english");
    // Capacity 3: the table below overflows it twice, so stems are given again after a reset.
    Xapian::Stem memo(new newsdex::MemoStem(english, 3));
    CHECK(memo.get_description() == "Xapian::Stem(english)");
    const std::vector<std::string> words = {"rates",  "rating",  "rates",     "houses", "happy",
                                            "rated",  "rates",   "inflation", "",       "rating",
                                            "houses", "happily", "rates"};
    for (const auto& word : words) CHECK(memo(word) == english(word));
    // What the searcher's languages get, including the libstemmer ones.
    Xapian::Stem greek = memoised(stemmer_for("el"));
    CHECK(greek("τράπεζες") == "τραπεζ");
    CHECK(greek("τράπεζες") == "τραπεζ");
    CHECK(memoised(stemmer_for("en"))("rates") == "rate");
    CHECK(memoised(stemmer_for("ja")).is_none());
}

TEST_CASE("each article is stemmed and labelled in its own language", "[language][builder]") {
    indexer::DocumentBuilder builder;
    const auto german = terms_of(builder.build(article("d", "Häusern", "", "German")));
    CHECK(german.count("Zhaus") == 1);
    CHECK(german.count("Lde") == 1);
    const auto greek = terms_of(builder.build(article("g", "τράπεζες", "", "el")));
    CHECK(greek.count("Zτραπεζ") == 1);
    CHECK(greek.count("Lel") == 1);
    // No stemmer for Japanese: its words as written, under the same prefixes, not stemmed
    // with English rules.
    const auto japanese = terms_of(builder.build(article("j", "houses", "", "ja")));
    CHECK(japanese.count("Zhouses") == 1);
    CHECK(japanese.count("ZShouses") == 1);
    CHECK(japanese.count("houses") == 0);
    CHECK(japanese.count("Zhous") == 0);
    CHECK(japanese.count("Lja") == 1);
    // No language at all: English, labelled so.
    const auto plain = builder.build(article("e", "houses", ""));
    CHECK(terms_of(plain).count("Zhous") == 1);
    CHECK(plain.get_value(schema::slot::language) == "en");

    indexer::DocumentBuilder forced("english");
    const auto overridden = terms_of(forced.build(article("d", "Häusern", "", "de")));
    CHECK(overridden.count("Len") == 1);
    CHECK(overridden.count("Lde") == 0);
    CHECK_THROWS_AS(indexer::DocumentBuilder("klingon"), UsageError);
}

TEST_CASE("the query is stemmed in each language of the index", "[language][query]") {
    const Xapian::WritableDatabase db = two_language_index();
    searcher::QueryBuilder builder(db, "");
    CHECK(builder.parse("häusern").get_description() ==
          "Query(((Zhausern@1 FILTER Len) OR (Zhaus@1 FILTER Lde)))");
    CHECK(hit_ids(db, "häusern") == std::vector<std::string>{"de-1"});
    CHECK(hit_ids(db, "houses") == std::vector<std::string>{"en-1"});
    // A language most documents share is selected as "none of the others": the cheaper check.
    Xapian::WritableDatabase mostly_english = two_language_index();
    indexer::DocumentBuilder more;
    mostly_english.add_document(
        more.build(article("en-2", "Houses", "The houses by the lake were sold.", "en")));
    mostly_english.commit();
    CHECK(searcher::QueryBuilder(mostly_english, "").parse("häusern").get_description() ==
          "Query(((Zhausern@1 AND_NOT Lde) OR (Zhaus@1 FILTER Lde)))");
    CHECK(hit_ids(mostly_english, "häusern") == std::vector<std::string>{"de-1"});
    CHECK(hit_ids(mostly_english, "houses").size() == 2);
    // --language forces one stemmer and applies it to every document.
    CHECK(searcher::QueryBuilder(db, "german").parse("häusern").get_description() ==
          "Query(Zhaus@1)");
    CHECK(hit_ids(db, "häusern", "english").empty());
    CHECK_THROWS_AS(searcher::QueryBuilder(db, "klingon"), UsageError);
}

TEST_CASE("a language without a stemmer is indexed and found word for word", "[language][query]") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    indexer::DocumentBuilder builder;
    db.add_document(builder.build(
        article("ja-1", "Tokyo kabuka", "Nikkei heikin kabuka ga agatta. Kabuka no ue.", "ja")));
    db.add_document(builder.build(article("en-1", "Tokyo stocks", "Stock prices rose.", "en")));
    db.commit();
    // No stemmer: the parser leaves the words as typed, under the prefixes the index uses.
    // Both languages parse "kabuka" alike: one query for all documents, no language filter.
    CHECK(searcher::QueryBuilder(db, "").parse("kabuka").get_description() == "Query(Zkabuka@1)");
    CHECK(searcher::QueryBuilder(db, "").parse("stocks").get_description() ==
          "Query(((Zstock@1 FILTER Len) OR (Zstocks@1 FILTER Lja)))");
    CHECK(hit_ids(db, "kabuka") == std::vector<std::string>{"ja-1"});
    CHECK(hit_ids(db, "\"heikin kabuka\"") == std::vector<std::string>{"ja-1"});
    CHECK(hit_ids(db, "\"kabuka heikin\"").empty());
    CHECK(hit_ids(db, "title:kabuka") == std::vector<std::string>{"ja-1"});
    CHECK(hit_ids(db, "kabu*") == std::vector<std::string>{"ja-1"});
    CHECK(hit_ids(db, "stocks") == std::vector<std::string>{"en-1"});
    searcher::SearchRequest request;
    request.query = "kabuka";
    const auto result = searcher::Searcher(db).search(request);
    REQUIRE(result.hits.size() == 1);
    CHECK(result.hits[0].snippet.find("[[kabuka]]") != std::string::npos);
}

TEST_CASE("an index of one language gets the one-language query", "[language][query]") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    indexer::DocumentBuilder builder;
    db.add_document(builder.build(article("a", "Oil prices", "Crude rose.", "en")));
    const std::string expected = "Query((Zoil@1 OR Zprice@2))";
    CHECK(searcher::QueryBuilder(db, "").parse("oil prices").get_description() == expected);
    CHECK(searcher::QueryBuilder(db, "english").parse("oil prices").get_description() == expected);
    // A German-only index stems German without a filter.
    Xapian::WritableDatabase german(std::string(), Xapian::DB_BACKEND_INMEMORY);
    german.add_document(builder.build(article("d", "Haus", "", "de")));
    CHECK(searcher::QueryBuilder(german, "").parse("häusern").get_description() ==
          "Query(Zhaus@1)");
}

TEST_CASE("the indexer detects languages the input does not give", "[language][indexer]") {
    const auto dir = test::fresh_dir("language-index");
    test::write_file(dir / "in.jsonl",
                     R"({"id": "e", "title": "Ferry back in service", "body": "The harbour )"
                     R"(ferry will run again from Monday after repairs to its engine."})"
                     "\n"
                     R"({"id": "d", "title": "Fähre wieder im Dienst", "body": "Die Fähre im )"
                     R"(Hafen fährt ab Montag wieder, nachdem der Motor repariert wurde."})"
                     "\n"
                     R"({"id": "f", "title": "Ferry back in service", "body": "Given as )"
                     R"(French.", "language": "fr"})"
                     "\n");
    indexer::IndexOptions options;
    options.index_dir = (dir / "auto").string();
    (void)indexer::index_inputs({(dir / "in.jsonl").string()}, options, {});
    const Xapian::Database db(options.index_dir);
    CHECK(db.get_termfreq("Len") == 1);
    CHECK(db.get_termfreq("Lde") == 1);
    CHECK(db.get_termfreq("Lfr") == 1);  // the input's language wins

    options.index_dir = (dir / "forced").string();
    options.language = "de";
    (void)indexer::index_inputs({(dir / "in.jsonl").string()}, options, {});
    CHECK(Xapian::Database(options.index_dir).get_termfreq("Lde") == 3);
}

TEST_CASE("the Wikinews CSVs are detected as English", "[language][corpus]") {
    test::ArticleCollector got;
    corpus::read_inputs({(test::shared_corpus() / "wikinews").string()}, {}, got.sink());
    REQUIRE(got.articles.size() == 171 + 124);
    const corpus::LanguageDetector detector;
    std::size_t english = 0;
    for (const auto& a : got.articles) english += detector.detect(a.title, a.body) == "en";
    CHECK(english == got.articles.size());
}
