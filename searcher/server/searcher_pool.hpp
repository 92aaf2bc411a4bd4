/// @file searcher_pool.hpp
/// @brief Searchers for a server's worker threads: each request borrows one, moved to the
/// index's latest revision first.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "searcher/searcher.hpp"

namespace newsdex::server {

/// A fixed set of cached-engine Searchers over one index. A Xapian::Database (and so a
/// Searcher) serves one thread at a time; a pool of as many as there are workers lets each
/// request have one without waiting, and keeps each one's caches warm across requests.
class SearcherPool {
  public:
    /// Opens the index `size` times (size >= 1); throws IndexError when it cannot be read.
    SearcherPool(const std::string& index_dir, std::size_t size);

    /// A borrowed Searcher, given back when the lease ends.
    class Lease {
      public:
        Lease(SearcherPool& pool, searcher::Searcher& searcher)
            : pool_(&pool), searcher_(&searcher) {}
        Lease(Lease&& other) noexcept
            : pool_(std::exchange(other.pool_, nullptr)), searcher_(other.searcher_) {}
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        Lease& operator=(Lease&&) = delete;
        ~Lease() {
            if (pool_) pool_->give_back(*searcher_);
        }
        searcher::Searcher& operator*() const noexcept { return *searcher_; }
        searcher::Searcher* operator->() const noexcept { return searcher_; }

      private:
        SearcherPool* pool_;
        searcher::Searcher* searcher_;
    };

    /// Waits for a free Searcher and moves it to what the index holds now (a new revision, or
    /// the folder an index swap put in place), so that an answer never predates the request.
    [[nodiscard]] Lease borrow();

  private:
    void give_back(searcher::Searcher& searcher);

    std::vector<std::unique_ptr<searcher::Searcher>> searchers_;
    std::mutex mutex_;
    std::condition_variable returned_;
    std::vector<searcher::Searcher*> free_;
};

}  // namespace newsdex::server
