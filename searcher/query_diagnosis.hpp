/// @file query_diagnosis.hpp
/// @brief Internal: turns query parse failures into QueryErrors that name the problem and where.
#pragma once

#include <string>
#include <string_view>

#include "common/error.hpp"

namespace newsdex::searcher {

/// A field value a processor rejected during a parse, e.g. field "date", value "1987-13".
struct FieldProblem {
    std::string field;
    std::string value;
    std::string reason;
};

/// Throws QueryError at an unclosed quote or an unmatched bracket. Xapian's parser silently
/// closes them at the end of the query, which can change its meaning completely
/// (`"oil AND gas` is one phrase), so newsdex asks the user to say what they meant.
void check_balanced(const std::string& query);

/// The QueryError for a Xapian::QueryParserError message. Xapian's messages carry no position,
/// so the offending token (a dangling operator, an unknown range) is found in `query`.
[[nodiscard]] QueryError diagnose_syntax_error(const std::string& query,
                                               std::string_view xapian_message);

/// The QueryError for a rejected field value, positioned at the value after `field:`.
[[nodiscard]] QueryError diagnose_field_problem(const std::string& query,
                                                const FieldProblem& problem);

}  // namespace newsdex::searcher
