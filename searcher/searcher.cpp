/// @file searcher.cpp
/// @brief Runs a SearchRequest: BM25 ranking, sorting, exact facets, stored fields and snippets.
#include "searcher/searcher.hpp"

#include <xapian/enquire.h>
#include <xapian/error.h>
#include <xapian/keymaker.h>
#include <xapian/matchspy.h>
#include <xapian/mset.h>
#include <xapian/weight.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string_view>
#include <vector>

#include "common/accent_folding.hpp"
#include "common/error.hpp"
#include "common/schema.hpp"
#include "common/stored_fields.hpp"
#include "common/stored_fields_compression.hpp"
#include "common/text.hpp"
#include "common/word_boundaries.hpp"
#include "searcher/cached/cached_engine.hpp"
#include "searcher/cached/match_set.hpp"
#include "searcher/facet_counter.hpp"
#include "searcher/facet_selection.hpp"
#include "searcher/query_builder.hpp"
#include "searcher/query_explanation.hpp"
#include "searcher/search_limits.hpp"
#include "searcher/spelling_suggester.hpp"
#include "searcher/total_estimator.hpp"

namespace newsdex::searcher {

namespace {

/// Without facets, look at this many matches at least, so small totals come out exact cheaply.
constexpr Xapian::doccount min_checked = 1000;

/// The first `length` bytes of `text` or a little less, cut at a word boundary.
std::string leading_text(const std::string& text, std::size_t length) {
    // Collapse a bounded prefix only: bodies can be long and only the start is shown.
    std::string lead = collapse_whitespace(std::string_view(text).substr(0, length * 2 + 16));
    if (lead.size() <= length) return lead;
    std::size_t cut = lead.rfind(' ', length);
    // One long word: cut on a UTF-8 character boundary.
    if (cut == std::string::npos || cut == 0) cut = utf8_prefix_size(lead, length);
    lead.resize(cut);
    return lead + "...";
}

/// Matched terms wrapped in [[ ]]; the start of the body when no query term occurs in it.
std::string make_snippet(const Xapian::MSet& mset, const std::string& body,
                         const SearchRequest& request, const Xapian::Stem& stemmer) {
    if (request.snippet_length == 0 || body.empty()) return {};
    // No SNIPPET_BACKGROUND_MODEL or SNIPPET_EXHAUSTIVE: the first looks up the frequency of
    // every body word of every hit and the second scans whole bodies; together they were most
    // of a query's time (bench/RESULTS.md, snippets).
    const unsigned flags = Xapian::MSet::SNIPPET_EMPTY_WITHOUT_MATCH;
    // Split into words as the indexer split it (U.S. is u_s, not us), with marks that come out.
    std::string marked = body;
    mark_word_boundaries(marked, ElisionMark::reversible);
    std::string snippet =
        mset.snippet(marked, request.snippet_length, stemmer, flags, "[[", "]]", "...");
    if (snippet.empty()) return leading_text(body, request.snippet_length);
    unmark_word_boundaries(snippet);
    // MSet::snippet escapes for HTML; our consumers are terminals and JSON.
    return collapse_whitespace(decode_html_entities(snippet));
}

/// Whether a term is a text stem: `Z` (schema::prefix::text) also begins the title field's
/// `ZS` stems, which are stems too.
bool is_stem_term(const std::string& term) {
    return term.starts_with(schema::prefix::text);
}

/// Whether the query holds stemmed terms (`Z...`). Only then need snippets stem the text they
/// scan: a bare filter holds none, and stemming ten bodies is dear (bench/RESULTS.md, snippets).
bool has_stemmed_terms(const Xapian::Query& query) {
    for (auto term = query.get_unique_terms_begin(); term != query.get_terms_end(); ++term)
        if (is_stem_term(*term)) return true;
    return false;
}

/// Whether MSet::snippet would find none of the query's matches in a text: it compares the
/// terms of a tight phrase with the text's words unstemmed, and a wildcard's pattern with
/// their starts, but the index's phrases hold stems (Zrate) and its wildcards `Z` patterns.
/// Or whether it would mark words the query excludes (`opec NOT oil`): it marks every term.
bool hides_matches_from_snippets(const Xapian::Query& query) {
    const auto type = query.get_type();
    if (type == Xapian::Query::OP_PHRASE || type == Xapian::Query::OP_WILDCARD) return true;
    if (type == Xapian::Query::OP_AND_NOT)  // but not for a language filter's AND_NOT
        for (std::size_t i = 1; i < query.get_num_subqueries(); ++i)
            if (has_stemmed_terms(query.get_subquery(i))) return true;
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i)
        if (hides_matches_from_snippets(query.get_subquery(i))) return true;
    return false;
}

/// The wildcard patterns of a query text, lower-cased and folded: each run of word bytes
/// directly before a `*`, as search_limits counts wildcards (`title:infla*` gives "infla"),
/// but those a `-` negates.
std::vector<std::string> wildcard_patterns(std::string_view text) {
    const auto word_byte = [](unsigned char c) { return std::isalnum(c) || c >= 0x80; };
    std::vector<std::string> patterns;
    for (std::size_t end = text.find('*'); end != std::string_view::npos;
         end = text.find('*', end + 1)) {
        std::size_t start = end;
        while (start > 0 && word_byte(static_cast<unsigned char>(text[start - 1]))) --start;
        std::size_t token = start;  // past a field's name, to where a sign would be
        while (token > 0 && text[token - 1] != ' ' && text[token - 1] != '(') --token;
        if (start < end && text[token] != '-')
            patterns.push_back(fold_accents(to_lower(text.substr(start, end - start))));
    }
    return patterns;
}

/// The stems of `query` (`Z...` terms) that a match may hold: those under the right side of an
/// AND_NOT are what matches do not hold.
void wanted_stems(const Xapian::Query& query, std::vector<std::string>& stems) {
    if (query.get_type() == Xapian::Query::LEAF_TERM) {
        const std::string term = *query.get_terms_begin();
        if (is_stem_term(term) && std::find(stems.begin(), stems.end(), term) == stems.end())
            stems.push_back(term);
        return;
    }
    const std::size_t parts =
        query.get_type() == Xapian::Query::OP_AND_NOT ? 1 : query.get_num_subqueries();
    for (std::size_t i = 0; i < parts && i < query.get_num_subqueries(); ++i)
        wanted_stems(query.get_subquery(i), stems);
}

/// What snippets are made from when hides_matches_from_snippets(query): an MSet (of no hits)
/// of the query's stems as loose terms, which MSet::snippet finds by stemming the text, and
/// its wildcards' patterns unprefixed, which it finds at the start of words. The index has
/// no unprefixed lower-case terms, so those wildcards expand to nothing.
Xapian::MSet highlight_mset(const Xapian::Database& db, const Xapian::Query& query,
                            const std::string& text) {
    std::vector<std::string> stems;
    wanted_stems(query, stems);
    std::vector<Xapian::Query> parts(stems.begin(), stems.end());
    for (auto& pattern : wildcard_patterns(text))
        parts.emplace_back(Xapian::Query::OP_WILDCARD, pattern);
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end()));
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    return enquire.get_mset(0, 0);  // no hits: only the term statistics snippets weigh by
}

