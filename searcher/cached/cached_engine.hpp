/// @file cached_engine.hpp
/// @brief CachedEngine: the per-revision caches a long-lived Searcher searches through.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <memory>

#include "searcher/cached/match_set.hpp"

namespace newsdex::searcher {

class DocumentLengths;
class FacetOrdinals;

/// What a Searcher that answers many searches over one local database keeps between them
/// (benchmarks, a server): the length cache (DocumentLengths), through which Bm25Sources
/// weigh terms as BM25Weight does without looking each match's length up in the index; and
/// the facet cache (FacetOrdinals, with its TermBitmaps), through which facets are counted
/// by docid and simple queries are walked from their posting lists (MatchSet). Each is built
/// on first use, from the database it is given, and rebuilt when that database holds other
/// documents than it was built from; clear() drops both (a reopen saw a new revision).
///
/// A one-shot search pays more to build them than it saves, and a remote database can run
/// neither (Xapian sends it no unregistered posting source or spy, and it serves no value
/// streams): the Searcher then has no CachedEngine, and searches plainly.
class CachedEngine {
  public:
    CachedEngine();
    ~CachedEngine();  // out of line: the caches are complete only in cached_engine.cpp
    CachedEngine(CachedEngine&&) noexcept;
    CachedEngine& operator=(CachedEngine&&) noexcept;

    /// The query to weigh `query` with over `db`: its weighted terms as Bm25Sources reading
    /// the length cache. `query` itself over several databases (the cache numbers the
    /// documents of one).
    [[nodiscard]] Xapian::Query weighted(const Xapian::Database& db, const Xapian::Query& query);

    /// The facet cache of `db`, which facets are counted through (see FacetCounter).
    [[nodiscard]] FacetOrdinals& facet_ordinals(const Xapian::Database& db);

    /// Whether the matches of `query` can be walked from its posting lists (MatchSet).
    [[nodiscard]] static bool walks(const Xapian::Query& query) {
        return MatchSet::supports(query);
    }
    /// Every match of `query` over `db`, walked with the facet cache's term bitmaps; requires
    /// walks(query).
    [[nodiscard]] MatchSet walk(const Xapian::Database& db, const Xapian::Query& query);

    /// Drops both caches: the database moved to another revision.
    void clear() noexcept;

    /// Bytes the facet cache holds (0 when not built yet).
    [[nodiscard]] std::size_t facet_cache_bytes() const noexcept;
    /// Bytes the length cache holds (0 when not built yet).
    [[nodiscard]] std::size_t length_cache_bytes() const noexcept;

  private:
    std::unique_ptr<FacetOrdinals> facet_ordinals_;
    std::unique_ptr<DocumentLengths> document_lengths_;
};

}  // namespace newsdex::searcher
