/// @file index_probe.hpp
/// @brief Checks of an on-disk index made from outside its writer: open, count, ids, xapian-check.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "support/child_process.hpp"
#include "support/test_support.hpp"

namespace newsdex::test {

/// Reuters-21578 as newsdex indexes it: ids reuters-1 .. reuters-21578, in that order.
inline constexpr std::uint64_t reuters_count = 21578;
/// The --batch-size the reliability tests index with, so that commits are frequent.
inline constexpr std::uint64_t test_batch = 1000;

/// Whether `count` documents is a state some commit of a Reuters run can leave behind.
[[nodiscard]] inline bool is_commit_state(std::uint64_t count) {
    return count % test_batch == 0 || count == reuters_count;
}

/// newsdex-index over all of Reuters into `dir` with --batch-size test_batch, then `extra`:
/// written directly, in committed batches (--segment-size 0), so that every commit a run makes
/// can be seen and checked.
[[nodiscard]] std::vector<std::string> index_reuters_command(
    const std::filesystem::path& dir, const std::vector<std::string>& extra = {});

/// newsdex-index building all of Reuters into `dir` as a new index in segments of 2,000
/// documents on two threads, merged at the end.
[[nodiscard]] std::vector<std::string> segmented_reuters_command(const std::filesystem::path& dir);

/// Whether a segmented build into `dir` has started writing its second segment on one thread.
[[nodiscard]] bool second_segment_started(const std::filesystem::path& dir);

/// The folders a build writes beside `dir` ("DIR.segments", "DIR.compacting") that exist.
[[nodiscard]] std::vector<std::string> leftovers_beside(const std::filesystem::path& dir);

/// The Reuters files in the order newsdex reads a folder (sorted): 1000 articles each, but
/// the last, so file k holds reuters-(1000k+1) .. reuters-(1000k+1000).
[[nodiscard]] std::vector<std::string> reuters_files();

/// newsdex-index like index_reuters_command, over reuters_files()[first, end) only.
[[nodiscard]] std::vector<std::string> index_files_command(const std::filesystem::path& dir,
                                                           std::size_t first, std::size_t end);

/// How to start indexer children: Xapian must not flush on its own between our batches
/// (XAPIAN_FLUSH_THRESHOLD in their environment), so that every commit is one of ours.
[[nodiscard]] ChildOptions indexer_options();

/// The document count of the index as a reader sees it, or the error that kept it from
/// opening.
struct OpenResult {
    std::optional<std::uint64_t> doc_count;
    std::string error;
};
[[nodiscard]] OpenResult open_and_count(const std::filesystem::path& dir);

/// `xapian-check DIR` (exit 127 when xapian-check is not installed).
[[nodiscard]] CommandResult xapian_check(const std::filesystem::path& dir);

/// What is wrong with the id terms of an index that should hold exactly reuters-1 ..
/// reuters-n once each ("" when nothing is).
[[nodiscard]] std::string reuters_id_problems(const std::filesystem::path& dir, std::uint64_t n);

}  // namespace newsdex::test
