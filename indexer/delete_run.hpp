/// @file delete_run.hpp
/// @brief delete_documents: newsdex-index --delete, documents taken out of an index by id.
#pragma once

#include <cstdint>
#include <istream>
#include <string>
#include <vector>

#include "indexer/index_options.hpp"

namespace newsdex::indexer {

/// What a delete run did.
struct DeleteSummary {
    std::uint64_t deleted = 0;           ///< documents deleted
    std::vector<std::string> not_found;  ///< ids the index did not hold, in the order given
    std::uint64_t document_count = 0;    ///< documents in the index after the run
    double seconds = 0;
    bool interrupted = false;  ///< stopped early by stop_requested (after a commit)
};

/// Deletes the documents of `ids` (article ids, as the indexer stored them; one repeated counts
/// once) from the existing index of `options`, through the indexer's own writer: the same
/// lock (and --wait-lock), schema check, batches of `batch_size` (each one Xapian transaction)
/// and explicit commits, so a crash keeps every committed batch and never half of one.
/// Throws IndexError when there is no index, it is locked or not ours, or a write fails (what
/// was committed before stays). The deleted documents' words stay in the spelling data.
[[nodiscard]] DeleteSummary delete_documents(const std::vector<std::string>& ids,
                                             const IndexOptions& options);

/// Reads a list of ids, one a line, from `in` (`name` for messages). Blank lines (nothing but
/// spaces and tabs) are passed over and a line's final CR is dropped (CRLF files). Throws
/// ParseError ("name:line: reason") for a line that cannot be an id: one with spaces or tabs
/// around it (an id never has), a control character or invalid UTF-8.
[[nodiscard]] std::vector<std::string> read_id_list(std::istream& in, const std::string& name);

}  // namespace newsdex::indexer
