/// @file segmented_build.cpp
/// @brief Lanes that prepare and write their share of a new index's articles into segments.
#include "indexer/segmented_build.hpp"

#include <algorithm>
#include <functional>
#include <optional>
#include <string>
#include <system_error>
#include <unordered_map>
#include <utility>

#include "common/error.hpp"
#include "indexer/batch_writer.hpp"
#include "indexer/document_preparer.hpp"
#include "indexer/worker_thread.hpp"

namespace newsdex::indexer {

namespace {

// A segment is written like the index, but never compacted alone, and without disk flushes.
IndexOptions segment_options(IndexOptions options) {
    options.compact = false;
    options.sync = false;
    options.wait_lock_seconds = 0;
    options.stop_requested = nullptr;    // the build stops reading; the lanes write what was read
    options.spelling_per_batch = false;  // each word once per segment, at its last commit
    return options;
}

}  // namespace

/// One thread's share of a build: its segments, written one after the other.
class SegmentedBuild::Lane {
  public:
    Lane(const IndexOptions& options, std::filesystem::path dir,
         std::shared_ptr<DictionaryTrainer> dictionary)
        : options_(segment_options(options)),
          dir_(std::move(dir)),
          dictionary_(std::move(dictionary)),
          preparer_(options_),
          worker_([this](Article&& article) { write(std::move(article)); }) {}

    void push(Article&& article) { worker_.push(std::move(article)); }

    void finish() {
        worker_.finish();
        close_segment();
        delete_replaced();
    }

    void abandon() noexcept { worker_.abandon(); }

    [[nodiscard]] const std::vector<std::string>& segments() const noexcept { return segments_; }
    [[nodiscard]] std::uint64_t added() const noexcept { return added_; }
    [[nodiscard]] std::uint64_t replaced() const noexcept { return replaced_; }

  private:
    // On the lane's thread.
    void write(Article&& article) {
        if (!writer_ || writer_->indexed() >= options_.segment_size) {
            close_segment();
            open_segment();
        }
        PreparedDocument prepared = preparer_.prepare(std::move(article));
        note_id(prepared.id_term);
        writer_->write(std::move(prepared));
    }

    void open_segment() {
        options_.index_dir = (dir_ / ("segment-" + std::to_string(segments_.size()))).string();
        writer_.emplace(options_, dictionary_);
        segments_.push_back(options_.index_dir);
    }

    void close_segment() {
        if (!writer_) return;
        writer_->commit();
        added_ += writer_->added();
        replaced_ += writer_->replaced();
        writer_.reset();
    }

    // Remembers, by hash, the first segment that got an id term like this one; when a later
    // segment gets it again, every segment in between may hold an older copy. A hash may be
    // shared by other ids, so each of those copies is checked by its term before it goes.
    void note_id(const std::string& id_term) {
        const auto current = static_cast<std::uint32_t>(segments_.size() - 1);
        const auto [first, fresh] =
            first_segment_.try_emplace(std::hash<std::string>{}(id_term), current);
        if (fresh) return;
        for (std::uint32_t segment = first->second; segment < current; ++segment)
            maybe_replaced_.emplace_back(segment, id_term);
    }

    // Deletes the copies that a later segment replaced (after the lane has stopped).
    void delete_replaced() {
        std::sort(maybe_replaced_.begin(), maybe_replaced_.end());
        for (auto copy = maybe_replaced_.begin(); copy != maybe_replaced_.end();) {
            const std::uint32_t segment = copy->first;
            Xapian::WritableDatabase db(segments_[segment], Xapian::DB_OPEN | Xapian::DB_NO_SYNC);
            for (; copy != maybe_replaced_.end() && copy->first == segment; ++copy) {
                if (!db.term_exists(copy->second)) continue;  // another id, or deleted already
                db.delete_document(copy->second);
                --added_;
                ++replaced_;
            }
            db.commit();
        }
        maybe_replaced_.clear();
    }

    IndexOptions options_;  // of the segment being written
    std::filesystem::path dir_;
    std::shared_ptr<DictionaryTrainer> dictionary_;
    std::vector<std::string> segments_;
    DocumentPreparer preparer_;                                     // used on the lane's thread
    std::optional<BatchWriter> writer_;                             // of the segment being written
    std::unordered_map<std::size_t, std::uint32_t> first_segment_;  // id term hash -> segment
    std::vector<std::pair<std::uint32_t, std::string>> maybe_replaced_;  // segment, id term
    std::uint64_t added_ = 0;
    std::uint64_t replaced_ = 0;
    WorkerThread<Article> worker_;  // last: starts once the rest is ready, stops first
};

SegmentedBuild::SegmentedBuild(const IndexOptions& options, std::filesystem::path segments_dir,
                               std::shared_ptr<DictionaryTrainer> dictionary)
    : dir_(std::move(segments_dir)) {
    std::error_code error;
    std::filesystem::remove_all(dir_, error);
    std::filesystem::create_directories(dir_, error);
    if (error)
        throw IndexError("cannot create folder " + dir_.string() + " for the segments of index " +
                         options.index_dir + ": " + error.message());
    const unsigned lanes = std::max(options.threads, 1U);
    for (unsigned lane = 0; lane < lanes; ++lane)
        lanes_.push_back(
            std::make_unique<Lane>(options, dir_ / ("lane-" + std::to_string(lane)), dictionary));
}

SegmentedBuild::~SegmentedBuild() {
    abandon();
    lanes_.clear();
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
}

void SegmentedBuild::add(Article&& article) {
    article.id = derive_id(article);
    const std::size_t lane = std::hash<std::string>{}(article.id) % lanes_.size();
    lanes_[lane]->push(std::move(article));
}

void SegmentedBuild::finish() {
    for (auto& lane : lanes_) lane->finish();
    added_ = replaced_ = 0;
    for (const auto& lane : lanes_) {
        added_ += lane->added();
        replaced_ += lane->replaced();
    }
}

void SegmentedBuild::abandon() noexcept {
    for (auto& lane : lanes_) lane->abandon();
}

std::vector<std::string> SegmentedBuild::segment_paths() const {
    // The lanes' first segments, then their second ones, ...: merged docids follow the input
    // order segment by segment.
    std::vector<std::string> paths;
    for (std::size_t round = 0;; ++round) {
        bool any = false;
        for (const auto& lane : lanes_) {
            if (round >= lane->segments().size()) continue;
            paths.push_back(lane->segments()[round]);
            any = true;
        }
        if (!any) return paths;
    }
}

Xapian::Database SegmentedBuild::segments() const {
    Xapian::Database all;
    for (const auto& path : segment_paths()) all.add_database(Xapian::Database(path));
    return all;
}

}  // namespace newsdex::indexer
