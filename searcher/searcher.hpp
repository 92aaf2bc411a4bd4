/// @file searcher.hpp
/// @brief The Searcher: opens an index and answers SearchRequests.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>

#include "common/stored_fields.hpp"
#include "common/stored_fields_compression.hpp"
#include "searcher/facet_counter.hpp"
#include "searcher/index_folder.hpp"
#include "searcher/search_request.hpp"
#include "searcher/search_result.hpp"

namespace newsdex::searcher {

class CachedEngine;
class QueryBuilder;

/// Where a database's shards are, which decides what a search over it can run. Xapian 1.4
/// cannot be asked (only its internals know a remote shard: get_description() says
/// "Database()" of every backend, get_revision() fails alike for remote and in-memory ones),
/// so whoever opens the database says so.
enum class Backend {
    /// On this machine (a path, in memory): newsdex's ItemCountSpy, Bm25Source and
    /// TotalEstimator run, and the CachedEngine can be used.
    local,
    /// At least one shard is remote (Xapian::Remote::open): Xapian sends a remote shard
    /// only what it can serialise, so facets are counted with its stock spies, terms are
    /// weighed by BM25Weight and totals are Xapian's estimates.
    remote,
};

/// Answers ranked (BM25) and faceted searches over one newsdex index.
class Searcher {
  public:
    /// Opens the index in `index_dir` (local); throws IndexError when it is missing or
    /// unreadable.
    explicit Searcher(const std::string& index_dir);
    /// Searches an already open database (tests on in-memory indexes, remote shards). A
    /// remote one named local fails with Xapian's UnimplementedError: nothing is retried.
    explicit Searcher(Xapian::Database db, Backend backend = Backend::local);
    ~Searcher();  // out of line: QueryBuilder and CachedEngine are complete only in searcher.cpp
    Searcher(Searcher&&) noexcept;
    Searcher& operator=(Searcher&&) noexcept;

    /// Runs a search, with a spelling suggestion when it has few matches or none (see
    /// spelling_suggester.hpp). Throws QueryError / UsageError for bad requests.
    [[nodiscard]] SearchResult search(const SearchRequest& request);

    /// Counts a local database's facets with these spies from now on (default: items).
    /// Stock spies are what a remote database always counts with; forcing them locally lets
    /// tests and benchmarks compare the two (without the facet cache, which counts for items).
    void use_facet_spies(FacetSpies spies) noexcept { facet_spies_ = spies; }

    /// Chooses the engine: the cached one (a CachedEngine, whose caches are built on first
    /// use and dropped when reopen() sees a new revision) or the plain one (the default).
    /// Worth it for a Searcher that answers many searches (benchmarks, a server); a one-shot
    /// search pays more to build the caches than it saves. A remote database always searches
    /// plainly: asking it for caches does nothing.
    void use_caches(bool on);

    /// Moves to the index's latest revision, or to the index folder that replaced the one
    /// opened (see IndexFolder), dropping what was built for the old one (query builder,
    /// caches; the dictionary too, with the folder). Returns whether anything may have changed.
    bool reopen();

    /// Bytes the facet cache holds (0 when plain or not built yet).
    [[nodiscard]] std::size_t facet_cache_bytes() const noexcept;
    /// Bytes the length cache holds (0 when plain or not built yet).
    [[nodiscard]] std::size_t length_cache_bytes() const noexcept;

    /// Number of documents in the index.
    [[nodiscard]] std::uint64_t document_count() const;

    /// The revision of the index read (Xapian's, which each commit raises); 0 for a database
    /// that has none to tell (in memory, remote).
    [[nodiscard]] std::uint64_t revision() const;

    /// The stored fields of the article with this id, its body included; none when the index
    /// holds no such article. Retried once on a new revision, as search() is.
    [[nodiscard]] std::optional<StoredFields> document(const std::string& id);

  private:
    /// One search, without a suggestion (retried once on a new revision).
    SearchResult search_once(const SearchRequest& request);
    /// `read()`, and once more after a reopen when a writer's commit overtook it; a second
    /// overtaking is an IndexError.
    template <typename Read>
    auto on_latest_revision(const Read& read) -> decltype(read());
    /// Replaces the facets of `result` that have a selection of their own with counts without
    /// it, selected values marked (facet_selection.hpp).
    void count_selected_facets(const SearchRequest& request, SearchResult& result);
    /// The query builder for `language` (empty: the index's languages), made on first use
    /// and kept until the language changes or the database is reopened.
    QueryBuilder& builder_for(const std::string& language);
    /// Drops what was derived from the revision read so far (query builders know its
    /// languages, the caches its documents); called after a reopen moved on.
    void forget_revision() noexcept;
    /// The index's stored-fields dictionary, read on first use; nullptr while it has none.
    StoredFieldsCompression* stored_fields_compression();

    /// The folder opened by path (reopens survive the indexer's folder swap); none when
    /// given an open database.
    std::optional<IndexFolder> folder_;
    Xapian::Database db_;
    Backend backend_ = Backend::local;
    std::unique_ptr<QueryBuilder> builder_;
    std::string builder_language_;
    /// The spies a local database counts facets with (a remote one: stock, always).
    FacetSpies facet_spies_ = FacetSpies::items;
    /// The cached engine when chosen over a local database; none: the plain engine.
    std::unique_ptr<CachedEngine> cached_;
    /// Read once per folder: an index's dictionary never changes once written (see reopen).
    std::optional<StoredFieldsCompression> compression_;
    bool compression_read_ = false;
};

}  // namespace newsdex::searcher
