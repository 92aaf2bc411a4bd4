/// @file test_progress.cpp
/// @brief The indexer's progress: bytes of the inputs measured and read (InputProgress), and
/// the line drawn from them.
#include <catch2/catch.hpp>
#include <fstream>

#include "corpus/readers/input_reader.hpp"
#include "indexer/progress_line.hpp"
#include "support/test_support.hpp"

using newsdex::corpus::InputProgress;
using newsdex::indexer::IndexProgress;
using newsdex::indexer::progress_line;
namespace fs = std::filesystem;

TEST_CASE("the progress line shows the share, sizes, rates and time left, cut to a width",
          "[unit]") {
    IndexProgress p;
    p.documents = 8000;
    p.seconds = 4;
    p.bytes_read = 12'400'000;
    p.total_bytes = 33'200'000;
    p.current_file = "data/reut2-004.sgm";
    // 3.1 MB/s, 20.8 MB left: 6.7 s.
    CHECK(progress_line(p, 200) ==
          "37% of 33.2 MB, 8,000 docs, 2,000 docs/s, 3.1 MB/s, ETA 0:07, data/reut2-004.sgm");
    CHECK(progress_line(p, 70) ==
          "37% of 33.2 MB, 8,000 docs, 2,000 docs/s, 3.1 MB/s, ETA 0:07, ...4.sgm");
    CHECK(progress_line(p, 45) == "37% of 33.2 MB, 8,000 docs, 2,000 docs/s");

    // Standard input: no total, so no share and no time left.
    p.total_bytes = 0;
    p.current_file = "-";
    CHECK(progress_line(p, 200) == "12.4 MB read, 8,000 docs, 2,000 docs/s, 3.1 MB/s, -");

    // Hours, and a file name cut on a character boundary.
    p.total_bytes = 40'000'000'000;
    p.current_file = "archives/é.jsonl";
    const std::string line = progress_line(p, 82);
    CHECK(line.starts_with("0% of 40.0 GB, 8,000 docs, 2,000 docs/s, 3.1 MB/s, ETA 3:34:"));
    CHECK(line.ends_with(".jsonl"));
}

TEST_CASE("InputProgress measures a folder's files and counts each as it is read", "[unit]") {
    const fs::path dir = newsdex::test::fresh_dir("input-progress");
    std::string lines;
    for (int i = 0; i < 300; ++i)
        lines += R"({"id": "a-)" + std::to_string(i) + R"(", "title": "Story )" +
                 std::to_string(i) + R"(", "body": "Words of the story."})" + "\n";
    std::ofstream(dir / "a.jsonl") << lines;
    std::ofstream(dir / "b.jsonl") << lines.substr(0, lines.find('\n') + 1);
    std::ofstream(dir / "README") << "not an input: passed over, but counted as read\n";
    fs::create_directory(dir / ".hidden");
    std::ofstream(dir / ".hidden" / "c.jsonl") << lines;  // never read, never counted
    const std::uint64_t expected = fs::file_size(dir / "a.jsonl") + fs::file_size(dir / "b.jsonl") +
                                   fs::file_size(dir / "README");

    InputProgress progress;
    newsdex::corpus::ReadOptions options;
    options.progress = &progress;
    std::vector<std::uint64_t> seen;
    std::vector<std::string> files;
    newsdex::corpus::ArticleSink sink;
    sink.on_article = [&](newsdex::Article&&) {
        seen.push_back(progress.bytes_read());
        files.push_back(progress.current_file());
    };
    sink.on_problem = [](const newsdex::ParseError& e) { FAIL(e.what()); };
    newsdex::corpus::read_inputs({dir.string()}, options, sink);

    CHECK(progress.total_bytes() == expected);
    CHECK(progress.bytes_read() == expected);
    CHECK(progress.current_file().empty());
    REQUIRE(seen.size() == 301);
    CHECK(std::is_sorted(seen.begin(), seen.end()));
    CHECK(seen.front() > 0);  // a.jsonl's first buffer was taken
    CHECK(seen.front() <= fs::file_size(dir / "a.jsonl"));
    CHECK(files.front() == (dir / "a.jsonl").string());
    CHECK(files.back() == (dir / "b.jsonl").string());

    // Standard input among the inputs: the whole is unknown.
    CHECK(newsdex::corpus::input_bytes({dir.string(), "-"}) == 0);
}
