/// @file indexer.cpp
/// @brief Batched, replace-by-id indexing of articles into a Xapian database.
#include "indexer/indexer.hpp"

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
#include "indexer/write_pipeline.hpp"

namespace newsdex::indexer {

namespace {

// Opens `dir` for writing, retrying every 100 ms while another writer holds its lock, until
// `options.wait_lock_seconds` have passed or a stop is requested (Ctrl-C must end the wait).
Xapian::WritableDatabase open_when_unlocked(const std::string& dir, const IndexOptions& options) {
    using Clock = std::chrono::steady_clock;
    const auto deadline = Clock::now() + std::chrono::duration<double>(options.wait_lock_seconds);
    for (;;) {
        try {
            return Xapian::WritableDatabase(dir, Xapian::DB_CREATE_OR_OPEN);
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

// Why writing failed, cause first ("No space left on device"), and what the index still holds.
std::string write_failure(const std::string& dir, const Xapian::Error& e, std::uint64_t committed) {
    const char* cause = e.get_error_string();
    std::string message = "cannot write to index " + dir + ": ";
    message += cause && *cause ? std::string(cause) + " (" + e.get_msg() + ")" : e.get_msg();
    return message + "; it still holds the " + std::to_string(committed) +
           " documents of its last commit";
}

// Where an index is compacted before it takes the index's place: beside it, on the same file
// system, so that the two folders can be swapped by one rename.
std::filesystem::path compaction_dir(const std::string& index_dir) {
    std::filesystem::path dir(index_dir);
    if (!dir.has_filename()) dir = dir.parent_path();  // "news.db/"
    return dir.string() + ".compacting";
}

// Documents whose data trains the index's stored-fields dictionary: one batch at the default
// size (Reuters: 1,000 samples give 8.3 MB of records, 5,000 give 8.1 MB).
constexpr std::size_t kDictionarySamples = 1000;

// The index's stored-fields compression, if it has a dictionary yet.
std::optional<StoredFieldsCompression> compression_of(const Xapian::Database& db) {
    std::string dictionary = db.get_metadata(std::string(schema::docdata_dictionary_key));
    if (dictionary.empty()) return std::nullopt;
    return StoredFieldsCompression(std::move(dictionary));
}

// Thrown from inside the reader callback to stop reading when a stop was requested.
struct StopReading {};

}  // namespace

Indexer::Indexer(const IndexOptions& options)
    : db_(open_writable(options)),
      builder_(options.language),
      extractor_(options.extract_entities ? &shared_extractor() : nullptr),
      detector_(options.language.empty() ? std::make_optional<corpus::LanguageDetector>()
                                         : std::nullopt),
      batch_size_(options.batch_size == 0 ? 1 : options.batch_size),
      committed_(db_.get_doccount()),
      initial_(committed_),
      compression_(compression_of(db_)) {}

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
    if (compression_) {
        prepared.document.add_value(schema::slot::stored_fields,
                                    compression_->compress(prepared.document.get_data()));
        prepared.document.set_data(std::string());
    } else if (samples_.size() < kDictionarySamples)
        samples_.push_back(prepared.document.get_data());
    db_.replace_document(prepared.id_term, prepared.document);
    prepared.document = Xapian::Document();  // released on this thread
    if (db_.get_doccount() > before)
        ++added_;
    else
        ++replaced_;
    if (++pending_ >= batch_size_) commit();
}

void Indexer::commit() {
    // The dictionary is committed with the batch (or alone), and used only once it is.
    std::optional<std::string> dictionary;
    if (!compression_ && !training_failed_ && samples_.size() >= kDictionarySamples) {
        dictionary = StoredFieldsCompression::train(samples_);
        if (dictionary)
            db_.set_metadata(std::string(schema::docdata_dictionary_key), *dictionary);
        else
            training_failed_ = true;  // records too alike or too short to gain: leave them plain
        samples_ = {};
    }
    if (pending_ > 0)
        db_.commit_transaction();
    else
        db_.commit();  // e.g. the schema version of a new, still empty index
    pending_ = 0;
    if (dictionary) compression_.emplace(std::move(*dictionary));
    committed_ = db_.get_doccount();
}

void Indexer::cancel() {
    if (pending_ == 0) return;
    pending_ = 0;
    db_.cancel_transaction();
}

bool Indexer::compact_and_close(const std::string& index_dir) {
    const std::filesystem::path compacted = compaction_dir(index_dir);
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
        db_.compact(compacted.string(), Xapian::Compactor::FULL);
    } catch (const Xapian::Error& e) {
        std::filesystem::remove_all(compacted, ignored);
        throw IndexError("cannot compact index " + index_dir + ": " + e.get_msg());
    }
    // RENAME_EXCHANGE swaps the folders atomically: a crash leaves one or the other, and so do
    // readers (an open that straddles the swap reads as corrupt once; the searcher opens again).
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

IndexSummary index_inputs(const std::vector<std::string>& paths, const IndexOptions& options,
                          const IndexCallbacks& callbacks) {
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    auto elapsed = [&start] { return std::chrono::duration<double>(Clock::now() - start).count(); };

    Indexer indexer(options);
    // With threads, this thread reads and prepares while the pipeline's thread writes.
    std::optional<WritePipeline> pipeline;
    if (options.threads > 1) pipeline.emplace(indexer);
    IndexSummary summary;
    std::uint64_t read = 0;
    corpus::ArticleSink sink;
    sink.on_article = [&](Article&& article) {
        if (options.stop_requested && options.stop_requested->load()) throw StopReading{};
        if (pipeline)
            pipeline->push(indexer.prepare(std::move(article)));
        else
            indexer.add(std::move(article));
        if (callbacks.on_progress && ++read % 1000 == 0) callbacks.on_progress({read, elapsed()});
    };
    sink.on_problem = [&](const ParseError& problem) {
        if (options.strict) throw problem;
        ++summary.skipped;
        ++summary.skipped_by_reason[reason_kind(problem.reason())];
        if (callbacks.on_skip) callbacks.on_skip(problem);
    };
    sink.on_cut = [&](const ParseError& cut) {
        if (options.strict) throw cut;
        ++summary.cut;
        if (callbacks.on_cut) callbacks.on_cut(cut);
    };

    try {
        try {
            corpus::read_inputs(paths, options.read, sink);
        } catch (const StopReading&) {
            summary.interrupted = true;
        }
        if (pipeline) pipeline->finish();  // rethrows a failed write
        indexer.commit();
    } catch (const Xapian::DatabaseError& e) {
        if (pipeline) pipeline->abandon();
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
            if (pipeline) pipeline->finish();
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
    summary.seconds = elapsed();
    return summary;
}

}  // namespace newsdex::indexer
