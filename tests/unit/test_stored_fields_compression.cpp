/// @file test_stored_fields_compression.cpp
/// @brief Stored fields compressed with a dictionary trained on Reuters stories round-trip,
/// take less room than each record deflated alone, and are refused with another dictionary.
#include <zlib.h>

#include <catch2/catch.hpp>
#include <fstream>

#include "common/error.hpp"
#include "common/stored_fields.hpp"
#include "common/stored_fields_compression.hpp"
#include "corpus/readers/reuters_reader.hpp"
#include "support/article_collector.hpp"
#include "support/test_support.hpp"

using namespace newsdex;

namespace {

/// The plain records of the 1,000 stories of one Reuters file.
std::vector<std::string> reuters_records(const std::string& file) {
    test::ArticleCollector got;
    std::ifstream in(test::reuters_dir() / file, std::ios::binary);
    REQUIRE(in);
    corpus::read_reuters(in, file, {}, got.sink());
    std::vector<std::string> records;
    for (const auto& article : got.articles)
        records.push_back(StoredFields::from_article(article).encode());
    return records;
}

/// What Xapian's glass backend stores for a record it deflates alone (raw deflate, default
/// level), or the record when that is no smaller.
std::size_t deflated_size(const std::string& record) {
    z_stream stream{};
    REQUIRE(deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY) ==
            Z_OK);
    std::string out(deflateBound(&stream, record.size()), '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(record.data()));
    stream.avail_in = static_cast<uInt>(record.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    REQUIRE(deflate(&stream, Z_FINISH) == Z_STREAM_END);
    const std::size_t size = stream.total_out;
    deflateEnd(&stream);
    return std::min(size, record.size());
}

}  // namespace

TEST_CASE("a dictionary trained on one Reuters file compresses another's stories",
          "[stored][corpus]") {
    const auto samples = reuters_records("reut2-000.sgm");
    const auto dictionary = StoredFieldsCompression::train(samples);
    REQUIRE(dictionary);
    StoredFieldsCompression compression(*dictionary);

    std::size_t compressed_bytes = 0, deflated_bytes = 0;
    std::string buffer;
    for (const auto& record : reuters_records("reut2-001.sgm")) {
        const std::string compressed = compression.compress(record);
        CHECK(StoredFieldsCompression::is_compressed(compressed));
        CHECK_FALSE(StoredFieldsCompression::is_compressed(record));
        REQUIRE(compression.expand(compressed, buffer) == record);
        compressed_bytes += compressed.size();
        deflated_bytes += deflated_size(record);
    }
    // Measured: about 0.7 of the deflated size; a third less is the point of the dictionary.
    CHECK(compressed_bytes * 4 < deflated_bytes * 3);

    // A plain record passes through; it still decodes as before.
    const std::string plain = samples.front();
    CHECK(compression.expand(plain, buffer).data() == plain.data());
    CHECK(StoredFields::decode(compression.expand(plain, buffer)).id == "reuters-1");
}

TEST_CASE("compressed stored fields are refused by another dictionary or cut short",
          "[stored][corpus]") {
    const auto first = reuters_records("reut2-000.sgm");
    const auto second = reuters_records("reut2-002.sgm");
    StoredFieldsCompression one(*StoredFieldsCompression::train(first));
    StoredFieldsCompression other(*StoredFieldsCompression::train(second));
    const std::string compressed = one.compress(second.front());
    std::string buffer;
    CHECK_THROWS_AS(other.expand(compressed, buffer), IndexError);
    CHECK_THROWS_AS(one.expand(compressed.substr(0, compressed.size() - 3), buffer), IndexError);
    // Plain StoredFields::decode does not guess: a compressed record is not its format.
    CHECK_THROWS_AS(StoredFields::decode(compressed), IndexError);
    CHECK_THROWS_AS(StoredFieldsCompression("not a dictionary"), IndexError);
}

TEST_CASE("too few records train no dictionary", "[stored][corpus]") {
    auto records = reuters_records("reut2-000.sgm");
    records.resize(20);
    CHECK_FALSE(StoredFieldsCompression::train(records));
}
