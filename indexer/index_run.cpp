/// @file index_run.cpp
/// @brief One indexing run: reading, preparing and writing in batches or segments, then the swap.
#include "indexer/index_run.hpp"

#include <xapian.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "common/article.hpp"
#include "common/error.hpp"
#include "corpus/readers/input_reader.hpp"
#include "indexer/batch_writer.hpp"
#include "indexer/document_preparer.hpp"
#include "indexer/entity_merges.hpp"
#include "indexer/index_swap.hpp"
#include "indexer/segmented_build.hpp"
#include "indexer/worker_thread.hpp"

namespace newsdex::indexer {

namespace {

// The kind of a skip reason for the summary: the reason up to its first ':' ("invalid JSON").
std::string reason_kind(const std::string& reason) {
    return reason.substr(0, reason.find(':'));
}

// What an index that could not be written still holds, to end the message of why.
std::string still_holds(std::uint64_t committed) {
    return "; it still holds the " + std::to_string(committed) + " documents of its last commit";
}

// Why writing failed, cause first ("No space left on device"), and what the index still holds.
std::string write_failure(const std::string& dir, const Xapian::Error& e, std::uint64_t committed) {
    const char* cause = e.get_error_string();
    std::string message = "cannot write to index " + dir + ": ";
    message += cause && *cause ? std::string(cause) + " (" + e.get_msg() + ")" : e.get_msg();
    return message + still_holds(committed);
}

// Thrown from inside the reader callback to stop reading when a stop was requested.
struct StopReading {};

// Compacts `source` beside the index, swaps it into the index's place and closes `writer`,
// which holds the write lock until the swap. False, with the index as it was and `writer`
// open, when no folder may be created beside it; throws IndexError when compacting or the
// swap fails.
bool swap_in(Xapian::Database source, BatchWriter& writer, const std::string& index_dir) {
    IndexSwap swap(index_dir);
    if (!swap.compact(std::move(source))) return false;
    swap.exchange();
    writer.close();  // releases the lock, on the old folder's lock file
    swap.remove_old();
    return true;
}

using Clock = std::chrono::steady_clock;

// Seconds since `start`.
double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// An article whose date is no calendar date is indexed undated (its text is good), with a
// warning; with --strict it stops the run like a malformed record.
void report_date_invalid(const Article& article, const IndexOptions& options,
                         const IndexCallbacks& callbacks, IndexSummary& summary) {
    const ParseError warning(article.origin_file, article.origin_line,
                             "bad date: \"" + article.unreadable_date +
                                 "\" is no calendar date, or not in a form newsdex reads "
                                 "(ISO-8601, RFC 2822); indexed without a date");
    if (options.strict) throw warning;
    ++summary.date_invalid;
    if (callbacks.on_date_invalid) callbacks.on_date_invalid(warning);
}

// The reading side of a run: articles go to `consume`; malformed records are counted in
// `summary` and reported (or thrown, with --strict); a requested stop ends the reading.
// Progress is reported at most this often; the clock is read every 64 articles.
constexpr double progress_interval_seconds = 0.25;

corpus::ArticleSink run_sink(const IndexOptions& options, const IndexCallbacks& callbacks,
                             IndexSummary& summary, Clock::time_point start,
                             const corpus::InputProgress& input,
                             std::function<void(Article&&)> consume) {
    corpus::ArticleSink sink;
    sink.on_article = [&options, &callbacks, &summary, start, &input, consume = std::move(consume),
                       read = std::uint64_t{0}, reported = 0.0](Article&& article) mutable {
        if (options.stop_requested && options.stop_requested->load()) throw StopReading{};
        if (!article.unreadable_date.empty())
            report_date_invalid(article, options, callbacks, summary);
        consume(std::move(article));
        if (!callbacks.on_progress || ++read % 64 != 0) return;
        const double seconds = seconds_since(start);
        if (seconds - reported < progress_interval_seconds) return;
        reported = seconds;
        callbacks.on_progress(
            {read, seconds, input.bytes_read(), input.total_bytes(), input.current_file()});
    };
    sink.on_problem = [&options, &callbacks, &summary](const ParseError& problem) {
        if (options.strict) throw problem;
        ++summary.skipped;
        ++summary.skipped_by_reason[reason_kind(problem.reason())];
        if (callbacks.on_skip) callbacks.on_skip(problem);
    };
    sink.on_cut = [&options, &callbacks, &summary](const ParseError& cut) {
        if (options.strict) throw cut;
        ++summary.cut;
        if (callbacks.on_cut) callbacks.on_cut(cut);
    };
    return sink;
}

// Reads every input, stopping early (summary.interrupted) when a stop is requested.
void read_all(const std::vector<std::string>& paths, const IndexOptions& options,
              const corpus::ArticleSink& sink, corpus::InputProgress& input,
              IndexSummary& summary) {
    corpus::ReadOptions read = options.read;
    read.stop_requested = options.stop_requested;  // for reading through what yields nothing
    read.progress = &input;
    try {
        corpus::read_inputs(paths, read, sink);
    } catch (const StopReading&) {
        summary.interrupted = true;
    }
    if (read.stopped()) summary.interrupted = true;
}

// Writes into the index itself, in committed batches: an index that holds documents, or any
// index with --threads 1 or --segment-size 0.
IndexSummary index_directly(BatchWriter& writer, DocumentPreparer& preparer,
                            const std::vector<std::string>& paths, const IndexOptions& options,
                            const IndexCallbacks& callbacks, Clock::time_point start) {
    // With threads, this thread reads and prepares while the worker writes.
    std::optional<WorkerThread<PreparedDocument>> worker;
    if (options.threads > 1)
        worker.emplace(
            [&writer](PreparedDocument&& prepared) { writer.write(std::move(prepared)); });
    IndexSummary summary;
    corpus::InputProgress input;
    const corpus::ArticleSink sink =
        run_sink(options, callbacks, summary, start, input,
                 [&writer, &preparer, &worker](Article&& article) {
                     if (worker)
                         worker->push(preparer.prepare(std::move(article)));
                     else
                         writer.write(preparer.prepare(std::move(article)));
                 });
    try {
        read_all(paths, options, sink, input, summary);
        if (worker) worker->finish();  // rethrows a failed write
        writer.commit();
        if (!summary.interrupted && writer.indexed() > 0) {
            const CopyClusters copies = writer.cluster_copies();
            summary.copy_clusters = copies.clusters;
            summary.copy_documents = copies.documents;
            if (options.merge_entities) {
                const EntityMerges merges = writer.merge_entities();
                summary.entity_merges = merges.names;
                summary.entity_documents = merges.rewritten;
            }
        }
    } catch (const Xapian::DatabaseError& e) {
        if (worker) worker->abandon();
        // The index itself failed (disk full, file size limit, I/O): committing again would
        // fail the same way, and Xapian commits are atomic, so the last one is intact. The
        // failed batch is dropped, so that nothing can commit part of it later.
        try {
            writer.cancel();
        } catch (const Xapian::Error&) {
        }
        throw IndexError(write_failure(options.index_dir, e, writer.committed_count()));
    } catch (...) {
        // Keep the complete articles read before a fatal error (--strict, I/O); if even that
        // commit fails, the original error is the one worth reporting.
        try {
            if (worker) worker->finish();
            writer.commit();
        } catch (...) {
        }
        throw;
    }
    summary.added = writer.added();
    summary.replaced = writer.replaced();
    summary.document_count = writer.document_count();
    // Compacting costs about a read and a write of the index, so it pays when this run wrote
    // most of it; after Ctrl-C the user wants to stop, not to wait.
    if (options.compact && !summary.interrupted && summary.added > 0 &&
        summary.added >= writer.initial_count()) {
        try {
            summary.compacted = swap_in(writer.database(), writer, options.index_dir);
        } catch (const IndexError& e) {
            summary.compact_problem = e.what();
        }
    }
    return summary;
}

// Merges the finished segments of `build` into the index in place of its (no) documents.
void merge_segments(BatchWriter& writer, const SegmentedBuild& build, const IndexOptions& options,
                    IndexSummary& summary) {
    summary.added = build.added();
    summary.replaced = build.replaced();
    const Xapian::Database segments = build.segments();
    if (segments.size() == 0) {  // nothing was read: the index stays new and empty
        summary.document_count = writer.document_count();
        return;
    }
    const std::uint64_t documents = segments.get_doccount();
    try {
        summary.compacted = swap_in(segments, writer, options.index_dir);
    } catch (const IndexError& e) {
        throw IndexError(e.what() + still_holds(writer.committed_count()));
    }
    if (!summary.compacted)
        throw IndexError("cannot merge the segments of index " + options.index_dir +
                         ": no folder may be created beside it");
    summary.document_count = documents;
}

// Builds a new index in segments on several threads (SegmentedBuild), merged at the end.
IndexSummary build_in_segments(BatchWriter& writer, const std::filesystem::path& segments_dir,
                               const std::vector<std::string>& paths, const IndexOptions& options,
                               const IndexCallbacks& callbacks, Clock::time_point start) {
    writer.commit();  // the new index opens, empty, until the segments take its place
    SegmentedBuild build(options, segments_dir, writer.dictionary());
    IndexSummary summary;
    corpus::InputProgress input;
    const corpus::ArticleSink sink =
        run_sink(options, callbacks, summary, start, input,
                 [&build](Article&& article) { build.add(std::move(article)); });
    try {
        read_all(paths, options, sink, input, summary);
        build.finish();  // rethrows a failed write
        if (!summary.interrupted && build.added() > 0) {
            const CopyClusters copies = cluster_copies_in_segments(build.segment_paths());
            summary.copy_clusters = copies.clusters;
            summary.copy_documents = copies.documents;
            if (options.merge_entities) {
                const EntityMerges merges = merge_entities_in_segments(build.segment_paths());
                summary.entity_merges = merges.names;
                summary.entity_documents = merges.rewritten;
            }
        }
    } catch (const Xapian::DatabaseError& e) {
        // A segment could not be written (disk full, file size limit, I/O): the index is as
        // it was, and the segments go with the build.
        build.abandon();
        throw IndexError(write_failure(options.index_dir, e, writer.committed_count()));
    } catch (const IndexError& e) {
        // A segment could not be created (e.g. no space left for its folder).
        build.abandon();
        throw IndexError(e.what() + still_holds(writer.committed_count()));
    } catch (...) {
        // Keep the complete articles read before a fatal error (--strict, I/O); if even that
        // fails, the original error is the one worth reporting.
        try {
            build.finish();
            merge_segments(writer, build, options, summary);
        } catch (...) {
        }
        throw;
    }
    merge_segments(writer, build, options, summary);
    return summary;
}

// Where the segments of a new index are written, when it is built in segments: beside it
// (like its compacted copy), if a folder may be created there.
std::optional<std::filesystem::path> segments_dir_for(const BatchWriter& writer,
                                                      const IndexOptions& options) {
    if (options.threads < 2 || options.segment_size == 0 || writer.initial_count() > 0)
        return std::nullopt;
    const std::filesystem::path dir = folder_beside(options.index_dir, ".segments");
    std::error_code error;
    std::filesystem::create_directories(dir, error);
    if (error) return std::nullopt;  // e.g. a parent folder the user cannot write to
    return dir;
}

}  // namespace

IndexSummary index_inputs(const std::vector<std::string>& paths, const IndexOptions& options,
                          const IndexCallbacks& callbacks) {
    const auto start = Clock::now();
    corpus::check_inputs_exist(paths);
    BatchWriter writer(options);
    DocumentPreparer preparer(options);  // checks a forced language before any segment exists
    const std::optional<std::filesystem::path> segments_dir = segments_dir_for(writer, options);
    IndexSummary summary =
        segments_dir ? build_in_segments(writer, *segments_dir, paths, options, callbacks, start)
                     : index_directly(writer, preparer, paths, options, callbacks, start);
    summary.seconds = seconds_since(start);
    return summary;
}

}  // namespace newsdex::indexer
