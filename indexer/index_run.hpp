/// @file index_run.hpp
/// @brief index_inputs: one run of newsdex-index, from input files to a committed index.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "indexer/index_options.hpp"

namespace newsdex::indexer {

/// Where a run stands, for progress lines.
struct IndexProgress {
    std::uint64_t documents = 0;  ///< articles indexed so far in this run
    double seconds = 0;
    std::uint64_t bytes_read = 0;   ///< of the inputs (compressed files: compressed bytes)
    std::uint64_t total_bytes = 0;  ///< of all the inputs; 0 when unknown (standard input)
    std::string current_file;       ///< being read ("-": standard input)
};

/// What a run did.
struct IndexSummary {
    std::uint64_t added = 0;     ///< new documents
    std::uint64_t replaced = 0;  ///< documents whose id was already indexed
    std::uint64_t skipped = 0;   ///< malformed records left out
    std::map<std::string, std::uint64_t> skipped_by_reason;  ///< reason kind -> count
    std::uint64_t cut = 0;             ///< articles indexed with their body cut to the size limit
    std::uint64_t date_invalid = 0;    ///< articles indexed undated: their date was no date
    std::uint64_t document_count = 0;  ///< documents in the index after the run
    double seconds = 0;
    bool interrupted = false;     ///< stopped early by stop_requested (after a commit)
    bool compacted = false;       ///< the index was compacted at the end (IndexOptions::compact)
    std::string compact_problem;  ///< why compacting failed (the index is whole, not compacted)
    /// Stories with copies in the index after the run, and the documents in them (see
    /// cluster_copies(); not looked for after an interruption: the next run does it).
    std::uint64_t copy_clusters = 0;
    std::uint64_t copy_documents = 0;
    /// Entity names joined to another name of the same entity over the whole index, and the
    /// documents rewritten for it (see merge_entities(); after a whole run only, like copies).
    std::uint64_t entity_merges = 0;
    std::uint64_t entity_documents = 0;

    [[nodiscard]] double docs_per_second() const {
        return seconds > 0 ? static_cast<double>(added + replaced) / seconds : 0;
    }
};

/// The callbacks a run reports through (the library itself never prints).
struct IndexCallbacks {
    std::function<void(const ParseError&)> on_skip;          ///< each skipped record
    std::function<void(const ParseError&)> on_cut;           ///< each article cut to size
    std::function<void(const ParseError&)> on_date_invalid;  ///< each article left undated
    std::function<void(const IndexProgress&)> on_progress;   ///< every ~1000 documents
};

/// Reads every input (see corpus::read_inputs) into the index of `options`, then commits.
/// Malformed records are reported to callbacks.on_skip and counted (oversized articles, cut
/// and indexed, to callbacks.on_cut; articles whose date is no calendar date, indexed undated,
/// to callbacks.on_date_invalid), or thrown as ParseError when options.strict; in both
/// cases what was committed before stays in the index. A new index built on several threads
/// (IndexOptions::segment_size) appears whole at the end, after a stop or a fatal error in the
/// input with what was read before it; until then readers see it empty, and a crash or a
/// write error leaves it empty. The run drives a BatchWriter (and a DocumentPreparer), a
/// SegmentedBuild for a new index, and an IndexSwap for the compaction or the merge.
[[nodiscard]] IndexSummary index_inputs(const std::vector<std::string>& paths,
                                        const IndexOptions& options,
                                        const IndexCallbacks& callbacks);

}  // namespace newsdex::indexer
