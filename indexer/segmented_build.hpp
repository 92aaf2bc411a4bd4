/// @file segmented_build.hpp
/// @brief A new index built as segments by several threads at once, merged at the end.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <vector>

#include "common/article.hpp"
#include "indexer/dictionary_trainer.hpp"
#include "indexer/failed_commit.hpp"
#include "indexer/index_options.hpp"

namespace newsdex::indexer {

/// Builds the documents of a new index on IndexOptions::threads threads ("lanes") at once.
/// Each lane prepares its share of the articles (entities, language, terms) and writes them
/// into segments: small indexes of IndexOptions::segment_size documents in a folder of its
/// own, which the run compacts into the index at the end (IndexSwap). An article goes
/// to the lane its id hashes to, so every version of an id is written by one lane in input
/// order: within a segment the later replaces the earlier as usual, and finish() deletes the
/// copies that a later segment of the lane replaced.
///
/// Why: a glass index costs more per document the bigger it grows (each commit rewrites the
/// last posting chunk of every term of its batch, in B-trees that keep growing), and one writer
/// thread leaves the second core idle; small segments and one merge cost less (figures in
/// bench/RESULTS.md, segmented build).
///
/// The segments share one stored-fields dictionary (a DictionaryTrainer), since the merged
/// index keeps one; they are written without disk flushes (a crash throws them away anyway).
class SegmentedBuild {
  public:
    /// Starts the lanes; segments go into `segments_dir` (created, and emptied of a killed
    /// run's leftovers). `options` as for the index (its folder aside).
    SegmentedBuild(const IndexOptions& options, std::filesystem::path segments_dir,
                   std::shared_ptr<DictionaryTrainer> dictionary);
    /// Abandons the lanes and removes the segments.
    ~SegmentedBuild();
    SegmentedBuild(const SegmentedBuild&) = delete;
    SegmentedBuild& operator=(const SegmentedBuild&) = delete;

    /// Queues an article for its lane (deriving its id), waiting while that lane is busy;
    /// rethrows the failure of any lane's write.
    void add(Article&& article);

    /// Waits for the lanes to write what is queued, commits their segments and deletes the
    /// replaced copies; rethrows a lane's failure. Then segments() may be merged.
    void finish();

    /// Stops the lanes after the article each is writing; what is queued is dropped.
    void abandon() noexcept;

    /// The segments' folders, in the order segments() combines them (after finish()).
    [[nodiscard]] std::vector<std::string> segment_paths() const;

    /// Every segment, as one Database (after finish()).
    [[nodiscard]] Xapian::Database segments() const;

    /// Documents added, and replaced (ids seen before in this build), after finish().
    [[nodiscard]] std::uint64_t added() const noexcept { return added_; }
    [[nodiscard]] std::uint64_t replaced() const noexcept { return replaced_; }

  private:
    class Lane;

    std::filesystem::path dir_;
    ScratchFolder scratch_{dir_};  // removed even when Xapian cannot unwind a failed commit
    std::vector<std::unique_ptr<Lane>> lanes_;
    std::uint64_t added_ = 0;
    std::uint64_t replaced_ = 0;
};

}  // namespace newsdex::indexer
