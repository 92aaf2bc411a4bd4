/// @file write_pipeline.cpp
/// @brief The writer thread of a build and its bounded, ordered queue.
#include "indexer/write_pipeline.hpp"

#include <utility>

namespace newsdex::indexer {

WritePipeline::WritePipeline(Indexer& indexer, std::size_t capacity)
    : indexer_(indexer), capacity_(capacity == 0 ? 1 : capacity) {
    writer_ = std::thread([this] { write_all(); });
}

WritePipeline::~WritePipeline() {
    abandon();
}

void WritePipeline::push(PreparedDocument&& document) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return queue_.size() < capacity_ || failure_; });
    if (failure_) std::rethrow_exception(failure_);
    queue_.push_back(std::move(document));
    changed_.notify_all();
}

void WritePipeline::finish() {
    stop(false);
    std::exception_ptr failure;
    {
        const std::lock_guard lock(mutex_);
        failure = std::exchange(failure_, nullptr);
    }
    if (failure) std::rethrow_exception(failure);
}

void WritePipeline::abandon() noexcept {
    stop(true);
}

void WritePipeline::stop(bool drop_queue) noexcept {
    {
        const std::lock_guard lock(mutex_);
        closed_ = true;
        if (drop_queue) queue_.clear();
    }
    changed_.notify_all();
    if (writer_.joinable()) writer_.join();
}

void WritePipeline::write_all() {
    for (;;) {
        PreparedDocument document;
        {
            std::unique_lock lock(mutex_);
            changed_.wait(lock, [this] { return !queue_.empty() || closed_; });
            if (queue_.empty()) return;  // closed and everything written
            document = std::move(queue_.front());
            queue_.pop_front();
        }
        changed_.notify_all();  // room for the next push
        try {
            indexer_.write(std::move(document));
        } catch (...) {
            const std::lock_guard lock(mutex_);
            failure_ = std::current_exception();
            queue_.clear();
            changed_.notify_all();
            return;
        }
    }
}

}  // namespace newsdex::indexer
