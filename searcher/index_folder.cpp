/// @file index_folder.cpp
/// @brief IndexFolder: opens and reopens across the indexer's folder swap.
#include "searcher/index_folder.hpp"

#include <sys/stat.h>

#include <filesystem>

#include "common/error.hpp"
#include "common/schema.hpp"

namespace newsdex::searcher {

namespace {

/// Opens tried before a failure is reported. A path is swapped once per indexer run, so a
/// second straddle in a row is already unlikely.
constexpr int open_attempts = 5;

IndexFolder::Identity identity_of(const std::string& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) return {};
    return {info.st_dev, info.st_ino};
}

/// The same checks the indexer makes: our prefixes and slots mean nothing to other indexes.
void check_schema(const Xapian::Database& db, const std::string& path) {
    const std::string version = db.get_metadata(std::string(schema::schema_version_key));
    if (version.empty() && db.get_doccount() > 0)
        throw IndexError(path +
                         " is not a newsdex index: it holds a Xapian database that "
                         "newsdex did not write");
    if (!version.empty() && version != schema::schema_version)
        throw IndexError(path + " was written with newsdex schema " + version +
                         "; this build reads schema " + std::string(schema::schema_version) +
                         ": rebuild it (delete the folder and index the articles again)");
}

}  // namespace

Xapian::Database IndexFolder::open() {
    std::error_code ec;
    if (!std::filesystem::exists(path_, ec)) throw IndexError("index " + path_ + " does not exist");
    Xapian::Database db;
    for (int attempt = 1;; ++attempt) {
        const Identity before = identity_of(path_);
        try {
            db = Xapian::Database(path_);
        } catch (const Xapian::DatabaseModifiedError& e) {
            // A writer committed twice while the tables were being opened: open the newer one.
            if (attempt < open_attempts) continue;
            throw IndexError("cannot open index " + path_ + ": " + e.get_msg());
        } catch (const Xapian::DatabaseOpeningError& e) {
            if (attempt < open_attempts && identity_of(path_) != before) continue;
            throw IndexError(path_ + " is not a newsdex index: " + e.get_msg());
        } catch (const Xapian::DatabaseError& e) {
            // A table that cannot be read (short or garbled), e.g. an index copied in part.
            if (attempt < open_attempts && identity_of(path_) != before) continue;
            throw IndexError("cannot read index " + path_ + ": " + e.get_msg() +
                             " (damaged: `xapian-check " + path_ + "` shows where; rebuild it)");
        }
        // A swap during the open that went unnoticed leaves which folder was read unknown.
        opened_ = identity_of(path_);
        if (opened_ == before || attempt == open_attempts) break;
    }
    check_schema(db, path_);
    return db;
}

IndexFolder::Reopened IndexFolder::reopen(Xapian::Database& db) {
    const Identity before = identity_of(path_);
    if (before == opened_) {
        // A reopen that straddles a swap can leave the version of one folder with tables of
        // the other, whether or not it fails: only one the path did not move under holds.
        try {
            const bool changed = db.reopen();
            if (identity_of(path_) == before)
                return changed ? Reopened::new_revision : Reopened::same_revision;
        } catch (const Xapian::DatabaseError&) {
            if (identity_of(path_) == before) throw;  // the index's own failure
        }
    }
    db = open();
    return Reopened::new_folder;
}

}  // namespace newsdex::searcher
