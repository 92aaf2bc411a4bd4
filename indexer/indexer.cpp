/// @file indexer.cpp
/// @brief Batched, replace-by-id indexing of articles into a Xapian database.
#include "indexer/indexer.hpp"

#include <chrono>
#include <filesystem>
#include <xapian.h>

#include "common/schema.hpp"

namespace newsdex::indexer {

namespace {

Xapian::WritableDatabase open_writable(const std::string& dir) {
    if (dir.empty()) throw UsageError("no index folder given (--index DIR)");
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) throw IndexError("cannot create index folder " + dir + ": " + ec.message());
    try {
        Xapian::WritableDatabase db(dir, Xapian::DB_CREATE_OR_OPEN);
        const std::string version = db.get_metadata(std::string(schema::schema_version_key));
        if (version.empty() && db.get_doccount() > 0)
            throw IndexError(dir + " holds a Xapian database that newsdex did not write");
        if (!version.empty() && version != schema::schema_version)
            throw IndexError(dir + " was written with newsdex schema " + version +
                             "; this build writes schema " + std::string(schema::schema_version));
        db.set_metadata(std::string(schema::schema_version_key),
                        std::string(schema::schema_version));
        return db;
    } catch (const Xapian::DatabaseLockError&) {
        throw IndexError("index " + dir + " is locked by another writer");
    } catch (const Xapian::DatabaseOpeningError& e) {
        throw IndexError("cannot open index " + dir + ": " + e.get_msg());
    }
}

// The kind of a skip reason for the summary: the reason up to its first ':' ("invalid JSON").
std::string reason_kind(const std::string& reason) {
    return reason.substr(0, reason.find(':'));
}

// Thrown from inside the reader callback to stop reading when a stop was requested.
struct StopReading {};

}  // namespace

Indexer::Indexer(const IndexOptions& options)
    : db_(open_writable(options.index_dir)),
      builder_(options.language),
      batch_size_(options.batch_size == 0 ? 1 : options.batch_size) {}

Indexer::~Indexer() = default;

void Indexer::add(Article&& article) {
    article.id = derive_id(article);
    const std::string id_term = schema::id_term(article.id);
    // term_exists sees this writer's uncommitted changes too, so duplicates within one run
    // are counted as replacements.
    if (db_.term_exists(id_term))
        ++replaced_;
    else
        ++added_;
    db_.replace_document(id_term, builder_.build(article));
    if (++pending_ >= batch_size_) commit();
}

void Indexer::commit() {
    db_.commit();
    pending_ = 0;
}

std::uint64_t Indexer::document_count() const { return db_.get_doccount(); }

IndexSummary index_inputs(const std::vector<std::string>& paths, const IndexOptions& options,
                          const IndexCallbacks& callbacks) {
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    auto elapsed = [&start] {
        return std::chrono::duration<double>(Clock::now() - start).count();
    };

    Indexer indexer(options);
    IndexSummary summary;
    corpus::ArticleSink sink;
    sink.on_article = [&](Article&& article) {
        if (options.stop_requested && options.stop_requested->load()) throw StopReading{};
        indexer.add(std::move(article));
        if (callbacks.on_progress && indexer.indexed() % 1000 == 0)
            callbacks.on_progress({indexer.indexed(), elapsed()});
    };
    sink.on_problem = [&](const ParseError& problem) {
        if (options.strict) throw problem;
        ++summary.skipped;
        ++summary.skipped_by_reason[reason_kind(problem.reason())];
        if (callbacks.on_skip) callbacks.on_skip(problem);
    };

    try {
        corpus::read_inputs(paths, options.read, sink);
    } catch (const StopReading&) {
        summary.interrupted = true;
    } catch (...) {
        // Keep the complete articles read before a fatal error (--strict, I/O); if even that
        // commit fails, the original error is the one worth reporting.
        try {
            indexer.commit();
        } catch (...) {
        }
        throw;
    }
    indexer.commit();
    summary.added = indexer.added();
    summary.replaced = indexer.replaced();
    summary.document_count = indexer.document_count();
    summary.seconds = elapsed();
    return summary;
}

}  // namespace newsdex::indexer
