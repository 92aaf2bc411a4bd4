/// @file facet_counter.hpp
/// @brief Exact facet counts over all matches, with newsdex's item spy or Xapian's stock one.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "searcher/search_request.hpp"
#include "searcher/search_result.hpp"

namespace newsdex::searcher {

/// Which match spies count the facets.
enum class FacetSpies {
    /// newsdex's ItemCountSpy: counts list items directly; local databases only.
    items,
    /// Xapian's ValueCountMatchSpy: counts whole lists, split afterwards; remote shards
    /// (xapian-tcpsrv) run it too and Xapian merges their counts.
    stock,
};

class FacetOrdinals;
class OrdinalCountSpy;

/// Attaches one match spy per value slot the requested facets need (source, day, the packed
/// entity lists, the packed category list) before the match, then turns their counts into
/// Facets: days rolled up into a histogram, lists split into their items. Both kinds of spy
/// give the same exact counts; the stock kind also works over remote databases. Given a
/// Searcher's FacetOrdinals, one OrdinalCountSpy counts all slots by docid instead, with the
/// same counts again.

class FacetCounter {
  public:
    /// Throws UsageError for an unknown facet name. With `ordinals` (a local database's
    /// cache, which must outlive this object), one OrdinalCountSpy counts every slot by docid
    /// and `spies` is not used; the slots the facets need are built there if not yet.
    explicit FacetCounter(const SearchRequest& request, FacetSpies spies = FacetSpies::items,
                          FacetOrdinals* ordinals = nullptr);
    ~FacetCounter();  // out of line: Spec is complete only in facet_counter.cpp
    FacetCounter(const FacetCounter&) = delete;
    FacetCounter& operator=(const FacetCounter&) = delete;
    FacetCounter(FacetCounter&&) noexcept;
    FacetCounter& operator=(FacetCounter&&) noexcept;

    /// Registers the spies; call before Enquire::get_mset with check_at_least = doccount.
    void attach(Xapian::Enquire& enquire);

    /// Whether the facets can be counted from docids alone (through the facet cache), so
    /// count() may replace attach().
    [[nodiscard]] bool counts_docids() const noexcept;

    /// Counts the documents `docids` (ascending, every match of the query) instead of
    /// attaching spies; requires counts_docids().
    void count(const std::vector<Xapian::docid>& docids);

    /// The facets, in the order requested.
    [[nodiscard]] std::vector<Facet> collect() const;

  private:
    struct Spec;
    [[nodiscard]] Facet collect_spies(const Spec& spec) const;
    [[nodiscard]] Facet collect_ordinals(const Spec& spec) const;

    std::vector<Spec> specs_;
    std::unique_ptr<OrdinalCountSpy> ordinal_spy_;  // set when counting through ordinals
    std::uint32_t facet_limit_;
    DateBucket date_bucket_;
};

}  // namespace newsdex::searcher
