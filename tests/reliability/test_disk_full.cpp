/// @file test_disk_full.cpp
/// @brief A full disk (small tmpfs) or a file size limit while indexing: clear error, last
/// commit intact and searchable.
#include <sched.h>
#include <simdjson.h>
#include <sys/mount.h>

#include <catch2/catch.hpp>
#include <cerrno>
#include <chrono>
#include <cstring>

#include "reliability/index_probe.hpp"
#include "support/child_process.hpp"

namespace fs = std::filesystem;
using namespace newsdex::test;
using namespace std::chrono_literals;

namespace {

// Mounts an 8 MiB tmpfs on `dir` inside a mount namespace of this test process's own, so
// nothing else on the machine sees it. False where that is not permitted (not root, no
// CAP_SYS_ADMIN, threads running).
bool mount_small_tmpfs(const fs::path& dir) {
    return ::unshare(CLONE_NEWNS) == 0 &&
           ::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) == 0 &&
           ::mount("tmpfs", dir.c_str(), "tmpfs", 0, "size=8m") == 0;
}

// Indexes all of Reuters into `index` where writing must fail with `error`; checks the message
// and that the last commit opens, passes xapian-check and is what newsdex-search sees.
void check_write_failure(const fs::path& index, int error, const ChildOptions& options) {
    // The logs go beside the folder the index is in: stderr on the full disk would be lost.
    ChildProcess run(index_reuters_command(index),
                     index.parent_path().parent_path() / "disk-full-run", options);
    REQUIRE(run.wait_for(600s));
    const std::string err = run.err();
    WARN("exit " << run.exit_code() << ", stderr: " << err);
    CHECK(run.exit_code() == 1);
    CHECK(err.find("newsdex-index: cannot write to index " + index.string() + ": " +
                   std::strerror(error)) == 0);

    const auto count = open_and_count(index).doc_count;
    REQUIRE(count);
    CHECK(*count > 0);  // else the limit is too small to show that a commit survives
    CHECK(is_commit_state(*count));
    CHECK(err.find("it still holds the " + std::to_string(*count) + " documents") !=
          std::string::npos);
    CHECK(xapian_check(index).exit_code == 0);
    CHECK(reuters_id_problems(index, *count).empty());

    const auto search = run_command({search_program(), "-d", index.string(), "--json", "oil"});
    REQUIRE(search.exit_code == 0);
    simdjson::dom::parser parser;
    CHECK(parser.parse(search.out)["total"].get_uint64().value() > 0);
}

// Builds all of Reuters as a new index in segments into `index` where writing must fail with
// `error`: the message names the cause, the index is as it was (new and empty) and nothing is
// left beside it.
void check_segmented_write_failure(const fs::path& index, int error, const ChildOptions& options) {
    ChildProcess run(segmented_reuters_command(index),
                     index.parent_path().parent_path() / "disk-full-segmented-run", options);
    REQUIRE(run.wait_for(600s));
    const std::string err = run.err();
    WARN("built in segments: exit " << run.exit_code() << ", stderr: " << err);
    CHECK(run.exit_code() == 1);
    CHECK(err.find("newsdex-index: cannot ") == 0);
    CHECK(err.find(std::strerror(error)) != std::string::npos);
    CHECK(err.find("it still holds the 0 documents of its last commit") != std::string::npos);
    CHECK(open_and_count(index).doc_count == 0u);
    CHECK(xapian_check(index).exit_code == 0);
    CHECK(leftovers_beside(index).empty());
}

}  // namespace

TEST_CASE("A full disk stops indexing with the cause named; the last commit stays", "[disk]") {
    const fs::path mount_point = fresh_dir("disk-full-tmpfs");
    if (mount_small_tmpfs(mount_point)) {
        WARN("disk full: an 8 MiB tmpfs (ENOSPC)");
        check_write_failure(mount_point / "index", ENOSPC, indexer_options());
        std::error_code ignored;
        fs::remove_all(mount_point / "index", ignored);
        check_segmented_write_failure(mount_point / "segmented", ENOSPC, indexer_options());
        ::umount(mount_point.c_str());
    } else {
        WARN("disk full: no tmpfs mount allowed here (" << std::strerror(errno)
                                                        << "); only the file size limit");
    }
    // Everywhere: a file size limit (RLIMIT_FSIZE, as `ulimit -f`), which fails with EFBIG.
    WARN("file size limit: 6 MiB per file (EFBIG)");
    ChildOptions limited = indexer_options();
    limited.file_size_limit = 6ul << 20;
    check_write_failure(fresh_dir("disk-full-fsize") / "index", EFBIG, limited);
    check_segmented_write_failure(fresh_dir("disk-full-fsize-segmented") / "index", EFBIG, limited);
}
