/// @file indexer.hpp
/// @brief The Indexer: adds Articles to an on-disk index in committed batches.
#pragma once

#include <xapian.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "common/article.hpp"
#include "common/error.hpp"
#include "common/stored_fields_compression.hpp"
#include "corpus/analysis/entity_extractor.hpp"
#include "corpus/analysis/language_detector.hpp"
#include "corpus/readers/input_reader.hpp"
#include "indexer/dictionary_trainer.hpp"
#include "indexer/document_builder.hpp"

namespace newsdex::indexer {

/// How an index is built.
struct IndexOptions {
    std::string index_dir;
    /// Language of every article (ISO 639-1 code or Snowball name, e.g. "de" or "german");
    /// empty: each article's own, detected from its text when the input names none.
    std::string language;
    corpus::ReadOptions read;
    bool strict = false;  ///< the first malformed record is fatal
    /// Documents per commit. 1,000 by measurement (Reuters, 2 threads): 1,841 docs/s over 60,000
    /// stories against 1,371 at 10,000 and 1,760 at 2,000, and 35 MB peak memory against 151 MB:
    /// a bigger batch slows every update of Xapian's per-term change buffer by more than the
    /// extra commits cost.
    std::uint32_t batch_size = 1000;
    /// How long to keep retrying while another writer holds the index (0: fail at once).
    double wait_lock_seconds = 0;
    /// Add the people, organisations and places found in the text beside the given ones.
    bool extract_entities = true;
    /// Compact the index at the end of a run that at least doubled it (e.g. built it): an
    /// index written in several commits is about half empty blocks (Reuters: 133 -> 72 MB).
    bool compact = true;
    /// 1: one thread reads, prepares and writes. 2 or more: a new index is built in segments by
    /// that many threads (see segment_size); an index that holds documents is written by one
    /// thread while the reading thread prepares the next documents (entities, language, terms),
    /// in input order, with the same batches and commits.
    unsigned threads = 2;
    /// Documents per segment when a new index is built on several threads: each thread writes
    /// its share of the articles (an id always goes to the same thread) into small indexes of
    /// this many documents beside the index, merged into it at the end. 0: write a new index
    /// directly, in committed batches, like an existing one (slower, but searchable while it
    /// grows, and a crash keeps every commit). See SegmentedBuild for the measurements.
    std::uint32_t segment_size = 20000;
    /// Wait for each commit to reach the disk (false for a build's temporary segments).
    bool sync = true;
    /// Set (e.g. by a signal handler) to stop after committing what was done.
    const std::atomic<bool>* stop_requested = nullptr;
};

/// Where a run stands, for progress lines.
struct IndexProgress {
    std::uint64_t documents = 0;  ///< articles indexed so far in this run
    double seconds = 0;
};

/// What a run did.
struct IndexSummary {
    std::uint64_t added = 0;     ///< new documents
    std::uint64_t replaced = 0;  ///< documents whose id was already indexed
    std::uint64_t skipped = 0;   ///< malformed records left out
    std::map<std::string, std::uint64_t> skipped_by_reason;  ///< reason kind -> count
    std::uint64_t cut = 0;             ///< articles indexed with their body cut to the size limit
    std::uint64_t document_count = 0;  ///< documents in the index after the run
    double seconds = 0;
    bool interrupted = false;     ///< stopped early by stop_requested (after a commit)
    bool compacted = false;       ///< the index was compacted at the end (IndexOptions::compact)
    std::string compact_problem;  ///< why compacting failed (the index is whole, not compacted)