/// The plain stored-fields record of `data`, expanded into `buffer` when it is compressed.
std::string_view plain_record(const std::string& data, StoredFieldsCompression* compression,
                              std::string& buffer) {
    if (!StoredFieldsCompression::is_compressed(data)) return data;
    if (!compression)
        throw IndexError("document data is compressed but the index holds no dictionary for it");
    return compression->expand(data, buffer);
}

Hit make_hit(const Xapian::MSetIterator& it, const Xapian::MSet& mset, const Xapian::MSet& snippets,
             const SearchRequest& request, const QueryBuilder& builder, bool stemmed_query,
             StoredFieldsCompression* compression) {
    const Xapian::Document doc = it.get_document();
    const std::string data = StoredFieldsCompression::record_of(doc);
    std::string expanded;
    // The body is only read for a snippet: it is most of the data, and a copy per hit showed.
    StoredFields fields = StoredFields::decode(
        plain_record(data, compression, expanded),
        request.snippet_length > 0 ? StoredFields::Body::copy : StoredFields::Body::skip);
    // The stemmer the query used for this document's language, so snippets find its terms;
    // none when the query has no stemmed terms to find.
    static const Xapian::Stem no_stemming;
    const Xapian::Stem& stemmer =
        stemmed_query ? builder.stemmer_for(doc.get_value(schema::slot::language)) : no_stemming;
    Hit hit;
    hit.rank =
        request.offset + static_cast<std::uint32_t>(it.get_rank() - mset.get_firstitem()) + 1;
    hit.score = it.get_weight();
    hit.snippet = make_snippet(snippets, fields.body, request, stemmer);
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

/// Counts the matches the matcher looks at, before it collapses them: with hits collapsed, the
/// number of articles, which Xapian's uncollapsed figures only estimate (by tens of percent on
/// Reuters, even when every match was looked at). A local spy: a remote shard would need it
/// registered, and there the total stays Xapian's estimate.
class MatchCounter : public Xapian::MatchSpy {
  public:
    void operator()(const Xapian::Document&, double) override { ++count_; }
    [[nodiscard]] Xapian::doccount count() const noexcept { return count_; }

  private:
    Xapian::doccount count_ = 0;
};

/// Copies listed with a hit at most; the count says how many there are.
constexpr Xapian::doccount max_listed_copies = 10;

/// Lists, with each hit of a cluster, the other documents of its cluster that `query` matches,
/// oldest first (`docs`: the hits' docids). One match for all the page's clusters: collapsed on
/// the cluster slot to max_listed_copies + 1 each, counted by Xapian's ValueCountMatchSpy (which
/// a remote shard knows), all matches looked at, so the counts are exact.
void add_copies(std::vector<Hit>& hits, const std::vector<Xapian::docid>& docs,
                const Xapian::Database& db, const Xapian::Query& query,
                StoredFieldsCompression* compression) {
    std::vector<Xapian::Query> clusters;
    std::set<std::string> keys;
    for (const Hit& hit : hits)
        if (!hit.cluster.empty() && keys.insert(hit.cluster).second)
            clusters.push_back(cluster_query(hit.cluster));
    if (clusters.empty()) return;
    Xapian::Enquire enquire(db);
    enquire.set_query(
        Xapian::Query(Xapian::Query::OP_FILTER, query,
                      Xapian::Query(Xapian::Query::OP_OR, clusters.begin(), clusters.end())));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_sort_by_value(schema::slot::date, false);
    enquire.set_collapse_key(schema::slot::cluster, max_listed_copies + 1);
    Xapian::ValueCountMatchSpy sizes(schema::slot::cluster);
    enquire.add_matchspy(&sizes);
    const Xapian::MSet copies = enquire.get_mset(
        0, static_cast<Xapian::doccount>(keys.size()) * (max_listed_copies + 1), db.get_doccount());
    std::map<std::string, Xapian::doccount> size_of;
    for (auto value = sizes.values_begin(); value != sizes.values_end(); ++value)
        size_of[*value] = value.get_termfreq();
    // Each copy's cluster read once, its documents kept in date order per cluster.
    std::map<std::string, std::vector<Xapian::MSetIterator>> members;
    for (auto it = copies.begin(); it != copies.end(); ++it)
        members[it.get_document().get_value(schema::slot::cluster)].push_back(it);
    std::string buffer;
    for (std::size_t i = 0; i < hits.size(); ++i) {
        Hit& hit = hits[i];
        if (hit.cluster.empty()) continue;
        hit.copy_count = size_of[hit.cluster] - 1;  // the hit itself matches too
        for (const auto& it : members[hit.cluster]) {
            if (*it == docs[i] || hit.copies.size() == max_listed_copies) continue;
            const std::string data = StoredFieldsCompression::record_of(it.get_document());
            StoredFields fields = StoredFields::decode(plain_record(data, compression, buffer),
                                                       StoredFields::Body::skip);
            hit.copies.push_back(
                {std::move(fields.id), std::move(fields.source), std::move(fields.date)});
        }
    }
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

/// What a search may run over its database, decided before it runs: the facet spies,
/// the cached engine (none: plain) and whether a TotalEstimator may estimate.
struct Plan {
    FacetSpies spies;
    CachedEngine* cached;
    bool estimate;
};

// The documents a date facet's buckets count, which is each dated match once.
std::uint64_t dated(const Facet& date) {
    std::uint64_t sum = 0;
    for (const auto& bucket : date.values) sum += bucket.count;
    return sum;
}

/// One search; DatabaseModifiedError escapes to the caller, which retries.
SearchResult run_search(const Xapian::Database& db, QueryBuilder& builder,
                        const SearchRequest& request, const Plan& plan,
                        StoredFieldsCompression* compression) {
    const Xapian::Query query = builder.build(request);
    // The facet cache counts for our item spies only: forced stock spies count themselves.
    FacetOrdinals* ordinals =
        plan.cached && plan.spies == FacetSpies::items && !request.facets.empty()
            ? &plan.cached->facet_ordinals(db)
            : nullptr;
    FacetCounter facets(request, plan.spies, ordinals);  // validates facet names before any work

    Xapian::Enquire enquire(db);
    // The cached engine weighs terms by Bm25Sources (same weights, no length lookup in the
    // index per match); everything else still works on `query`.
    enquire.set_query(plan.cached ? plan.cached->weighted(db, query) : query);
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    set_order(enquire, db, request.sort);
    // One hit per story: Xapian keeps the best-ranked document of each cluster key (and so
    // does a remote shard's matcher). Only an index with copies has the slot.
    const bool collapsing = request.collapse && db.get_value_freq(schema::slot::cluster) > 0;
    if (collapsing) enquire.set_collapse_key(schema::slot::cluster);
    // Facets must see every match to be exact. With the facet cache, a simple query's matches
    // are walked from its posting lists and counted by docid, and the matcher ranks only as
    // far as the page; otherwise spies count in the matcher, which then runs to the end.
    std::optional<MatchSet> walked;
    if (facets.counts_docids() && CachedEngine::walks(query)) {
        walked.emplace(plan.cached->walk(db, query));
        facets.count(walked->docids());
    } else {
        facets.attach(enquire);
    }
    // The walk counted every match, so the matcher need not look past the page to estimate.
    const Xapian::doccount page_end = request.offset + request.limit;
    // Sorted by date, the matcher counts every match without collapsing, but stops early
    // with it: let it look at them all, for the same exact total.
    const bool counts_all =
        !request.facets.empty() || (collapsing && request.sort != SortOrder::relevance);
    const Xapian::doccount check_at_least = walked ? page_end
                                            : !counts_all
                                                ? std::max<Xapian::doccount>(page_end, min_checked)
                                                : db.get_doccount();
    // Xapian's estimate of a phrase is far off (see TotalEstimator). The estimator needs
    // the matches of one database in docid order, and in relevance order, where the matcher
    // stops counting after check_at_least; sorted by date it counts every match anyway.
    std::optional<TotalEstimator> estimator;
    if (plan.estimate && !walked && request.facets.empty() &&
        request.sort == SortOrder::relevance && db.size() == 1 && TotalEstimator::suits(query)) {
        estimator.emplace(check_at_least);
        enquire.add_matchspy(&*estimator);
    }
    // The articles of a collapsed search are counted by a spy: our own locally, and over
    // remote shards Xapian's ValueCountMatchSpy of the language slot, which every document
    // has once (a shard server knows that spy without registering it).
    std::optional<MatchCounter> counter;
    std::optional<Xapian::ValueCountMatchSpy> languages;
    if (collapsing && !walked) {
        if (plan.estimate) {
            counter.emplace();
            enquire.add_matchspy(&*counter);
        } else {
            languages.emplace(schema::slot::language);
            enquire.add_matchspy(&*languages);
        }
    }
    const Xapian::MSet mset = enquire.get_mset(request.offset, request.limit, check_at_least);

    SearchResult result;
    result.total = walked      ? walked->size()
                   : estimator ? estimator->total(mset, db)
                               : mset.get_uncollapsed_matches_estimated();
    result.total_exact = walked || mset.get_uncollapsed_matches_lower_bound() ==
                                       mset.get_uncollapsed_matches_upper_bound();
    // The matcher looks at check_at_least matches at least: fewer, and it saw them all.
    if (counter || languages) {
        const Xapian::doccount counted = counter ? counter->count() : languages->get_total();
        const bool saw_all = counted < check_at_least || check_at_least >= db.get_doccount();
        result.total = saw_all ? counted : std::max<std::uint64_t>(result.total, counted);
        result.total_exact = saw_all;
    }
    result.offset = request.offset;
    result.query_description = query.get_description();
    result.notices = builder.notes().notices;
    result.synonyms_used = builder.notes().synonyms;
    if (request.explain) result.parsed_query = explain_query(query, db);
    const bool stemmed_query = has_stemmed_terms(query);
    const Xapian::MSet snippets =
        request.snippet_length > 0 && !mset.empty() && hides_matches_from_snippets(query)
            ? highlight_mset(db, query, request.query)
            : mset;
    std::vector<Xapian::docid> docs;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        result.hits.push_back(
            make_hit(it, mset, snippets, request, builder, stemmed_query, compression));
        result.hits.back().cluster = it.get_document().get_value(schema::slot::cluster);
        docs.push_back(*it);
    }
    if (collapsing) add_copies(result.hits, docs, db, query, compression);
    result.facets = facets.collect();
    // Facets count every match (check_at_least is the document count), so the total is exact
    // and what no date bucket counts has no date: said, not left out.
    for (auto& facet : result.facets)
        if (facet.name == "date" && result.total_exact)
            facet.undated = result.total - std::min(result.total, dated(facet));
    return result;
}

}  // namespace

