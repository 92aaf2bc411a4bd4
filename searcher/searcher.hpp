/// @file searcher.hpp
/// @brief The Searcher: opens an index and answers SearchRequests.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>

#include "common/stored_fields_compression.hpp"
#include "searcher/facet_counter.hpp"
#include "searcher/index_folder.hpp"
#include "searcher/search_request.hpp"
#include "searcher/search_result.hpp"

namespace newsdex::searcher {

class DocumentLengths;
class FacetOrdinals;
class QueryBuilder;

/// Answers ranked (BM25) and faceted searches over one newsdex index.
class Searcher {
  public:
    /// Opens the index in `index_dir`; throws IndexError when it is missing or unreadable.
    explicit Searcher(const std::string& index_dir);
    /// Searches an already open database (used by tests on in-memory indexes).
    explicit Searcher(Xapian::Database db);
    ~Searcher();  // out of line: QueryBuilder is complete only in searcher.cpp
    Searcher(Searcher&&) noexcept;
    Searcher& operator=(Searcher&&) noexcept;

    /// Runs a search. Throws QueryError / UsageError for bad requests.
    [[nodiscard]] SearchResult search(const SearchRequest& request);

    /// Counts facets with these spies from now on. Stock spies are what remote shards need
    /// (chosen by themselves when one turns our spies down); forcing them locally lets tests
    /// and benchmarks compare the two.
    void use_facet_spies(FacetSpies spies) noexcept { facet_spies_ = spies; }

    /// Keeps per-revision caches, each built on first use and kept until reopen() sees a new
    /// revision: the facet ordinal cache (FacetOrdinals), which facets are counted through
    /// (each slot built when first asked for), and every document's length
    /// (DocumentLengths), which BM25 reads through Bm25Source instead of looking each match
    /// up in the index. Worth it for a Searcher that answers many searches (benchmarks, a
    /// server); a one-shot search pays more to build them than it saves. Off by default.
    /// Local databases only: a remote shard turns down our spies (stock spies count instead)
    /// and our posting source (the plain query runs instead).
    void use_caches(bool on);

    /// Moves to the index's latest revision, or to the index folder that replaced the one
    /// opened (see IndexFolder), dropping what was built for the old one (query builder,
    /// caches; the dictionary too, with the folder). Returns whether anything may have changed.
    bool reopen();

    /// Bytes the facet cache holds (0 when off or not built yet).
    [[nodiscard]] std::size_t facet_cache_bytes() const noexcept;
    /// Bytes the length cache holds (0 when off or not built yet).
    [[nodiscard]] std::size_t length_cache_bytes() const noexcept;

    /// Number of documents in the index.
    [[nodiscard]] std::uint64_t document_count() const;

  private:
    /// One search with the facet spies that suit the database (see facet_spies_).
    SearchResult run_counting(const SearchRequest& request);
    /// The query builder for `language` (empty: the index's languages), made on first use
    /// and kept until the language changes or the database is reopened.
    QueryBuilder& builder_for(const std::string& language);
    /// Drops what was derived from the revision read so far (query builders know its
    /// languages, the caches its documents); called after a reopen moved on.
    void forget_revision() noexcept;
    /// The facet cache for this search, or nullptr when counting with spies.
    FacetOrdinals* facet_ordinals();
    /// The length cache for this search, or nullptr when BM25Weight reads lengths itself.
    const DocumentLengths* document_lengths();
    /// After a remote database turned them down: no Bm25Source or TotalEstimator from now on.
    void refuse_local_only();
    /// The index's stored-fields dictionary, read on first use; nullptr while it has none.
    StoredFieldsCompression* stored_fields_compression();

    /// The folder opened by path (reopens survive the indexer's folder swap); none when
    /// given an open database.
    std::optional<IndexFolder> folder_;
    Xapian::Database db_;
    std::unique_ptr<QueryBuilder> builder_;
    std::string builder_language_;
    /// Our item spies until a remote shard turns them down; stock spies after that.
    FacetSpies facet_spies_ = FacetSpies::items;
    bool caches_ = false;
    std::unique_ptr<FacetOrdinals> facet_ordinals_;      // built lazily, see use_caches
    std::unique_ptr<DocumentLengths> document_lengths_;  // likewise
    /// Set when a remote database turned down what only runs locally (Bm25Source,
    /// TotalEstimator: neither can be sent): no length cache and Xapian's estimates from then on.
    bool local_only_refused_ = false;
    /// Read once per folder: an index's dictionary never changes once written (see reopen).
    std::optional<StoredFieldsCompression> compression_;
    bool compression_read_ = false;
};

}  // namespace newsdex::searcher