    [[nodiscard]] double docs_per_second() const {
        return seconds > 0 ? static_cast<double>(added + replaced) / seconds : 0;
    }
};

/// The callbacks a run reports through (the library itself never prints).
struct IndexCallbacks {
    std::function<void(const ParseError&)> on_skip;         ///< each skipped record
    std::function<void(const ParseError&)> on_cut;          ///< each article cut to size
    std::function<void(const IndexProgress&)> on_progress;  ///< every ~1000 documents
};

/// An article made ready for the index: its id term and its document.
struct PreparedDocument {
    std::string id_term;
    Xapian::Document document;
};

/// Adds articles to one writable index, committing every `batch_size` documents. Indexing an
/// id that is already there replaces that document. Each batch is a Xapian transaction: it is
/// committed whole or not at all, never partly (a failed batch is cancelled, and so is an
/// unfinished one when the Indexer is destroyed without commit()). Nothing committed is lost
/// when a later batch fails: Xapian commits are atomic.
class Indexer {
  public:
    /// Opens (or creates) the index; throws IndexError when it is locked or not ours. Stored
    /// fields are compressed with `dictionary`'s once it has one (shared by the segments of a
    /// build); by default with the index's own, trained on its first documents if it has none.
    explicit Indexer(const IndexOptions& options,
                     std::shared_ptr<DictionaryTrainer> dictionary = nullptr);
    ~Indexer();
    Indexer(const Indexer&) = delete;
    Indexer& operator=(const Indexer&) = delete;

    /// Adds or replaces one article (its id derived when empty); commits when a batch is full.
    /// With IndexOptions::extract_entities, extracted entities are added after the given ones
    /// unless one of the same type and facet key was given.
    void add(Article&& article);

    /// The first half of add(): derives the id, extracts entities, detects the language and
    /// builds the document. Touches no index, so it may run on another thread than write(),
    /// but not on two threads at once.
    [[nodiscard]] PreparedDocument prepare(Article&& article);

    /// The second half of add(): adds or replaces the document; commits when a batch is full.
    void write(PreparedDocument&& prepared);

    /// Commits the pending batch. Explicit: the WritableDatabase destructor swallows errors.
    void commit();

    /// Drops the pending batch (its transaction), e.g. after a write failed.
    void cancel();

    /// Articles added or replaced so far.
    [[nodiscard]] std::uint64_t indexed() const noexcept { return added_ + replaced_; }
    [[nodiscard]] std::uint64_t added() const noexcept { return added_; }
    [[nodiscard]] std::uint64_t replaced() const noexcept { return replaced_; }
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

    /// Compacts the committed index into a folder beside it (`index_dir` + ".compacting"),
    /// swaps the two folders in one atomic rename, removes the old one and closes the
    /// Indexer. The write lock is held until the swap, so no other writer's commit is lost; a
    /// crash at any point leaves `index_dir` whole (compacted or not). Returns false, leaving
    /// the index as it is and open, when the folder beside it may not be created (a parent
    /// folder the user cannot write to); throws IndexError when compacting fails.
    bool compact_and_close(const std::string& index_dir);

    /// Like compact_and_close(), but what takes the index's place is `segments` (e.g. the
    /// segments of a SegmentedBuild, as one Database) compacted into one index: the index's
    /// own documents are dropped, so it is for an index that holds none.
    bool merge_and_close(const Xapian::Database& segments, const std::string& index_dir);

  private:
    bool replace_and_close(Xapian::Database source, const std::string& index_dir);
    void adopt_dictionary();

    Xapian::WritableDatabase db_;
    DocumentBuilder builder_;
    const corpus::EntityExtractor* extractor_;          // nullptr: --no-extract
    std::optional<corpus::LanguageDetector> detector_;  // none when a language is forced
    std::uint32_t batch_size_;
    std::uint32_t pending_ = 0;
    std::uint64_t added_ = 0;
    std::uint64_t replaced_ = 0;
    std::uint64_t committed_ = 0;
    std::uint64_t initial_ = 0;
    // Document data is compressed with the dictionary once there is one; until then, the
    // documents' data is offered as samples to train it on (and stays uncompressed).
    std::shared_ptr<DictionaryTrainer> dictionary_;
    std::optional<StoredFieldsCompression> compression_;
};

/// Reads every input (see corpus::read_inputs) into the index of `options`, then commits.
/// Malformed records are reported to callbacks.on_skip and counted (oversized articles, cut
/// and indexed, to callbacks.on_cut), or thrown as ParseError when options.strict; in both
/// cases what was committed before stays in the index. A new index built on several threads
/// (IndexOptions::segment_size) appears whole at the end, after a stop or a fatal error in the
/// input with what was read before it; until then readers see it empty, and a crash or a
/// write error leaves it empty.
[[nodiscard]] IndexSummary index_inputs(const std::vector<std::string>& paths,
                                        const IndexOptions& options,
                                        const IndexCallbacks& callbacks);

}  // namespace newsdex::indexer
