/// @file test_stored_fields.cpp
/// @brief Stored fields survive encode/decode; foreign document data is rejected.
#include <catch2/catch.hpp>

#include "common/error.hpp"
#include "common/stored_fields.hpp"

using namespace newsdex;

TEST_CASE("stored fields round-trip through document data", "[stored]") {
    Article article;
    article.id = "sample-7";
    article.title = "Rail strike ends";
    article.body = std::string(70000, 'x') + " long body with UTF-8: Zürich";
    article.source = "Harbour Gazette";
    article.url = "https://example.org/7";
    article.date = Timestamp{1716192000, true};
    article.entities = {{EntityType::place, "Zürich", EntityOrigin::given},
                        {EntityType::person, "Ana Ruiz", EntityOrigin::extracted}};
    article.categories = {"transport", "economy"};

    const auto fields = StoredFields::from_article(article);
    const auto back = StoredFields::decode(fields.encode());
    CHECK(back.id == article.id);
    CHECK(back.title == article.title);
    CHECK(back.body == article.body);
    CHECK(back.source == article.source);
    CHECK(back.url == article.url);
    CHECK(back.date == "2024-05-20T08:00:00Z");
    CHECK_FALSE(back.date_inferred);
    CHECK(back.entities == article.entities);
    CHECK(back.categories == article.categories);

    article.date_inferred = true;  // e.g. "June 3" on a scraped page, the year from context
    CHECK(StoredFields::decode(StoredFields::from_article(article).encode()).date_inferred);
    article.date.reset();  // nothing inferred without a date
    CHECK_FALSE(StoredFields::decode(StoredFields::from_article(article).encode()).date_inferred);
}

TEST_CASE("skipping the body decodes every other field the same", "[stored]") {
    Article article;
    article.id = "sample-8";
    article.title = "Port reopens";
    article.body = "The port reopened on Monday after a week of storms.";
    article.source = "Harbour Gazette";
    article.date = Timestamp{1716192000, true};
    article.entities = {{EntityType::org, "Port Authority", EntityOrigin::extracted}};
    article.categories = {"transport"};
    article.date_inferred = true;
    const std::string data = StoredFields::from_article(article).encode();
    const auto whole = StoredFields::decode(data);
    const auto skipped = StoredFields::decode(data, StoredFields::Body::skip);
    CHECK(whole.body == article.body);
    CHECK(skipped.body.empty());
    CHECK(skipped.id == whole.id);
    CHECK(skipped.title == whole.title);
    CHECK(skipped.source == whole.source);
    CHECK(skipped.date == whole.date);
    CHECK(skipped.date_inferred);
    CHECK(skipped.entities == whole.entities);
    CHECK(skipped.categories == whole.categories);
    // A body cut short is still an error, even when it is not copied.
    CHECK_THROWS_AS(
        StoredFields::decode(data.substr(0, data.size() - 30), StoredFields::Body::skip),
        IndexError);
}

TEST_CASE("document data written before the flags byte still decodes", "[stored]") {
    Article article;
    article.id = "old-1";
    article.title = "Written by an older newsdex";
    article.date = Timestamp{1716192000, false};
    std::string data = StoredFields::from_article(article).encode();
    data.pop_back();  // the flags byte, the last one
    const auto back = StoredFields::decode(data);
    CHECK(back.title == article.title);
    CHECK(back.date == "2024-05-20");
    CHECK_FALSE(back.date_inferred);
}

TEST_CASE("document data that is not ours is an IndexError", "[stored]") {
    CHECK_THROWS_AS(StoredFields::decode(""), IndexError);
    CHECK_THROWS_AS(StoredFields::decode("plain text data"), IndexError);
    Article article;
    article.id = "a";
    article.title = "t";
    std::string truncated = StoredFields::from_article(article).encode();
    truncated.resize(4);  // version, id "a", then the title's length without its byte
    CHECK_THROWS_AS(StoredFields::decode(truncated), IndexError);
}
