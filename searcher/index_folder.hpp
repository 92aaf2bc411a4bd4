/// @file index_folder.hpp
/// @brief Opens an index by its folder, surviving the indexer swapping a new copy into place.
#pragma once

#include <sys/types.h>
#include <xapian.h>

#include <string>

namespace newsdex::searcher {

/// The folder of a newsdex index, as searchers open it.
///
/// The indexer replaces the whole folder at the end of a compaction or a build in segments
/// (one renameat2 RENAME_EXCHANGE), and a user may delete an index and build it again under
/// the same name. Glass opens its version file and tables one by one by path, so an open or
/// reopen that straddles a swap can read files of both folders and fail (as corrupt, or past
/// the end of a table). A failure during which the path came to name another folder is such
/// a straddle, not a bad index: the folder is opened again.
class IndexFolder {
  public:
    explicit IndexFolder(std::string path) : path_(std::move(path)) {}

    /// Opens the index read-only. Throws IndexError when it is missing, unreadable or not
    /// written by this schema of newsdex.
    [[nodiscard]] Xapian::Database open();

    enum class Reopened {
        same_revision,  ///< nothing changed
        new_revision,   ///< a writer committed: same index, more or other documents
        new_folder,     ///< another index took the path: nothing read before still holds
    };
    /// Moves `db`, opened by open(), to what the path holds now: the latest revision, or the
    /// folder that replaced the one opened, opened afresh.
    Reopened reopen(Xapian::Database& db);

    /// Which folder a path names: a swap or a rebuild gives the path a new inode (the new
    /// folder is made beside it). The number of a deleted folder can come back for a folder
    /// made later, but not while a file in it is open: a held Database keeps its folder's
    /// number from the next folders, and an open would have to straddle a deletion and the
    /// whole next build.
    struct Identity {
        dev_t device = 0;
        ino_t inode = 0;
        bool operator==(const Identity&) const = default;
    };

  private:
    std::string path_;
    Identity opened_;  ///< the folder the last open() read
};

}  // namespace newsdex::searcher
