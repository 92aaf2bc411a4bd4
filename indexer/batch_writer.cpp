/// @file batch_writer.cpp
/// @brief Batched, replace-by-id writing of prepared documents into a Xapian database.
#include "indexer/batch_writer.hpp"

#include <xapian.h>

#include <chrono>
#include <filesystem>
#include <sstream>
#include <string>
#include <thread>
#include <utility>

#include "common/error.hpp"
#include "common/schema.hpp"
#include "indexer/dictionary_trainer.hpp"

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

// The trainer of an index's own stored-fields dictionary: it has one already, or will train
// one on its next documents.
std::shared_ptr<DictionaryTrainer> own_dictionary(const Xapian::Database& db) {
    return std::make_shared<DictionaryTrainer>(
        db.get_metadata(std::string(schema::docdata_dictionary_key)));
}

}  // namespace

BatchWriter::BatchWriter(const IndexOptions& options, std::shared_ptr<DictionaryTrainer> dictionary)
    : db_(open_writable(options)),
      batch_size_(options.batch_size == 0 ? 1 : options.batch_size),
      committed_(db_.get_doccount()),
      initial_(committed_),
      dictionary_(dictionary ? std::move(dictionary) : own_dictionary(db_)),
      aliases_(options.synonyms),
      spelling_per_batch_(options.spelling_per_batch) {}

BatchWriter::~BatchWriter() = default;

void BatchWriter::write(PreparedDocument&& prepared) {
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
    aliases_.note(db_, prepared.document);
    db_.replace_document(prepared.id_term, prepared.document);
    prepared.document = Xapian::Document();  // released on this thread
    // Held until the commit, like the documents, and cancelled with the batch.
    for (SpellingWord& word : prepared.spellings) spellings_[std::move(word.word)] += word.count;
    if (db_.get_doccount() > before)
        ++added_;
    else
        ++replaced_;
    if (++pending_ >= batch_size_) commit_batch();
}

bool BatchWriter::remove(const std::string& id_term) {
    if (pending_ == 0) db_.begin_transaction();
    // As in write(): the document count, which counts this batch's changes, tells.
    const Xapian::doccount before = db_.get_doccount();
    db_.delete_document(id_term);
    const bool found = db_.get_doccount() < before;
    if (found) ++removed_;
    if (++pending_ >= batch_size_) commit_batch();
    return found;
}

// Called inside a batch's transaction: the dictionary is committed with the first documents
// compressed with it, never after them.
void BatchWriter::adopt_dictionary() {
    const std::shared_ptr<const std::string> dictionary = dictionary_->dictionary();
    if (!dictionary) return;
    const std::string key(schema::docdata_dictionary_key);
    if (db_.get_metadata(key) != *dictionary) db_.set_metadata(key, *dictionary);
    compression_.emplace(*dictionary);
}

void BatchWriter::write_spellings() {
    for (const auto& [word, count] : spellings_) db_.add_spelling(word, count);
    spellings_.clear();
}

void BatchWriter::commit_batch() {
    if (spelling_per_batch_) {
        commit();
        return;
    }
    db_.commit_transaction();  // the words wait for commit()
    pending_ = 0;
    committed_ = db_.get_doccount();
}

void BatchWriter::commit() {
    if (pending_ == 0 && spellings_.empty()) {
        db_.commit();  // e.g. the schema version of a new, still empty index
    } else {
        if (pending_ == 0) db_.begin_transaction();  // only held words to write
        write_spellings();
        db_.commit_transaction();
    }
    pending_ = 0;
    committed_ = db_.get_doccount();
}

void BatchWriter::cancel() {
    // Held words go too: a batch's with it, a segment's with the segment a failed build drops.
    spellings_.clear();
    if (pending_ == 0) return;
    pending_ = 0;
    db_.cancel_transaction();
}

void BatchWriter::close() {
    db_.close();
}

std::uint64_t BatchWriter::document_count() const {
    return db_.get_doccount();
}

CopyClusters BatchWriter::cluster_copies() {
    commit();
    CopyClusters found = indexer::cluster_copies(db_);
    committed_ = db_.get_doccount();
    return found;
}

EntityMerges BatchWriter::merge_entities() {
    commit();
    EntityMerges done = indexer::merge_entities(db_);
    committed_ = db_.get_doccount();
    return done;
}

}  // namespace newsdex::indexer
