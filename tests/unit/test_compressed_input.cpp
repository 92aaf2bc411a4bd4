/// @file test_compressed_input.cpp
/// @brief Compressed files and archives written at test time with libarchive, then read back.
#include <archive.h>

#include <catch2/catch.hpp>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "corpus/readers/compressed_input.hpp"
#include "corpus/readers/input_reader.hpp"
#include "support/archive_writer.hpp"
#include "support/article_collector.hpp"
#include "support/test_support.hpp"

using namespace newsdex;
using namespace newsdex::corpus;
using newsdex::test::ArticleCollector;
using newsdex::test::write_fixture;
namespace fs = std::filesystem;

namespace {

/// `count` JSON Lines articles with bodies that compress poorly (so a cut lands mid-stream).
std::string jsonl_articles(int count) {
    std::string text;
    std::uint32_t state = 12345;
    for (int k = 1; k <= count; ++k) {
        std::string body;
        for (int w = 0; w < 12; ++w) {
            state = state * 1664525u + 1013904223u;
            body += " w" + std::to_string(state >> 8);
        }
        text += R"({"id":"n)" + std::to_string(k) + R"(","title":"Item )" + std::to_string(k) +
                R"(","body":")" + body + "\"}\n";
    }
    return text;
}

ArticleCollector read_path(const fs::path& path, const ReadOptions& options = {}) {
    ArticleCollector got;
    read_inputs({path.string()}, options, got.sink());
    return got;
}

}  // namespace

TEST_CASE("Single compressed files are read as the format their inner name says", "[compressed]") {
    const auto dir = newsdex::test::fresh_dir("compressed_single");
    const std::vector<std::pair<int, std::string>> filters = {{ARCHIVE_FILTER_GZIP, ".gz"},
                                                              {ARCHIVE_FILTER_BZIP2, ".bz2"},
                                                              {ARCHIVE_FILTER_XZ, ".xz"},
                                                              {ARCHIVE_FILTER_ZSTD, ".zst"}};
    for (const auto& [filter, suffix] : filters) {
        INFO(suffix);
        const auto file = dir / ("feed.jsonl" + suffix);
        write_fixture(file, filter, false, {{"data", jsonl_articles(3)}});
        const auto got = read_path(file);
        CHECK(got.problems.empty());
        REQUIRE(got.articles.size() == 3);
        CHECK(got.articles[2].id == "n3");
        CHECK(got.articles[0].origin_file == file.string());
    }
    // A plain-text article keeps the labels it would have uncompressed.
    const auto text = dir / "gazette" / "farming" / "017.txt.gz";
    fs::create_directories(text.parent_path());
    write_fixture(text, ARCHIVE_FILTER_GZIP, false, {{"data", "Orchard news\n\nApples.\n"}});
    const auto got = read_path(dir);
    REQUIRE(got.articles.size() == 4 * 3 + 1);
    CHECK(got.articles.back().id == "gazette/farming/017");
    CHECK(got.articles.back().categories == std::vector<std::string>{"farming"});
}

TEST_CASE("Archive members are read as files of their own", "[compressed]") {
    const auto dir = newsdex::test::fresh_dir("compressed_tar");
    const std::int64_t june_4_noon = 1749038400;  // 2025-06-04T12:00:00Z
    const auto inner = dir / "inner.jsonl.gz";
    write_fixture(inner, ARCHIVE_FILTER_XZ, false, {{"data", jsonl_articles(2)}});
    std::ifstream nested_in(inner, std::ios::binary);
    std::ostringstream nested;
    nested << nested_in.rdbuf();
    const auto file = dir / "news.tar.gz";
    write_fixture(file, ARCHIVE_FILTER_GZIP, true,
                  {{"feeds/a.jsonl", jsonl_articles(2) + "{broken\n"},
                   {"bbc/business/001.txt", "Profits up\n\nShares rose.\n"},
                   {"pages/front.txt",
                    "Main title\nMain text.\nRelated Articles\nHub\n17 minutes ago\n- Hub\n"
                    "Teaser title\nTeaser text.\n",
                    june_4_noon},
                   {"feeds/older.jsonl.xz", nested.str()},
                   {"README.md", "# not an article\n"},
                   {".git/x.jsonl", jsonl_articles(1)}});
    const auto got = read_path(file);
    REQUIRE(got.problems.size() == 1);
    CHECK(got.problems[0].file() == file.string() + ":feeds/a.jsonl");
    CHECK(got.problems[0].line() == 3);
    REQUIRE(got.articles.size() == 2 + 1 + 2 + 2);
    CHECK(got.articles[2].id == "bbc/business/001");  // as if unpacked
    CHECK(got.articles[2].source == "bbc");
    CHECK(got.articles[3].id == "news/pages/front#1");
    REQUIRE(got.articles[4].date);
    CHECK(format_iso(*got.articles[4].date) == "2025-06-04T11:43:00Z");  // member's time
    CHECK(got.articles[4].source == "Hub");
    CHECK(got.articles[6].origin_file == file.string() + ":feeds/older.jsonl.xz");

    for (const auto& [name, inner_name] :
         std::vector<std::pair<std::string, std::string>>{{"a.jsonl.gz", "a.jsonl"},
                                                          {"x/a.TGZ", "x/a.tar"},
                                                          {"a.tar.zst", "a.tar"},
                                                          {"a.jsonl", "a.jsonl"}}) {
        CHECK(strip_compression_suffix(name) == inner_name);
    }
    CHECK(is_compressed("feed", "\x1f\x8b\x08"));
    CHECK(is_compressed("dump.tar", ""));
    CHECK_FALSE(is_compressed("feed.jsonl", "{\"id\": 1}"));
}

TEST_CASE("A truncated compressed file is one problem; what came before is kept", "[compressed]") {
    const auto dir = newsdex::test::fresh_dir("compressed_truncated");
    const int total = 4000;
    for (const auto& [filter, name] : std::vector<std::pair<int, std::string>>{
             {ARCHIVE_FILTER_GZIP, "cut.jsonl.gz"}, {ARCHIVE_FILTER_ZSTD, "cut.tar.zst"}}) {
        INFO(name);
        const auto file = dir / name;
        write_fixture(file, filter, name.find(".tar") != std::string::npos,
                      {{"feed.jsonl", jsonl_articles(total)}});
        fs::resize_file(file, fs::file_size(file) / 2);
        const auto got = read_path(file);
        REQUIRE(got.problems.size() == 1);
        const ParseError& problem = got.problems[0];
        CHECK(problem.reason().starts_with("compressed data ends early or is corrupt: "));
        CHECK(problem.file().starts_with(file.string()));
        // Every complete line before the cut became an article; the cut-off one is reported
        // only through the truncation.
        CHECK(got.articles.size() > 0);
        CHECK(got.articles.size() < total);
        CHECK(got.articles.size() == problem.line() - 1);
    }
    const auto bogus = dir / "bogus.jsonl.gz";
    newsdex::test::write_file(bogus, "{\"id\": \"plain, not gzip\"}\n");
    const auto got = read_path(bogus);
    CHECK(got.articles.empty());
    REQUIRE(got.problems.size() == 1);
    CHECK(got.problems[0].reason().starts_with("not compressed"));
}
