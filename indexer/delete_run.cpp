/// @file delete_run.cpp
/// @brief Deleting documents by id in committed batches, and reading the list of ids.
#include "indexer/delete_run.hpp"

#include <xapian.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <set>
#include <string_view>

#include "common/error.hpp"
#include "common/schema.hpp"
#include "common/text.hpp"
#include "indexer/batch_writer.hpp"

namespace newsdex::indexer {

namespace {

// Why a line cannot be an id, or empty when it can.
std::string bad_id(std::string_view line) {
    if (line.front() == ' ' || line.front() == '\t' || line.back() == ' ' || line.back() == '\t')
        return "spaces or tabs around the id (write the id alone on its line)";
    for (std::size_t i = 0; i < line.size(); ++i) {
        const auto byte = static_cast<unsigned char>(line[i]);
        if (byte < 0x20 || byte == 0x7f) {
            char code[8];
            std::snprintf(code, sizeof code, "0x%02x", byte);
            return "a control character (byte " + std::string(code) + ") at column " +
                   std::to_string(i + 1) + "; write one id a line";
        }
    }
    if (to_valid_utf8(line) != line) return "not valid UTF-8 (ids are UTF-8 text)";
    return {};
}

}  // namespace

std::vector<std::string> read_id_list(std::istream& in, const std::string& name) {
    std::vector<std::string> ids;
    std::string line;
    for (std::uint64_t number = 1; std::getline(in, line); ++number) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos) continue;
        if (const std::string problem = bad_id(line); !problem.empty())
            throw ParseError(name, number, "not an id: " + problem);
        ids.push_back(std::move(line));
    }
    if (in.bad()) throw ParseError(name, 0, "cannot read the list of ids");
    return ids;
}

DeleteSummary delete_documents(const std::vector<std::string>& ids, const IndexOptions& options) {
    const auto start = std::chrono::steady_clock::now();
    // The writer would create a missing index: deleting from nothing is a mistake in the path.
    std::error_code error;
    if (!std::filesystem::is_directory(options.index_dir, error))
        throw IndexError("no index at " + options.index_dir + " to delete from");
    BatchWriter writer(options);
    DeleteSummary summary;
    std::set<std::string_view> seen;
    try {
        for (const std::string& id : ids) {
            if (options.stop_requested && options.stop_requested->load()) {
                summary.interrupted = true;
                break;
            }
            if (!seen.insert(id).second) continue;
            if (!writer.remove(schema::id_term(id))) summary.not_found.push_back(id);
        }
        writer.commit();
    } catch (const Xapian::DatabaseError& e) {
        // As for a failed batch of writes: the batch is dropped, the last commit is intact.
        try {
            writer.cancel();
        } catch (const Xapian::Error&) {
        }
        throw IndexError("cannot write to index " + options.index_dir + ": " + e.get_msg() +
                         "; it still holds the " + std::to_string(writer.committed_count()) +
                         " documents of its last commit");
    }
    summary.deleted = writer.removed();
    summary.document_count = writer.document_count();
    summary.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return summary;
}

}  // namespace newsdex::indexer
