/// @file test_concurrency.cpp
/// @brief Searching while newsdex-index writes, and a second writer on a locked index.
#include <simdjson.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <set>
#include <thread>

#include "reliability/index_probe.hpp"
#include "support/child_process.hpp"

namespace fs = std::filesystem;
using namespace newsdex::test;
using namespace std::chrono_literals;

namespace {

// What one searching loop saw. Filled by its thread, checked by the test's thread (Catch2's
// assertions are not thread-safe).
struct SearchLog {
    int runs = 0;
    std::vector<std::string> problems;
    std::set<std::uint64_t> totals;
};

// One answer of `newsdex-search --json --facets source`: its total, after checking that the
// source facet counts the same matches (both come from one revision of the index).
std::optional<std::uint64_t> parse_total(const std::string& json, std::string& problem) {
    simdjson::dom::parser parser;
    simdjson::dom::element doc;
    std::uint64_t total = 0, facet_sum = 0;
    simdjson::dom::array sources;
    if (parser.parse(json).get(doc) || doc["total"].get_uint64().get(total) ||
        doc["facets"]["source"].get_array().get(sources)) {
        problem = "unparsable answer: " + json.substr(0, 200);
        return std::nullopt;
    }
    for (simdjson::dom::element value : sources) facet_sum += value["count"].get_uint64().value();
    if (facet_sum != total)
        problem = "source facet counts " + std::to_string(facet_sum) + " of " +
                  std::to_string(total) + " matches";
    return total;
}

// Searches `dir` for everything, over and over until `done`, recording every answer.
void search_loop(const fs::path& dir, int id, const std::atomic<bool>& done, SearchLog& log) {
    const fs::path prefix = dir.parent_path() / ("concurrent-search-" + std::to_string(id));
    std::uint64_t last = 0;
    while (!done) {
        ChildProcess search(
            {search_program(), "-d", dir.string(), "--json", "--facets", "source", "-n", "3"},
            prefix);
        if (!search.wait_for(120s)) {
            log.problems.push_back("a search did not end within 120 s");
            return;
        }
        ++log.runs;
        if (search.exit_code() != 0) {
            log.problems.push_back("exit " + std::to_string(search.exit_code()) + ": " +
                                   search.err());
            continue;
        }
        std::string problem;
        const auto total = parse_total(search.out(), problem);
        if (total && !is_commit_state(*total))
            problem += " total " + std::to_string(*total) + " is no committed state";
        if (total && *total < last)
            problem +=
                " total went down from " + std::to_string(last) + " to " + std::to_string(*total);
        if (!problem.empty()) log.problems.push_back(problem);
        if (total) log.totals.insert(last = std::max(last, *total));
    }
}

// Runs three searchers in a loop while `build` writes `dir`: none fails, and each total is a
// state some commit of the build leaves, never going down.
void check_searches_during(const std::vector<std::string>& build, const fs::path& dir) {
    ChildProcess writer(build, dir.parent_path() / (dir.filename().string() + "-writer"),
                        indexer_options());
    // The searchers start once the writer has created the index (before: "does not exist").
    REQUIRE(wait_until([&] { return open_and_count(dir).doc_count.has_value(); }, 120s));

    std::atomic<bool> done{false};
    std::vector<SearchLog> logs(3);
    std::vector<std::thread> searchers;
    for (int i = 0; i < 3; ++i)
        searchers.emplace_back(search_loop, dir, i, std::cref(done), std::ref(logs[i]));
    const bool writer_ended = writer.wait_for(900s);
    done = true;
    for (auto& searcher : searchers) searcher.join();
    REQUIRE(writer_ended);
    CHECK(writer.exit_code() == 0);

    for (std::size_t i = 0; i < logs.size(); ++i) {
        std::string totals;
        for (auto total : logs[i].totals) totals += std::to_string(total) + " ";
        WARN("searcher " << i << ": " << logs[i].runs << " searches, " << logs[i].problems.size()
                         << " problems; distinct totals: " << totals);
        CHECK(logs[i].runs > 0);
        for (const auto& problem : logs[i].problems) FAIL_CHECK(problem);
    }
    CHECK(open_and_count(dir).doc_count == reuters_count);
}

}  // namespace

TEST_CASE("Searches during a build never fail and always see a committed state", "[concurrency]") {
    const fs::path dir = fresh_dir("concurrent-index");
    check_searches_during(index_reuters_command(dir), dir);
}

TEST_CASE("Searches during a build in segments see it empty, then whole, and never fail",
          "[concurrency][segments]") {
    // The merged segments take the index's place by one folder swap, which a search opening
    // the index at that moment must survive.
    const fs::path dir = fresh_dir("concurrent-segments");
    check_searches_during(segmented_reuters_command(dir), dir);
}

TEST_CASE("A second writer is refused with a clear message, or waits with --wait-lock", "[lock]") {
    const fs::path dir = fresh_dir("lock-index");
    ChildProcess first(index_files_command(dir, 0, 6), dir.parent_path() / "lock-first",
                       indexer_options());
    // Once it has committed, the first writer surely holds the lock.
    REQUIRE(wait_until([&] { return open_and_count(dir).doc_count >= 1000u; }, 600s));

    const auto second = index_files_command(dir, 6, 7);
    const auto refused = run_command(second);
    const std::string locked =
        "newsdex-index: index " + dir.string() + " is locked by another writer";
    WARN("second writer: exit " << refused.exit_code << ", stderr: " << refused.err);
    CHECK(refused.exit_code == 1);
    CHECK(refused.err == locked + "\n");

    auto short_wait = second;
    short_wait.insert(short_wait.end(), {"--wait-lock", "0.3"});
    const auto gave_up = run_command(short_wait);
    WARN("--wait-lock 0.3: exit " << gave_up.exit_code << ", stderr: " << gave_up.err);
    CHECK(gave_up.exit_code == 1);
    CHECK(gave_up.err == locked + " (waited 0.3 s)\n");

    auto long_wait = second;
    long_wait.insert(long_wait.end(), {"--wait-lock", "120"});
    ChildProcess waiter(long_wait, dir.parent_path() / "lock-waiter", indexer_options());
    REQUIRE_FALSE(first.finished());  // else nothing above was tested against a held lock
    REQUIRE(first.wait_for(600s));
    CHECK(first.exit_code() == 0);
    CHECK_FALSE(waiter.finished());  // it cannot have indexed anything while the lock was held
    REQUIRE(waiter.wait_for(600s));
    INFO(waiter.err());
    CHECK(waiter.exit_code() == 0);
    CHECK(open_and_count(dir).doc_count == 7 * test_batch);
    CHECK(reuters_id_problems(dir, 7 * test_batch).empty());
}
