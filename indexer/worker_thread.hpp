/// @file worker_thread.hpp
/// @brief A thread that handles queued items in order (a build's writer, or one of its lanes).
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <utility>

namespace newsdex::indexer {

/// Calls a handler on a thread of its own for each item pushed, in push order. The queue is
/// bounded: push() waits while it is full, so memory stays flat whatever the input size. The
/// first exception the handler throws stops the thread and is rethrown to the pushing side.
/// Items change owner once, whole (e.g. a Xapian::Document, whose reference counts are not
/// atomic, is used by one thread at a time).
template <typename Item>
class WorkerThread {
  public:
    using Handler = std::function<void(Item&&)>;

    /// Starts the thread; at most `capacity` items wait for it.
    explicit WorkerThread(Handler handler, std::size_t capacity = 256)
        : handler_(std::move(handler)), capacity_(capacity == 0 ? 1 : capacity) {
        thread_ = std::thread([this] { handle_all(); });
    }
    /// Drops what is queued and stops the thread (after finish() there is nothing to do).
    ~WorkerThread() { abandon(); }
    WorkerThread(const WorkerThread&) = delete;
    WorkerThread& operator=(const WorkerThread&) = delete;

    /// Queues an item, waiting while the queue is full. When the handler has failed, rethrows
    /// that failure instead (so that the caller stops at its next item).
    void push(Item&& item) {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [this] { return queue_.size() < capacity_ || failure_; });
        if (failure_) std::rethrow_exception(failure_);
        queue_.push_back(std::move(item));
        changed_.notify_all();
    }

    /// Waits until every queued item is handled, stops the thread and rethrows the handler's
    /// exception, if any.
    void finish() {
        stop(false);
        std::exception_ptr failure;
        {
            const std::lock_guard lock(mutex_);
            failure = std::exchange(failure_, nullptr);
        }
        if (failure) std::rethrow_exception(failure);
    }

    /// Stops the thread after the item it is handling and drops the rest of the queue.
    void abandon() noexcept { stop(true); }

  private:
    void stop(bool drop_queue) noexcept {
        {
            const std::lock_guard lock(mutex_);
            closed_ = true;
            if (drop_queue) queue_.clear();
        }
        changed_.notify_all();
        if (thread_.joinable()) thread_.join();
    }

    void handle_all() {
        for (;;) {
            Item item;
            {
                std::unique_lock lock(mutex_);
                changed_.wait(lock, [this] { return !queue_.empty() || closed_; });
                if (queue_.empty()) return;  // closed and everything handled
                item = std::move(queue_.front());
                queue_.pop_front();
            }
            changed_.notify_all();  // room for the next push
            try {
                handler_(std::move(item));
            } catch (...) {
                const std::lock_guard lock(mutex_);
                failure_ = std::current_exception();
                queue_.clear();
                changed_.notify_all();
                return;
            }
        }
    }

    Handler handler_;
    const std::size_t capacity_;
    std::mutex mutex_;
    std::condition_variable changed_;  // the queue, closed_ or failure_ changed
    std::deque<Item> queue_;
    bool closed_ = false;         // no more pushes: the thread ends when the queue is empty
    std::exception_ptr failure_;  // what the handler threw; nothing is handled after it
    std::thread thread_;
};

}  // namespace newsdex::indexer
