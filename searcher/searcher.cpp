/// @file searcher.cpp
/// @brief Runs a SearchRequest: BM25 ranking, sorting, exact facets, stored fields and snippets.
#include "searcher/searcher.hpp"

#include <xapian/enquire.h>
#include <xapian/error.h>
#include <xapian/keymaker.h>
#include <xapian/mset.h>
#include <xapian/weight.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <optional>

#include "common/error.hpp"
#include "common/schema.hpp"
#include "common/stored_fields.hpp"
#include "common/text.hpp"
#include "searcher/facet_counter.hpp"
#include "searcher/facet_ordinals.hpp"
#include "searcher/query_builder.hpp"
#include "searcher/search_limits.hpp"

namespace newsdex::searcher {

namespace {

/// Without facets, look at this many matches at least, so small totals come out exact cheaply.
constexpr Xapian::doccount min_checked = 1000;

Xapian::Database open_index(const std::string& index_dir) {
    std::error_code ec;
    if (!std::filesystem::exists(index_dir, ec))
        throw IndexError("index " + index_dir + " does not exist");
    Xapian::Database db;
    try {
        db = Xapian::Database(index_dir);
    } catch (const Xapian::DatabaseError& e) {
        throw IndexError(index_dir + " is not a newsdex index: " + e.get_msg());
    }
    // The same checks the indexer makes: our prefixes and slots mean nothing to other indexes.
    const std::string version = db.get_metadata(std::string(schema::schema_version_key));
    if (version.empty() && db.get_doccount() > 0)
        throw IndexError(index_dir +
                         " is not a newsdex index: it holds a Xapian database that "
                         "newsdex did not write");
    if (!version.empty() && version != schema::schema_version)
        throw IndexError(index_dir + " was written with newsdex schema " + version +
                         "; this build reads schema " + std::string(schema::schema_version) +
                         ": index the articles again");
    return db;
}

/// The first `length` bytes of `text` or a little less, cut at a word boundary.
std::string leading_text(const std::string& text, std::size_t length) {
    // Collapse a bounded prefix only: bodies can be long and only the start is shown.
    std::string lead = collapse_whitespace(std::string_view(text).substr(0, length * 2 + 16));
    if (lead.size() <= length) return lead;
    std::size_t cut = lead.rfind(' ', length);
    if (cut == std::string::npos || cut == 0) {
        cut = length;  // one long word: cut on a UTF-8 character boundary
        while (cut > 0 && (static_cast<unsigned char>(lead[cut]) & 0xC0) == 0x80) --cut;
    }
    lead.resize(cut);
    return lead + "...";
}

/// Matched terms wrapped in [[ ]]; the start of the body when no query term occurs in it.
std::string make_snippet(const Xapian::MSet& mset, const std::string& body,
                         const SearchRequest& request, const Xapian::Stem& stemmer) {
    if (request.snippet_length == 0 || body.empty()) return {};
    // No SNIPPET_BACKGROUND_MODEL or SNIPPET_EXHAUSTIVE: the first looks up the frequency of
    // every body word of every hit and the second scans whole bodies; together they were most
    // of a query's time (bench: term p50 2.2 ms with them, see bench/README.md).
    const unsigned flags = Xapian::MSet::SNIPPET_EMPTY_WITHOUT_MATCH;
    const std::string snippet =
        mset.snippet(body, request.snippet_length, stemmer, flags, "[[", "]]", "...");
    if (snippet.empty()) return leading_text(body, request.snippet_length);
    // MSet::snippet escapes for HTML; our consumers are terminals and JSON.
    return collapse_whitespace(decode_html_entities(snippet));
}

/// Whether the query holds stemmed terms (`Z...`). Only then need snippets stem the text they
/// scan: a phrase (or a bare filter) holds none, and stemming every word of ten bodies was
/// about a sixth of a phrase search (callgrind).
bool has_stemmed_terms(const Xapian::Query& query) {
    for (auto term = query.get_unique_terms_begin(); term != query.get_terms_end(); ++term)
        if (!(*term).empty() && (*term)[0] == 'Z') return true;
    return false;
}

Hit make_hit(const Xapian::MSetIterator& it, const Xapian::MSet& mset, const SearchRequest& request,
             const QueryBuilder& builder, bool stemmed_query) {
    const Xapian::Document doc = it.get_document();
    // The body is only read for a snippet: it is most of the data, and a copy per hit showed.
    StoredFields fields =
        StoredFields::decode(doc.get_data(), request.snippet_length > 0 ? StoredFields::Body::copy
                                                                        : StoredFields::Body::skip);
    // The stemmer the query used for this document's language, so snippets find its terms;
    // none when the query has no stemmed terms to find.
    static const Xapian::Stem no_stemming;
    const Xapian::Stem& stemmer =
        stemmed_query ? builder.stemmer_for(doc.get_value(schema::slot::language)) : no_stemming;
    Hit hit;
    hit.rank =
        request.offset + static_cast<std::uint32_t>(it.get_rank() - mset.get_firstitem()) + 1;
    hit.score = it.get_weight();
    hit.snippet = make_snippet(mset, fields.body, request, stemmer);
    hit.id = std::move(fields.id);
    hit.title = std::move(fields.title);
    hit.source = std::move(fields.source);
    hit.date = std::move(fields.date);
    hit.date_inferred = fields.date_inferred;
    hit.url = std::move(fields.url);
    hit.entities = std::move(fields.entities);
    hit.categories = std::move(fields.categories);
    return hit;
}

/// Relevance, or date then relevance. Undated documents come last either way: reversed, their
/// empty value already sorts last; ascending, it is replaced by a key above every date.
void set_order(Xapian::Enquire& enquire, const Xapian::Database& db, SortOrder sort) {
    if (sort == SortOrder::newest) {
        enquire.set_sort_by_value_then_relevance(schema::slot::date, true);
    } else if (sort == SortOrder::oldest) {
        auto* oldest_first = new Xapian::MultiValueKeyMaker;
        oldest_first->add_value(schema::slot::date, false,
                                db.get_value_upper_bound(schema::slot::date) + "x");
        enquire.set_sort_by_key_then_relevance(oldest_first->release(), false);  // Xapian owns it
    }
}

/// One attempt at a search; DatabaseModifiedError escapes to the caller, which retries.
SearchResult run_search(const Xapian::Database& db, QueryBuilder& builder,
                        const SearchRequest& request, FacetSpies spies, FacetOrdinals* ordinals) {
    const Xapian::Query query = builder.build(request);
    FacetCounter facets(request, spies, ordinals);  // validates facet names before any work

    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    set_order(enquire, db, request.sort);
    facets.attach(enquire);

    // Facets must see every match to be exact, so the match then runs to the end.
    const Xapian::doccount check_at_least =
        request.facets.empty()
            ? std::max<Xapian::doccount>(request.offset + request.limit, min_checked)
            : db.get_doccount();
    const Xapian::MSet mset = enquire.get_mset(request.offset, request.limit, check_at_least);

    SearchResult result;
    result.total = mset.get_matches_estimated();
    result.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
    result.offset = request.offset;
    result.query_description = query.get_description();
    const bool stemmed_query = has_stemmed_terms(query);
    for (auto it = mset.begin(); it != mset.end(); ++it)
        result.hits.push_back(make_hit(it, mset, request, builder, stemmed_query));
    result.facets = facets.collect();
    return result;
}

}  // namespace

Searcher::Searcher(const std::string& index_dir) : db_(open_index(index_dir)) {}

Searcher::Searcher(Xapian::Database db) : db_(std::move(db)) {}

Searcher::~Searcher() = default;
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;

QueryBuilder& Searcher::builder_for(const std::string& language) {
    // Making one reads the index's languages and sets up a parser (with its stemmer and
    // field processors) per language: worth doing once, not per search.
    if (!builder_ || builder_language_ != language) {
        builder_ = std::make_unique<QueryBuilder>(db_, language);
        builder_language_ = language;
    }
    return *builder_;
}

void Searcher::use_facet_cache(bool on) {
    facet_cache_ = on;
    if (!on) facet_ordinals_.reset();
}

std::size_t Searcher::facet_cache_bytes() const noexcept {
    return facet_ordinals_ ? facet_ordinals_->memory_bytes() : 0;
}

void Searcher::forget_revision() noexcept {
    builder_.reset();
    facet_ordinals_.reset();
}

bool Searcher::reopen() {
    const bool changed = db_.reopen();
    if (changed) forget_revision();
    return changed;
}

FacetOrdinals* Searcher::facet_ordinals() {
    if (!facet_cache_ || facet_spies_ != FacetSpies::items) return nullptr;
    // A database handle shared with a writer (in memory) sees new documents without a
    // reopen: a cache built before them would miss them.
    if (facet_ordinals_ && !facet_ordinals_->matches(db_)) facet_ordinals_.reset();
    if (!facet_ordinals_) facet_ordinals_ = std::make_unique<FacetOrdinals>(db_);
    return facet_ordinals_.get();
}

SearchResult Searcher::run_counting(const SearchRequest& request) {
    QueryBuilder& builder = builder_for(request.language);
    if (facet_spies_ == FacetSpies::items && !request.facets.empty()) {
        try {
            return run_search(db_, builder, request, facet_spies_, facet_ordinals());
        } catch (const Xapian::UnimplementedError&) {
            // A remote shard cannot run our spies (Xapian refuses them before matching) nor
            // serve the value streams the cache is built from: count with the stock spies,
            // which it runs and Xapian merges, from now on.
            facet_spies_ = FacetSpies::stock;
            facet_ordinals_.reset();
        }
    }
    return run_search(db_, builder, request, facet_spies_, nullptr);
}

SearchResult Searcher::search(const SearchRequest& request) {
    limits::check(request);  // before any index work: a request past a limit is refused
    try {
        return run_counting(request);
    } catch (const Xapian::DatabaseModifiedError&) {
        // An indexer committed while we read: move to the new revision and try once more,
        // with a query builder that knows the languages the new revision holds and a facet
        // cache of its documents.
        db_.reopen();
        forget_revision();
    }
    try {
        return run_counting(request);
    } catch (const Xapian::DatabaseModifiedError&) {
        // Twice in one search: the writer commits faster than we can read; say so plainly
        // rather than with Xapian's advice to reopen (which we just did).
        throw IndexError(
            "the index changed twice during one search (a writer is committing "
            "faster than the search runs); try again");
    }
}

std::uint64_t Searcher::document_count() const {
    return db_.get_doccount();
}

}  // namespace newsdex::searcher
