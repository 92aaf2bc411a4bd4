/// @file test_index_swap.cpp
/// @brief Searchers across the indexer's folder swap: opens and reopens that straddle it.
#include <fcntl.h>  // AT_FDCWD
#include <xapian.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>  // renameat2
#include <cstring>
#include <functional>
#include <optional>
#include <set>
#include <thread>

#include "indexer/index_run.hpp"
#include "searcher/searcher.hpp"
#include "support/test_support.hpp"

using namespace newsdex;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

fs::path build_index(const std::string& name, const std::vector<const char*>& files) {
    indexer::IndexOptions options;
    options.index_dir = test::fresh_dir(name).string();
    std::vector<std::string> inputs;
    for (const char* file : files) inputs.push_back((test::reuters_dir() / file).string());
    (void)indexer::index_inputs(inputs, options, {});
    return options.index_dir;
}

/// A copy of the index in `source` as a new folder `target`: hard links, the files stay the same.
void link_copy(const fs::path& source, const fs::path& target) {
    fs::create_directory(target);
    for (const auto& file : fs::directory_iterator(source))
        fs::create_hard_link(file.path(), target / file.path().filename());
}

/// Puts a copy of `source` (as the new folder `copy`) in place of `dir` as the indexer puts a new
/// index there, by one RENAME_EXCHANGE; the folder it replaced is left at `copy`. Returns what
/// failed, if anything.
std::string swap_in_copy_of(const fs::path& source, const fs::path& copy, const fs::path& dir) {
    link_copy(source, copy);
    if (renameat2(AT_FDCWD, copy.c_str(), AT_FDCWD, dir.c_str(), RENAME_EXCHANGE) != 0)
        return std::string("renameat2: ") + std::strerror(errno);
    return {};
}

searcher::SearchRequest oil_by_source() {
    searcher::SearchRequest request;
    request.query = "oil";
    request.limit = 3;  // hits decode stored fields: through the dictionary of the index read
    request.facets = {"source"};
    return request;
}

/// What one searching thread saw (Catch2's assertions are not thread-safe).
struct SearchLog {
    int searches = 0;
    std::set<std::uint64_t> totals;
    std::vector<std::string> failures;
};

void note(SearchLog& log, const std::function<searcher::SearchResult()>& search) {
    try {
        const auto result = search();
        log.totals.insert(result.total);
        ++log.searches;
    } catch (const std::exception& e) {
        log.failures.push_back(e.what());
    } catch (const Xapian::Error& e) {
        log.failures.push_back(e.get_description());
    }
}

}  // namespace

TEST_CASE("searchers survive the index folder being swapped under them", "[reuters][swap]") {
    // Two indexes of other stories, each with its own stored-fields dictionary.
    const fs::path first = build_index("swap-first", {"reut2-003.sgm", "reut2-004.sgm"});
    const fs::path second =
        build_index("swap-second", {"reut2-005.sgm", "reut2-006.sgm", "reut2-007.sgm"});
    const std::uint64_t first_total =
        searcher::Searcher(first.string()).search(oil_by_source()).total;
    const std::uint64_t second_total =
        searcher::Searcher(second.string()).search(oil_by_source()).total;
    REQUIRE(first_total != second_total);

    const fs::path dir = test::fresh_dir("swapped");
    fs::remove(dir);
    link_copy(first, dir);
    constexpr int swaps = 150;
    const auto copy_path = [&](int swap) { return dir.string() + ".copy-" + std::to_string(swap); };
    for (int swap = 0; swap < swaps; ++swap) fs::remove_all(copy_path(swap));  // a failed run's

    // The swaps come 10 ms apart, so that an open seldom straddles two in a row (as an indexer
    // run swaps once), but many opens straddle one: about as many as at 3 ms apart, since the
    // searches go on throughout. In loaded sanitizer runs at 3 ms, an open took up to 4 tries.
    std::atomic<bool> done{false};
    std::vector<std::string> swap_failures;
    // Each copy is a new folder, as each indexer run's is. The replaced folders stay until the
    // end: deleted at once, a folder no search holds a file of gives its inode number to the
    // next copy, so an open straddling two swaps (slow in a loaded sanitizer run) could find the
    // path's identity unchanged. Between an indexer run's deletion and its next swap lies a build.
    std::thread swapper([&] {
        for (int swap = 0; swap < swaps; ++swap) {
            const std::string failure =
                swap_in_copy_of(swap % 2 ? first : second, copy_path(swap), dir);
            if (!failure.empty()) swap_failures.push_back(failure);
            std::this_thread::sleep_for(10ms);
        }
        done = true;
    });
    SearchLog fresh;     // a new Searcher per search, as newsdex-search runs
    SearchLog reopened;  // one Searcher with its caches, reopened before each search
    std::thread reopener([&] {
        std::optional<searcher::Searcher> searcher;
        while (!done)
            note(reopened, [&] {
                if (!searcher) {
                    searcher.emplace(dir.string());
                    searcher->use_caches(true);
                }
                searcher->reopen();
                return searcher->search(oil_by_source());
            });
    });
    while (!done)
        note(fresh, [&] { return searcher::Searcher(dir.string()).search(oil_by_source()); });
    swapper.join();
    reopener.join();
    for (int swap = 0; swap < swaps; ++swap) fs::remove_all(copy_path(swap));

    CHECK(swap_failures.empty());
    for (const SearchLog* log : {&fresh, &reopened}) {
        INFO(log->searches << " searches");
        for (const auto& failure : log->failures) FAIL_CHECK(failure);
        CHECK(log->totals == std::set<std::uint64_t>{first_total, second_total});
    }
}
