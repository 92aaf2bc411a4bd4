/// @file date_terms.hpp
/// @brief Date ranges as the OR of the fewest Y/M/D terms of the index that cover them exactly.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace newsdex::searcher {

/// The date terms of `db` (schema `Y1987`, `M198703`, `D19870326`) whose documents are exactly
/// those dated from the UTC day of `first_day` to that of `last_day` (UTC seconds, either may
/// be open): whole years inside the range as Y terms, whole months of the rest as M terms, the
/// remaining days as D terms; only terms the index holds, in increasing date order. An open
/// end is bounded by the index. Empty when no dated document falls in the range.
[[nodiscard]] std::vector<std::string> date_terms(const Xapian::Database& db,
                                                  std::optional<std::int64_t> first_day,
                                                  std::optional<std::int64_t> last_day);

/// The filter of the documents dated from `first` to `last` (UTC seconds, inclusive, either may
/// be open; not both): the OR of date_terms() (MatchNothing when there are none) when each
/// bound is a UTC day boundary, which is what every date period and option gives; otherwise
/// (a `--from` with a time of day) a value range on the date slot, which is exact to the second.
/// Undated documents match neither. Meant as a filter (under OP_FILTER, or a boolean field of
/// the QueryParser, which both drop the weight of its terms).
[[nodiscard]] Xapian::Query date_range_query(const Xapian::Database& db,
                                             std::optional<std::int64_t> first,
                                             std::optional<std::int64_t> last);

}  // namespace newsdex::searcher