Searcher::Searcher(const std::string& index_dir)
    : folder_(IndexFolder(index_dir)), db_(folder_->open()) {}

Searcher::Searcher(Xapian::Database db, Backend backend) : db_(std::move(db)), backend_(backend) {}

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

void Searcher::use_caches(bool on) {
    if (!on || backend_ == Backend::remote)
        cached_.reset();
    else if (!cached_)
        cached_ = std::make_unique<CachedEngine>();
}

std::size_t Searcher::facet_cache_bytes() const noexcept {
    return cached_ ? cached_->facet_cache_bytes() : 0;
}

std::size_t Searcher::length_cache_bytes() const noexcept {
    return cached_ ? cached_->length_cache_bytes() : 0;
}

void Searcher::forget_revision() noexcept {
    if (!compression_) compression_read_ = false;  // a new revision may have brought one
    builder_.reset();
    if (cached_) cached_->clear();
}

bool Searcher::reopen() {
    const auto reopened = folder_        ? folder_->reopen(db_)
                          : db_.reopen() ? IndexFolder::Reopened::new_revision
                                         : IndexFolder::Reopened::same_revision;
    switch (reopened) {
        case IndexFolder::Reopened::same_revision:
            return false;
        case IndexFolder::Reopened::new_folder:
            // Another index took the path (rebuilt): its dictionary is another one.
            compression_.reset();
            compression_read_ = false;
            [[fallthrough]];
        case IndexFolder::Reopened::new_revision:
            forget_revision();
            return true;
    }
    return true;
}

