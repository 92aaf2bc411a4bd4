/// @file copy_clusters.hpp
/// @brief Gives the copies of one story (syndicated, repeated) one cluster key in an index.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <string>
#include <vector>

namespace newsdex::indexer {

/// What cluster_copies() found.
struct CopyClusters {
    std::uint64_t clusters = 0;   ///< stories with copies: clusters of two documents or more
    std::uint64_t documents = 0;  ///< documents in those clusters
    std::uint64_t rewritten = 0;  ///< documents whose cluster key this pass set or changed
};

/// Finds the documents of `db` that are copies of one another (StoryFingerprint::copies) among
/// those that share a band (schema::slot::copy_bands), and gives each group one cluster key in
/// schema::slot::cluster. A group keeps the smallest key one of its documents already has, so keys
/// stay as they were across runs, and a new copy joins its story's cluster; a new group is keyed by
/// the smallest hash of its documents' ids. Reads every document's bands, so that it works on what
/// earlier runs wrote, and after deletes (a deleted copy's bands are gone with it). Commits what it
/// changed.
CopyClusters cluster_copies(Xapian::WritableDatabase& db);

/// The same over the segments of a build (SegmentedBuild::segment_paths(), in the order whose
/// docids the merged index keeps), before they are merged: keys set in a compacted index
/// would split its full blocks (Reuters' postlist and termlist tables doubled).
CopyClusters cluster_copies_in_segments(const std::vector<std::string>& segments);

}  // namespace newsdex::indexer
