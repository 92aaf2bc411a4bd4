/// @file write_pipeline.hpp
/// @brief A writer thread that adds prepared documents to the index while the next are prepared.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

#include "indexer/indexer.hpp"

namespace newsdex::indexer {

/// Calls Indexer::write() on a thread of its own for each document pushed, in push order, so
/// that batches, commits and replace-by-id behave as on one thread. The queue is bounded:
/// push() waits while it is full, so memory stays flat whatever the input size. Between
/// construction and finish() the caller uses the Indexer through prepare() only.
class WritePipeline {
  public:
    /// Starts the writer thread; at most `capacity` documents wait for it.
    explicit WritePipeline(Indexer& indexer, std::size_t capacity = 256);
    /// Drops what is queued and stops the writer (after finish() there is nothing to do).
    ~WritePipeline();
    WritePipeline(const WritePipeline&) = delete;
    WritePipeline& operator=(const WritePipeline&) = delete;

    /// Queues a document, waiting while the queue is full. When a write has failed, rethrows
    /// that failure instead (so that reading stops at the next article).
    void push(PreparedDocument&& document);

    /// Waits until every queued document is written, stops the writer and rethrows the
    /// exception of a failed write, if any. The Indexer is the caller's again afterwards.
    void finish();

    /// Stops the writer after the document it is writing and drops the rest of the queue.
    void abandon() noexcept;

  private:
    void write_all();
    void stop(bool drop_queue) noexcept;

    Indexer& indexer_;
    const std::size_t capacity_;
    std::mutex mutex_;
    std::condition_variable changed_;  // the queue, closed_ or failure_ changed
    std::deque<PreparedDocument> queue_;
    bool closed_ = false;         // no more pushes: the writer ends when the queue is empty
    std::exception_ptr failure_;  // what the writer threw; it writes nothing after it
    std::thread writer_;
};

}  // namespace newsdex::indexer
