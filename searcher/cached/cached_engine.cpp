/// @file cached_engine.cpp
/// @brief The caches of a CachedEngine, built on first use and rebuilt for other documents.
#include "searcher/cached/cached_engine.hpp"

#include "searcher/cached/bm25_source.hpp"
#include "searcher/cached/document_lengths.hpp"
#include "searcher/cached/facet_ordinals.hpp"

namespace newsdex::searcher {

CachedEngine::CachedEngine() = default;
CachedEngine::~CachedEngine() = default;
CachedEngine::CachedEngine(CachedEngine&&) noexcept = default;
CachedEngine& CachedEngine::operator=(CachedEngine&&) noexcept = default;

Xapian::Query CachedEngine::weighted(const Xapian::Database& db, const Xapian::Query& query) {
    if (db.size() != 1) return query;
    // A database handle shared with a writer (in memory) sees new documents without a
    // reopen: a cache built before them would miss them.
    if (document_lengths_ && !document_lengths_->matches(db)) document_lengths_.reset();
    if (!document_lengths_) document_lengths_ = std::make_unique<DocumentLengths>(db);
    return with_bm25_sources(query, *document_lengths_);
}

FacetOrdinals& CachedEngine::facet_ordinals(const Xapian::Database& db) {
    if (facet_ordinals_ && !facet_ordinals_->matches(db)) facet_ordinals_.reset();
    if (!facet_ordinals_) facet_ordinals_ = std::make_unique<FacetOrdinals>(db);
    return *facet_ordinals_;
}

MatchSet CachedEngine::walk(const Xapian::Database& db, const Xapian::Query& query) {
    return MatchSet(db, query, &facet_ordinals(db).term_bitmaps());
}

void CachedEngine::clear() noexcept {
    facet_ordinals_.reset();
    document_lengths_.reset();
}

std::size_t CachedEngine::facet_cache_bytes() const noexcept {
    return facet_ordinals_ ? facet_ordinals_->memory_bytes() : 0;
}

std::size_t CachedEngine::length_cache_bytes() const noexcept {
    return document_lengths_ ? document_lengths_->memory_bytes() : 0;
}

}  // namespace newsdex::searcher
