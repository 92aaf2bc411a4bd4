/// @file index_swap.hpp
/// @brief IndexSwap: a compacted copy built beside an index folder, then swapped into its place.
#pragma once

#include <xapian.h>

#include <filesystem>
#include <string>

namespace newsdex::indexer {

/// A folder beside the index (`index_dir` + `suffix`): on the same file system, so that a
/// compacted copy there can take the index's place by one rename.
[[nodiscard]] std::filesystem::path folder_beside(const std::string& index_dir, const char* suffix);

/// Puts a compacted database in the place of the index in `index_dir`, in three steps the
/// caller runs in order: compact() into a folder beside it (`index_dir` + ".compacting"),
/// exchange() the two folders in one atomic rename, then, once the index's writer has closed
/// (it keeps the write lock until the swap, so that no other writer's commit is lost),
/// remove_old(). A crash at any point leaves `index_dir` whole: the old index or the new one.
class IndexSwap {
  public:
    explicit IndexSwap(std::string index_dir);

    /// Compacts `source` (the index itself, or e.g. the segments of a SegmentedBuild as one
    /// Database) into the folder beside the index. Returns false, having done nothing, when
    /// that folder may not be created (a parent folder the user cannot write to); throws
    /// IndexError when compacting fails.
    [[nodiscard]] bool compact(Xapian::Database source);

    /// Swaps the compacted folder and the index folder atomically; throws IndexError (and
    /// removes the copy) when it cannot. The old index is then in the folder beside.
    void exchange();

    /// Removes the old index from the folder beside, once its writer is closed.
    void remove_old();

  private:
    std::string index_dir_;
    std::filesystem::path beside_;
};

}  // namespace newsdex::indexer