StoredFieldsCompression* Searcher::stored_fields_compression() {
    if (!compression_read_) {
        // Over several shards this is the first one's dictionary (Xapian reads metadata from
        // the first database): shards indexed apart are refused when a hit needs another.
        std::string dictionary = db_.get_metadata(std::string(schema::docdata_dictionary_key));
        if (!dictionary.empty()) compression_.emplace(std::move(dictionary));
        compression_read_ = true;
    }
    return compression_ ? &*compression_ : nullptr;
}

void Searcher::count_selected_facets(const SearchRequest& request, SearchResult& result) {
    // One more search per filter dropped, counting every facet whose own filter it is (entity
    // and person share --entity person:...).
    std::map<std::string, SearchRequest> counting;
    for (const auto& facet : result.facets) {
        const std::string filter = own_filter(request, facet.name);
        if (filter.empty()) continue;
        auto [found, fresh] = counting.try_emplace(filter, without_own_filter(request, facet.name));
        auto& names = found->second.facets;
        if (!fresh && std::find(names.begin(), names.end(), facet.name) == names.end())
            names.push_back(facet.name);
    }
    for (const auto& [filter, counting_request] : counting) {
        SearchResult others = search_once(counting_request);
        for (const auto& counted : others.facets)
            for (auto& facet : result.facets)
                if (facet.name == counted.name) {
                    facet = counted;
                    mark_selected(facet, request, result.synonyms_used);
                }
    }
}

