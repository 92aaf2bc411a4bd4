/// @file searcher_pool.cpp
/// @brief Borrowing and giving back the server's Searchers.
#include "searcher/server/searcher_pool.hpp"

namespace newsdex::server {

SearcherPool::SearcherPool(const std::string& index_dir, std::size_t size) {
    for (std::size_t i = 0; i < std::max<std::size_t>(size, 1); ++i) {
        auto searcher = std::make_unique<searcher::Searcher>(index_dir);
        searcher->use_caches(true);  // a long-lived Searcher: the caches pay for themselves
        free_.push_back(searcher.get());
        searchers_.push_back(std::move(searcher));
    }
}

SearcherPool::Lease SearcherPool::borrow() {
    searcher::Searcher* searcher = nullptr;
    {
        std::unique_lock lock(mutex_);
        returned_.wait(lock, [this] { return !free_.empty(); });
        searcher = free_.back();
        free_.pop_back();
    }
    Lease lease(*this, *searcher);  // given back even when the reopen throws
    searcher->reopen();
    return lease;
}

void SearcherPool::give_back(searcher::Searcher& searcher) {
    {
        const std::lock_guard lock(mutex_);
        free_.push_back(&searcher);
    }
    returned_.notify_one();
}

}  // namespace newsdex::server
