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

/// Attaches one match spy per value slot the requested facets need (source, day, the packed
/// entity lists, the packed category list) before the match, then turns their counts into
/// Facets: days rolled up into a histogram, lists split into their items. Both kinds of spy
/// give the same exact counts; the stock kind also works over remote databases.
class FacetCounter {
  public:
    /// Throws UsageError for an unknown facet name.
    explicit FacetCounter(const SearchRequest& request, FacetSpies spies = FacetSpies::items);
    ~FacetCounter();  // out of line: Spec is complete only in facet_counter.cpp
    FacetCounter(const FacetCounter&) = delete;
    FacetCounter& operator=(const FacetCounter&) = delete;
    FacetCounter(FacetCounter&&) noexcept;
    FacetCounter& operator=(FacetCounter&&) noexcept;

    /// Registers the spies; call before Enquire::get_mset with check_at_least = doccount.
    void attach(Xapian::Enquire& enquire);

    /// The facets, in the order requested.
    [[nodiscard]] std::vector<Facet> collect() const;

  private:
    struct Spec;
    std::vector<Spec> specs_;
    std::uint32_t facet_limit_;
    DateBucket date_bucket_;
};

}  // namespace newsdex::searcher