SearchResult Searcher::search(const SearchRequest& request) {
    SearchResult result = search_once(request);
    count_selected_facets(request, result);
    // Only a query with few matches or none pays for the spelling lookups.
    if (!wants_suggestion(request, result)) return result;
    const std::optional<std::string> corrected = corrected_query(db_, request.query);
    if (!corrected) return result;
    SearchRequest probe = request;  // the same filters, counted only
    probe.query = *corrected;
    probe.offset = 0;
    probe.limit = 0;
    probe.facets.clear();
    probe.snippet_length = 0;
    const SearchResult corrected_result = search_once(probe);
    if (corrected_result.total > result.total)
        result.suggestion = Suggestion{*corrected, corrected_result.total};
    return result;
}

template <typename Read>
auto Searcher::on_latest_revision(const Read& read) -> decltype(read()) {
    try {
        return read();
    } catch (const Xapian::DatabaseModifiedError&) {
        // An indexer committed while we read: move to the new revision and try once more,
        // with a query builder that knows the languages the new revision holds and a facet
        // cache of its documents.
        reopen();
    }
    try {
        return read();
    } catch (const Xapian::DatabaseModifiedError&) {
        // Twice in one read: the writer commits faster than we can read; say so plainly
        // rather than with Xapian's advice to reopen (which we just did).
        throw IndexError(
            "the index changed twice during one search (a writer is committing "
            "faster than the search runs); try again");
    }
}

SearchResult Searcher::search_once(const SearchRequest& request) {
    limits::check(request);  // before any index work: a request past a limit is refused
    const bool local = backend_ == Backend::local;
    const Plan plan{local ? facet_spies_ : FacetSpies::stock, cached_.get(), local};
    return on_latest_revision([&] {
        return run_search(db_, builder_for(request.language), request, plan,
                          stored_fields_compression());
    });
}

std::uint64_t Searcher::document_count() const {
    return db_.get_doccount();
}

std::uint64_t Searcher::revision() const {
    try {
        return db_.get_revision();
    } catch (const Xapian::LogicError&) {
        return 0;  // in memory or remote: Xapian keeps no revision it can tell
    }
}

std::optional<StoredFields> Searcher::document(const std::string& id) {
    return on_latest_revision([&]() -> std::optional<StoredFields> {
        const std::string term = schema::id_term(id);
        const Xapian::PostingIterator posting = db_.postlist_begin(term);
        if (posting == db_.postlist_end(term)) return std::nullopt;
        const std::string data = StoredFieldsCompression::record_of(db_.get_document(*posting));
        std::string expanded;
        return StoredFields::decode(plain_record(data, stored_fields_compression(), expanded));
    });
}

}  // namespace newsdex::searcher
