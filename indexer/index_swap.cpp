/// @file index_swap.cpp
/// @brief Compaction beside an index folder and the atomic exchange of the two folders.
#include "indexer/index_swap.hpp"

#include <fcntl.h>  // AT_FDCWD
#include <xapian.h>

#include <cerrno>
#include <cstdio>  // renameat2
#include <cstring>
#include <system_error>
#include <utility>

#include "common/error.hpp"

namespace newsdex::indexer {

std::filesystem::path folder_beside(const std::string& index_dir, const char* suffix) {
    std::filesystem::path dir(index_dir);
    if (!dir.has_filename()) dir = dir.parent_path();  // "news.db/"
    return dir.string() + suffix;
}

IndexSwap::IndexSwap(std::string index_dir)
    : index_dir_(std::move(index_dir)), beside_(folder_beside(index_dir_, ".compacting")) {}

bool IndexSwap::compact(Xapian::Database source) {
    std::error_code ignored;
    std::filesystem::remove_all(beside_, ignored);  // left by a run killed while compacting
    std::error_code error;
    std::filesystem::create_directory(beside_, error);
    // A user may own the index folder but not its parent: then the index stays as written.
    if (error == std::errc::permission_denied || error == std::errc::operation_not_permitted ||
        error == std::errc::read_only_file_system)
        return false;
    try {
        // FULL, not FULLER: FULLER's merged chunks came out larger for no faster queries
        // (bench/RESULTS.md, compaction).
        source.compact(beside_.string(), Xapian::Compactor::FULL);
    } catch (const Xapian::Error& e) {
        std::filesystem::remove_all(beside_, ignored);
        const char* cause = e.get_error_string();  // e.g. "No space left on device"
        throw IndexError(
            "cannot compact index " + index_dir_ + ": " +
            (cause && *cause ? std::string(cause) + " (" + e.get_msg() + ")" : e.get_msg()));
    }
    return true;
}

void IndexSwap::exchange() {
    // RENAME_EXCHANGE swaps the folders atomically: a crash leaves one or the other, and so do
    // readers (an open that straddles the swap may fail or mix the two; searcher::IndexFolder
    // notices the path moved and opens again).
    if (renameat2(AT_FDCWD, beside_.c_str(), AT_FDCWD, index_dir_.c_str(), RENAME_EXCHANGE) != 0) {
        const int rename_error = errno;
        std::error_code ignored;
        std::filesystem::remove_all(beside_, ignored);
        throw IndexError("cannot move the compacted index into " + index_dir_ + ": " +
                         std::strerror(rename_error));
    }
}

void IndexSwap::remove_old() {
    std::error_code ignored;
    std::filesystem::remove_all(beside_, ignored);
}

}  // namespace newsdex::indexer
