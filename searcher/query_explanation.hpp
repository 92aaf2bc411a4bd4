/// @file query_explanation.hpp
/// @brief The query a search ran, written for people: fields, stems, expansions, filters.
#pragma once

#include <xapian.h>

#include <string>

namespace newsdex::searcher {

/// `query` in newsdex's query syntax as far as it goes, so that a user sees why something
/// matched or did not: stems as the index holds them (`inflat`, `u_s` for U.S.), fields by
/// name (`title:rate`, `place:"united states"`), dates as dates (`date:1987-03`,
/// `date:1987-03-01..1987-03-31`), phrases quoted, a wildcard with the terms it expands to in
/// `db` (the most frequent first, as the search uses them), operators in capitals and
/// filters after `FILTER`. `<all documents>` stands for a match-all.
[[nodiscard]] std::string explain_query(const Xapian::Query& query, const Xapian::Database& db);

}  // namespace newsdex::searcher
