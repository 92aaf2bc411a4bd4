/// @file indexer.cpp
/// @brief Batched, replace-by-id indexing of articles into a Xapian database.
#include "indexer/index_run.hpp"

#include <fcntl.h>  // AT_FDCWD
#include <xapian.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>  // renameat2
#include <cstring>
#include <filesystem>
#include <sstream>
#include <thread>

#include "common/schema.hpp"
#include "common/text.hpp"
#include "indexer/segmented_build.hpp"
#include "indexer/worker_thread.hpp"

namespace newsdex::indexer {

namespace {

// Opens `dir` for writing, retrying every 100 ms while another writer holds its lock, until
// `options.wait_lock_seconds` have passed or a stop is requested (Ctrl-C must end the wait).
Xapian::WritableDatabase open_when_unlocked(const std::string& dir, const IndexOptions& options) {
    using Clock = std::chrono::steady_clock;
    const auto deadline = Clock::now() + std::chrono::duration<double>(options.wait_lock_seconds);
    for (;;) {
        try {
            // Without sync, a crash may lose the last commits, which is fine for a segment
            // (merged or thrown away) and saves a disk flush per batch.
            const int sync = options.sync ? 0 : Xapian::DB_NO_SYNC;
            return Xapian::WritableDatabase(dir, Xapian::DB_CREATE_OR_OPEN | sync);
        } catch (const Xapian::DatabaseLockError&) {
            const bool stop = options.stop_requested && options.stop_requested->load();
            if (stop || Clock::now() >= deadline) throw;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
}

// "index DIR is locked by another writer", plus how long we waited. Xapian 1.4 does not say
// which process holds the lock ("Unable to get write lock on DIR: already locked"), so
// neither can we.
std::string locked_message(const std::string& dir, double waited_seconds) {
    std::ostringstream message;
    message << "index " << dir << " is locked by another writer";
    if (waited_seconds > 0) message << " (waited " << waited_seconds << " s)";
    return message.str();
}

Xapian::WritableDatabase open_writable(const IndexOptions& options) {
    const std::string& dir = options.index_dir;
    if (dir.empty()) throw UsageError("no index folder given (--index DIR)");
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) throw IndexError("cannot create index folder " + dir + ": " + ec.message());
    try {
        Xapian::WritableDatabase db = open_when_unlocked(dir, options);
        const std::string version = db.get_metadata(std::string(schema::schema_version_key));
        if (version.empty() && db.get_doccount() > 0)
            throw IndexError(dir + " holds a Xapian database that newsdex did not write");
        if (!version.empty() && version != schema::schema_version)
            throw IndexError(dir + " was written with newsdex schema " + version +
                             "; this build writes schema " + std::string(schema::schema_version) +
                             ": rebuild it (delete the folder and index the articles again)");
        db.set_metadata(std::string(schema::schema_version_key),
                        std::string(schema::schema_version));
        return db;
    } catch (const Xapian::DatabaseLockError&) {
        throw IndexError(locked_message(dir, options.wait_lock_seconds));
    } catch (const Xapian::DatabaseOpeningError& e) {
        throw IndexError("cannot open index " + dir + ": " + e.get_msg());
    }
}

// The kind of a skip reason for the summary: the reason up to its first ':' ("invalid JSON").
std::string reason_kind(const std::string& reason) {
    return reason.substr(0, reason.find(':'));
}

// Appends the entities the extractor finds in the text, except those given already (same
// type and facet key): a given label stays marked given.
void add_extracted(const corpus::EntityExtractor& extractor, Article& article) {
    const auto given = [&article](const Entity& found) {
        return std::any_of(
            article.entities.begin(), article.entities.end(), [&found](const Entity& e) {
                return e.type == found.type && facet_key(e.name) == facet_key(found.name);
            });
    };
    for (Entity& found : extractor.extract(article.title, article.body))
        if (!given(found)) article.entities.push_back(std::move(found));
}

// One extractor for the process: its gazetteer is loaded once and it keeps no state.
const corpus::EntityExtractor& shared_extractor() {
    static const corpus::EntityExtractor extractor;
    return extractor;
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

// A folder beside the index (`index_dir` + `suffix`): on the same file system, so that a
// compacted copy there can take the index's place by one rename.
std::filesystem::path folder_beside(const std::string& index_dir, const char* suffix) {
    std::filesystem::path dir(index_dir);
    if (!dir.has_filename()) dir = dir.parent_path();  // "news.db/"
    return dir.string() + suffix;
}

// The trainer of an index's own stored-fields dictionary: it has one already, or will train
// one on its next documents.
std::shared_ptr<DictionaryTrainer> own_dictionary(const Xapian::Database& db) {
    return std::make_shared<DictionaryTrainer>(
        db.get_metadata(std::string(schema::docdata_dictionary_key)));
}

// Thrown from inside the reader callback to stop reading when a stop was requested.
struct StopReading {};

}  // namespace

Indexer::Indexer(const IndexOptions& options, std::shared_ptr<DictionaryTrainer> dictionary)
    : db_(open_writable(options)),
      builder_(options.language),
      extractor_(options.extract_entities ? &shared_extractor() : nullptr),
      detector_(options.language.empty() ? std::make_optional<corpus::LanguageDetector>()
                                         : std::nullopt),
      batch_size_(options.batch_size == 0 ? 1 : options.batch_size),
      committed_(db_.get_doccount()),
      initial_(committed_),
      dictionary_(dictionary ? std::move(dictionary) : own_dictionary(db_)) {}

Indexer::~Indexer() = default;

void Indexer::add(Article&& article) {
    write(prepare(std::move(article)));
}

PreparedDocument Indexer::prepare(Article&& article) {
    article.id = derive_id(article);
    if (extractor_) add_extracted(*extractor_, article);
    // A language the input names wins over detection (e.g. a JSON "language" field).
    if (detector_ && article.language.empty())
        article.language = detector_->detect(article.title, article.body);
    return {schema::id_term(article.id), builder_.build(article)};
}

void Indexer::write(PreparedDocument&& prepared) {
    // Each batch is one transaction: if a write fails, the batch is cancelled, and the
    // WritableDatabase destructor cancels an open transaction instead of committing it.
    if (pending_ == 0) db_.begin_transaction();
    // Whether the id was there shows in the document count (which counts this writer's
    // uncommitted changes too): cheaper than looking the id term up before replace_document
    // looks it up again.
    const Xapian::doccount before = db_.get_doccount();
    // Compressed here, on the writer's thread, once the dictionary exists.
    if (!compression_) adopt_dictionary();
    if (compression_) {
        prepared.document.add_value(schema::slot::stored_fields,
                                    compression_->compress(prepared.document.get_data()));
        prepared.document.set_data(std::string());
    } else if (dictionary_->wants_samples())
        dictionary_->offer(prepared.document.get_data());
    db_.replace_document(prepared.id_term, prepared.document);
    prepared.document = Xapian::Document();  // released on this thread
    if (db_.get_doccount() > before)
        ++added_;
    else
        ++replaced_;
    if (++pending_ >= batch_size_) commit();
}

// Called inside a batch's transaction: the dictionary is committed with the first documents
// compressed with it, never after them.
void Indexer::adopt_dictionary() {
    const std::shared_ptr<const std::string> dictionary = dictionary_->dictionary();
    if (!dictionary) return;
    const std::string key(schema::docdata_dictionary_key);
    if (db_.get_metadata(key) != *dictionary) db_.set_metadata(key, *dictionary);
    compression_.emplace(*dictionary);
}

void Indexer::commit() {
    if (pending_ > 0)
        db_.commit_transaction();
    else
        db_.commit();  // e.g. the schema version of a new, still empty index
    pending_ = 0;
    committed_ = db_.get_doccount();
}

void Indexer::cancel() {
    if (pending_ == 0) return;
    pending_ = 0;
    db_.cancel_transaction();
}

bool Indexer::compact_and_close(const std::string& index_dir) {
    return replace_and_close(db_, index_dir);
}

bool Indexer::merge_and_close(const Xapian::Database& segments, const std::string& index_dir) {
    return replace_and_close(segments, index_dir);
}

bool Indexer::replace_and_close(Xapian::Database source, const std::string& index_dir) {
    const std::filesystem::path compacted = folder_beside(index_dir, ".compacting");
    std::error_code ignored;
    std::filesystem::remove_all(compacted, ignored);  // left by a run killed while compacting
    std::error_code error;
    std::filesystem::create_directory(compacted, error);
    // A user may own the index folder but not its parent: then the index stays as written.
    if (error == std::errc::permission_denied || error == std::errc::operation_not_permitted ||
        error == std::errc::read_only_file_system)
        return false;
    try {
        // FULL, not FULLER, by measurement: FULLER's merged chunks came out larger (Reuters:
        // postlist.glass 19.5 against 18.0 MB, mostly the stored-fields value chunks; whole
        // index 60.2 against 58.7 MB), for the same query instructions within 0.2%.
        source.compact(compacted.string(), Xapian::Compactor::FULL);
    } catch (const Xapian::Error& e) {
        std::filesystem::remove_all(compacted, ignored);
        const char* cause = e.get_error_string();  // e.g. "No space left on device"
        throw IndexError(
            "cannot compact index " + index_dir + ": " +
            (cause && *cause ? std::string(cause) + " (" + e.get_msg() + ")" : e.get_msg()));
    }
    // RENAME_EXCHANGE swaps the folders atomically: a crash leaves one or the other, and so do
    // readers (an open that straddles the swap may fail or mix the two; searcher::IndexFolder
    // notices the path moved and opens again).
    if (renameat2(AT_FDCWD, compacted.c_str(), AT_FDCWD, index_dir.c_str(), RENAME_EXCHANGE) != 0) {
        const int rename_error = errno;
        std::filesystem::remove_all(compacted, ignored);
        throw IndexError("cannot move the compacted index into " + index_dir + ": " +
                         std::strerror(rename_error));
    }
    db_.close();  // releases the lock, on the old folder's lock file
    std::filesystem::remove_all(compacted, ignored);
    return true;
}

std::uint64_t Indexer::document_count() const {
    return db_.get_doccount();
}

namespace {

using Clock = std::chrono::steady_clock;

// Seconds since `start`.
double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// The reading side of a run: articles go to `consume`; malformed records are counted in
// `summary` and reported (or thrown, with --strict); a requested stop ends the reading.
corpus::ArticleSink run_sink(const IndexOptions& options, const IndexCallbacks& callbacks,
                             IndexSummary& summary, Clock::time_point start,
                             std::function<void(Article&&)> consume) {
    corpus::ArticleSink sink;
    sink.on_article = [&options, &callbacks, start, consume = std::move(consume),
                       read = std::uint64_t{0}](Article&& article) mutable {
        if (options.stop_requested && options.stop_requested->load()) throw StopReading{};
        consume(std::move(article));
        if (callbacks.on_progress && ++read % 1000 == 0)
            callbacks.on_progress({read, seconds_since(start)});
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
              const corpus::ArticleSink& sink, IndexSummary& summary) {
    try {
        corpus::read_inputs(paths, options.read, sink);
    } catch (const StopReading&) {
        summary.interrupted = true;
    }
}

// Writes into the index itself, in committed batches: an index that holds documents, or any
// index with --threads 1 or --segment-size 0.
IndexSummary index_directly(Indexer& indexer, const std::vector<std::string>& paths,
                            const IndexOptions& options, const IndexCallbacks& callbacks,
                            Clock::time_point start) {
    // With threads, this thread reads and prepares while the worker writes.
    std::optional<WorkerThread<PreparedDocument>> writer;
    if (options.threads > 1)
        writer.emplace(
            [&indexer](PreparedDocument&& prepared) { indexer.write(std::move(prepared)); });
    IndexSummary summary;
    const corpus::ArticleSink sink =
        run_sink(options, callbacks, summary, start, [&indexer, &writer](Article&& article) {
            if (writer)
                writer->push(indexer.prepare(std::move(article)));
            else
                indexer.add(std::move(article));
        });
    try {
        read_all(paths, options, sink, summary);
        if (writer) writer->finish();  // rethrows a failed write
        indexer.commit();
    } catch (const Xapian::DatabaseError& e) {
        if (writer) writer->abandon();
        // The index itself failed (disk full, file size limit, I/O): committing again would
        // fail the same way, and Xapian commits are atomic, so the last one is intact. The
        // failed batch is dropped, so that nothing can commit part of it later.
        try {
            indexer.cancel();
        } catch (const Xapian::Error&) {
        }
        throw IndexError(write_failure(options.index_dir, e, indexer.committed_count()));
    } catch (...) {
        // Keep the complete articles read before a fatal error (--strict, I/O); if even that
        // commit fails, the original error is the one worth reporting.
        try {
            if (writer) writer->finish();
            indexer.commit();
        } catch (...) {
        }
        throw;
    }
    summary.added = indexer.added();
    summary.replaced = indexer.replaced();
    summary.document_count = indexer.document_count();
    // Compacting costs about a read and a write of the index, so it pays when this run wrote
    // most of it; after Ctrl-C the user wants to stop, not to wait.
    if (options.compact && !summary.interrupted && summary.added > 0 &&
        summary.added >= indexer.initial_count()) {
        try {
            summary.compacted = indexer.compact_and_close(options.index_dir);
        } catch (const IndexError& e) {
            summary.compact_problem = e.what();
        }
    }
    return summary;
}

// Merges the finished segments of `build` into the index in place of its (no) documents.
void merge_segments(Indexer& indexer, const SegmentedBuild& build, const IndexOptions& options,
                    IndexSummary& summary) {
    summary.added = build.added();
    summary.replaced = build.replaced();
    const Xapian::Database segments = build.segments();
    if (segments.size() == 0) {  // nothing was read: the index stays new and empty
        summary.document_count = indexer.document_count();
        return;
    }
    const std::uint64_t documents = segments.get_doccount();
    try {
        summary.compacted = indexer.merge_and_close(segments, options.index_dir);
    } catch (const IndexError& e) {
        throw IndexError(e.what() + still_holds(indexer.committed_count()));
    }
    if (!summary.compacted)
        throw IndexError("cannot merge the segments of index " + options.index_dir +
                         ": no folder may be created beside it");
    summary.document_count = documents;
}

// Builds a new index in segments on several threads (SegmentedBuild), merged at the end.
IndexSummary build_in_segments(Indexer& indexer, const std::filesystem::path& segments_dir,
                               const std::vector<std::string>& paths, const IndexOptions& options,
                               const IndexCallbacks& callbacks, Clock::time_point start) {
    indexer.commit();  // the new index opens, empty, until the segments take its place
    SegmentedBuild build(options, segments_dir, indexer.dictionary());
    IndexSummary summary;
    const corpus::ArticleSink sink =
        run_sink(options, callbacks, summary, start,
                 [&build](Article&& article) { build.add(std::move(article)); });
    try {
        read_all(paths, options, sink, summary);
        build.finish();  // rethrows a failed write
    } catch (const Xapian::DatabaseError& e) {
        // A segment could not be written (disk full, file size limit, I/O): the index is as
        // it was, and the segments go with the build.
        build.abandon();
        throw IndexError(write_failure(options.index_dir, e, indexer.committed_count()));
    } catch (const IndexError& e) {
        // A segment could not be created (e.g. no space left for its folder).
        build.abandon();
        throw IndexError(e.what() + still_holds(indexer.committed_count()));
    } catch (...) {
        // Keep the complete articles read before a fatal error (--strict, I/O); if even that
        // fails, the original error is the one worth reporting.
        try {
            build.finish();
            merge_segments(indexer, build, options, summary);
        } catch (...) {
        }
        throw;
    }
    merge_segments(indexer, build, options, summary);
    return summary;
}

// Where the segments of a new index are written, when it is built in segments: beside it
// (like its compacted copy), if a folder may be created there.
std::optional<std::filesystem::path> segments_dir_for(const Indexer& indexer,
                                                      const IndexOptions& options) {
    if (options.threads < 2 || options.segment_size == 0 || indexer.initial_count() > 0)
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
    Indexer indexer(options);
    const std::optional<std::filesystem::path> segments_dir = segments_dir_for(indexer, options);
    IndexSummary summary =
        segments_dir ? build_in_segments(indexer, *segments_dir, paths, options, callbacks, start)
                     : index_directly(indexer, paths, options, callbacks, start);
    summary.seconds = seconds_since(start);
    return summary;
}

}  // namespace newsdex::indexer
