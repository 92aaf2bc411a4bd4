/// @file synonym_expander.hpp
/// @brief Widens a parsed query with the index's synonym table: `usa` also finds "united states".
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "searcher/filter_resolver.hpp"

namespace newsdex::searcher {

/// `query` with each free-text term (`Z...`) and each phrase of such terms that is a key of
/// the synonym table (common/entity_alias.hpp) in one of `languages` replaced by the
/// OP_SYNONYM of itself and its alternatives (a term, or a phrase of several). Only the
/// operators the query parser combines words with are looked into (OR, AND, AND_NOT,
/// AND_MAYBE, FILTER, XOR, SYNONYM, MAX); anything else is kept as it is. Each expansion is
/// recorded in `notes`. Done by newsdex, not by the QueryParser's FLAG_AUTO_*SYNONYMS: in
/// Xapian 1.4 a synonym is one term (a phrase cannot be one), and remote shards have none.
[[nodiscard]] Xapian::Query expand_synonyms(const Xapian::Database& db, const Xapian::Query& query,
                                            const std::vector<std::string>& languages,
                                            QueryNotes& notes);

}  // namespace newsdex::searcher
