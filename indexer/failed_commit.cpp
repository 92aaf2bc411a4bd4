/// @file failed_commit.cpp
/// @brief The registry of scratch folders and the message for a commit Xapian could not unwind.
#include "indexer/failed_commit.hpp"

#include <xapian.h>

#include <algorithm>
#include <mutex>
#include <system_error>
#include <vector>

namespace newsdex::indexer {

namespace {

std::mutex g_folders_mutex;
std::vector<std::filesystem::path> g_folders;  // guarded by g_folders_mutex

}  // namespace

ScratchFolder::ScratchFolder(std::filesystem::path dir) : dir_(std::move(dir)) {
    const std::lock_guard lock(g_folders_mutex);
    g_folders.push_back(dir_);
}

ScratchFolder::~ScratchFolder() {
    const std::lock_guard lock(g_folders_mutex);
    const auto found = std::find(g_folders.begin(), g_folders.end(), dir_);
    if (found != g_folders.end()) g_folders.erase(found);
}

std::optional<std::string> FailedCommit::describe(const std::string& index_dir,
                                                  std::exception_ptr error) noexcept {
    try {
        if (!error) return std::nullopt;
        std::rethrow_exception(error);
    } catch (const Xapian::Error& e) {
        try {
            const char* cause = e.get_error_string();
            std::string message = "cannot write to index " + index_dir + ": ";
            message +=
                cause && *cause ? std::string(cause) + " (" + e.get_msg() + ")" : e.get_msg();
            try {
                const Xapian::Database committed(index_dir);
                return message + "; it still holds the " +
                       std::to_string(committed.get_doccount()) + " documents of its last commit";
            } catch (const Xapian::Error& open_error) {
                return message + "; it cannot be opened to count what it holds (" +
                       open_error.get_msg() + ")";
            }
        } catch (...) {
            return std::nullopt;
        }
    } catch (...) {
        return std::nullopt;
    }
}

void FailedCommit::remove_scratch_folders() noexcept {
    // try_lock: a thread that held the lock when the process began to end will never let go.
    std::unique_lock lock(g_folders_mutex, std::try_to_lock);
    if (!lock.owns_lock()) return;
    for (const auto& dir : g_folders) {
        std::error_code error;
        for (int attempt = 0; attempt < 5; ++attempt) {
            std::filesystem::remove_all(dir, error);
            if (!error) break;
        }
    }
}

}  // namespace newsdex::indexer
