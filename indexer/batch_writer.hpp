/// @file batch_writer.hpp
/// @brief BatchWriter: writes prepared documents into an on-disk index in committed batches.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

#include "common/stored_fields_compression.hpp"
#include "indexer/alias_writer.hpp"
#include "indexer/copy_clusters.hpp"
#include "indexer/entity_merges.hpp"
#include "indexer/index_options.hpp"
#include "indexer/prepared_document.hpp"

namespace newsdex::indexer {

class DictionaryTrainer;

/// Writes prepared documents into one writable index, committing every `batch_size` documents.
/// Writing an id that is already there replaces that document. Each batch is a Xapian
/// transaction: it is committed whole or not at all, never partly (a failed batch is cancelled,
/// and so is an unfinished one when the writer is destroyed without commit()). Nothing
/// committed is lost when a later batch fails: Xapian commits are atomic.
class BatchWriter {
  public:
    /// Opens (or creates) the index; throws IndexError when it is locked or not ours. Stored
    /// fields are compressed with `dictionary`'s once it has one (shared by the segments of a
    /// build); by default with the index's own, trained on its first documents if it has none.
    explicit BatchWriter(const IndexOptions& options,
                         std::shared_ptr<DictionaryTrainer> dictionary = nullptr);
    ~BatchWriter();
    BatchWriter(const BatchWriter&) = delete;
    BatchWriter& operator=(const BatchWriter&) = delete;

    /// Adds or replaces the document and adds its words to the spelling data; commits when a
    /// batch is full. Replacing a document does not take its old words out of the spelling
    /// data (Xapian keeps no list of them): their frequencies only grow.
    void write(PreparedDocument&& prepared);

    /// Deletes the document with this id term, in the same batches and commits as write();
    /// false when the index holds none. Its words stay in the spelling data.
    bool remove(const std::string& id_term);

    /// Commits the pending batch and every spelling word held. Explicit: the WritableDatabase
    /// destructor swallows errors.
    void commit();

    /// Drops the pending batch (its transaction), e.g. after a write failed.
    void cancel();

    /// Closes the index, releasing its write lock (e.g. once a compacted copy took its place).
    void close();

    /// Gives the copies of one story among all the index's documents one cluster key
    /// (cluster_copies()), after committing what is pending; commits.
    CopyClusters cluster_copies();

    /// Joins the names of one entity over the whole index (merge_entities()), after committing
    /// what is pending; commits.
    EntityMerges merge_entities();

    /// The index being written, e.g. to compact it (see IndexSwap).
    [[nodiscard]] Xapian::Database database() const { return db_; }

    /// Documents added or replaced so far.
    [[nodiscard]] std::uint64_t indexed() const noexcept { return added_ + replaced_; }
    [[nodiscard]] std::uint64_t added() const noexcept { return added_; }
    [[nodiscard]] std::uint64_t replaced() const noexcept { return replaced_; }
    [[nodiscard]] std::uint64_t removed() const noexcept { return removed_; }
    [[nodiscard]] std::uint64_t document_count() const;
    /// Documents in the index as of its last commit (what a crash now would leave).
    [[nodiscard]] std::uint64_t committed_count() const noexcept { return committed_; }
    /// Documents the index held when it was opened.
    [[nodiscard]] std::uint64_t initial_count() const noexcept { return initial_; }
    /// The stored-fields dictionary of this index (its own, or the one it was given), to share
    /// with the segments of a build.
    [[nodiscard]] const std::shared_ptr<DictionaryTrainer>& dictionary() const noexcept {
        return dictionary_;
    }

  private:
    void adopt_dictionary();
    void commit_batch();
    void write_spellings();

    Xapian::WritableDatabase db_;
    std::uint32_t batch_size_;
    std::uint32_t pending_ = 0;
    std::uint64_t added_ = 0;
    std::uint64_t replaced_ = 0;
    std::uint64_t removed_ = 0;
    std::uint64_t committed_ = 0;
    std::uint64_t initial_ = 0;
    // Document data is compressed with the dictionary once there is one; until then, the
    // documents' data is offered as samples to train it on (and stays uncompressed).
    std::shared_ptr<DictionaryTrainer> dictionary_;
    std::optional<StoredFieldsCompression> compression_;
    // The entity alias and synonym tables of the entities written (docs/schema.md).
    AliasWriter aliases_;
    // The words to add to the spelling data, summed: one add_spelling per word and write.
    std::unordered_map<std::string, Xapian::termcount> spellings_;
    bool spelling_per_batch_;
};

}  // namespace newsdex::indexer
