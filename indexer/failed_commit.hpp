/// @file failed_commit.hpp
/// @brief What is left to do when Xapian ends the process inside a failed commit.
///
/// Xapian 1.4 cannot always unwind a commit that fails to write: merging a value slot's
/// changes writes from a destructor (Glass::ValueUpdater in glass_values.cc), so a full disk or
/// a file size limit hit there ends in std::terminate instead of an exception we could catch.
/// The index on disk is safe (its last commit stands), but the run cannot clean up or explain.
/// newsdex-index's terminate handler uses these to do both: it names the cause and what the
/// index still holds, as a caught write error would, and removes the run's scratch folders.
#pragma once

#include <exception>
#include <filesystem>
#include <optional>
#include <string>

namespace newsdex::indexer {

/// A folder of a run's own beside the index (segments, a compacted copy) that must not outlive
/// the run. Registered for its lifetime, so that FailedCommit::remove_scratch_folders() can
/// remove it when the process cannot unwind.
class ScratchFolder {
  public:
    explicit ScratchFolder(std::filesystem::path dir);
    ~ScratchFolder();
    ScratchFolder(const ScratchFolder&) = delete;
    ScratchFolder& operator=(const ScratchFolder&) = delete;

    [[nodiscard]] const std::filesystem::path& path() const { return dir_; }

  private:
    std::filesystem::path dir_;
};

/// Describing and cleaning up after a commit Xapian could not unwind.
struct FailedCommit {
    /// "cannot write to index DIR: No space left on device (Error writing block 106); it still
    /// holds the N documents of its last commit" when `error` is a Xapian::Error; nullopt for
    /// anything else. Opens `index_dir` read-only to count what its last commit holds.
    static std::optional<std::string> describe(const std::string& index_dir,
                                               std::exception_ptr error) noexcept;

    /// Removes every registered ScratchFolder; never throws. Other threads may still write into
    /// them: a folder that refills while being removed is tried again a few times.
    static void remove_scratch_folders() noexcept;
};

}  // namespace newsdex::indexer
