/// @file test_failed_commit.cpp
/// @brief What newsdex-index says and removes when Xapian cannot unwind a failed commit.
#include <xapian.h>

#include <catch2/catch.hpp>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "indexer/failed_commit.hpp"
#include "support/test_support.hpp"

namespace fs = std::filesystem;
using newsdex::indexer::FailedCommit;
using newsdex::indexer::ScratchFolder;

namespace {

std::exception_ptr write_error() {
    return std::make_exception_ptr(Xapian::DatabaseError("Error writing block 106", ENOSPC));
}

}  // namespace

TEST_CASE("A failed commit is described with its cause and what the last commit holds",
          "[failed-commit]") {
    const fs::path dir = newsdex::test::fresh_dir("failed-commit-index");
    {
        Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE_OR_OVERWRITE);
        for (int i = 0; i < 3; ++i) db.add_document(Xapian::Document());
        db.commit();
        db.begin_transaction();  // as BatchWriter: a write that fails is never committed
        db.add_document(Xapian::Document());
    }
    const auto message = FailedCommit::describe(dir.string(), write_error());
    REQUIRE(message);
    CHECK(*message == "cannot write to index " + dir.string() +
                          ": No space left on device (Error writing block 106); it still "
                          "holds the 3 documents of its last commit");

    const auto unopenable = FailedCommit::describe((dir / "missing").string(), write_error());
    REQUIRE(unopenable);
    CHECK(unopenable->find("; it cannot be opened to count what it holds (") != std::string::npos);

    // Only Xapian's errors are ours to describe; anything else aborts as before.
    CHECK_FALSE(FailedCommit::describe(dir.string(), std::make_exception_ptr(std::bad_alloc())));
    CHECK_FALSE(FailedCommit::describe(dir.string(), nullptr));
}

TEST_CASE("Scratch folders alive are removed, finished ones are left alone", "[failed-commit]") {
    const fs::path base = newsdex::test::fresh_dir("failed-commit-scratch");
    const fs::path kept = base / "released.segments";
    {
        ScratchFolder released(kept);
        fs::create_directories(kept / "lane-0");
    }
    const fs::path live = base / "index.segments";
    ScratchFolder scratch(live);
    fs::create_directories(live / "lane-0" / "segment-0");
    std::ofstream(live / "lane-0" / "segment-0" / "postlist.glass") << "blocks";

    FailedCommit::remove_scratch_folders();
    CHECK_FALSE(fs::exists(live));
    CHECK(fs::exists(kept / "lane-0"));  // unregistered when its ScratchFolder ended
}
