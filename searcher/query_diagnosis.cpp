/// @file query_diagnosis.cpp
/// @brief Finds where a query went wrong: Xapian's parser reports what, never where.
#include "searcher/query_diagnosis.hpp"

#include <optional>
#include <vector>

#include "common/text.hpp"

namespace newsdex::searcher {

namespace {

/// A piece of the query as the parser sees it: a word, a quoted phrase or a bracket.
struct Token {
    std::string_view text;
    std::size_t pos = 0;
};

enum class Kind { operand, open, close, binary, negation };

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::vector<Token> tokenize(std::string_view query) {
    std::vector<Token> tokens;
    std::size_t i = 0;
    while (i < query.size()) {
        if (is_space(query[i])) {
            ++i;
            continue;
        }
        const std::size_t start = i;
        if (query[i] == '(' || query[i] == ')') {
            ++i;
        } else {
            while (i < query.size() && !is_space(query[i]) && query[i] != '(' && query[i] != ')') {
                // Spaces and brackets inside a phrase or a quoted field value do not split it.
                if (query[i] == '"') {
                    const auto close = query.find('"', i + 1);
                    i = close == std::string_view::npos ? query.size() : close + 1;
                } else {
                    ++i;
                }
            }
        }
        tokens.push_back({query.substr(start, i - start), start});
    }
    return tokens;
}

/// NEAR/ADJ optionally take a window: NEAR/3.
bool is_window_operator(std::string_view text, std::string_view name) {
    if (!text.starts_with(name)) return false;
    const auto rest = text.substr(name.size());
    if (rest.empty()) return true;
    if (rest.size() < 2 || rest.front() != '/') return false;
    return rest.substr(1).find_first_not_of("0123456789") == std::string_view::npos;
}

Kind kind_of(std::string_view text) {
    if (text == "(") return Kind::open;
    if (text == ")") return Kind::close;
    if (text == "NOT") return Kind::negation;
    if (text == "AND" || text == "OR" || text == "XOR" || is_window_operator(text, "NEAR") ||
        is_window_operator(text, "ADJ"))
        return Kind::binary;
    return Kind::operand;
}

/// An operator without a query on one of its sides.
struct Dangling {
    Token token;
    bool missing_after = false;
};

std::vector<Dangling> dangling_operators(const std::vector<Token>& tokens) {
    std::vector<Dangling> found;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const Kind kind = kind_of(tokens[i].text);
        if (kind != Kind::binary && kind != Kind::negation) continue;
        const Kind before = i == 0 ? Kind::open : kind_of(tokens[i - 1].text);
        const Kind after = i + 1 == tokens.size() ? Kind::close : kind_of(tokens[i + 1].text);
        // A leading NOT is fine: FLAG_PURE_NOT makes "NOT x" mean "everything but x".
        if (kind == Kind::binary && before != Kind::operand && before != Kind::close)
            found.push_back({tokens[i], false});
        else if (after == Kind::close || after == Kind::binary)
            found.push_back({tokens[i], true});
    }
    return found;
}

QueryError dangling_error(const std::string& query, const Dangling& d) {
    const std::string op(d.token.text);
    return QueryError(query, d.token.pos,
                      std::string(d.missing_after ? "nothing after \"" : "nothing before \"") + op +
                          "\" (an operator needs a query on each side; to search for the "
                          "word, write it in lower case: " +
                          ascii_lower(op) + ")");
}

/// The operator Xapian names in "Syntax: <expression> AND <expression>", if any.
std::string_view operator_in_message(std::string_view message) {
    constexpr std::string_view marker = "<expression> ";
    const auto at = message.find(marker);
    if (at == std::string_view::npos) return {};
    auto rest = message.substr(at + marker.size());
    return rest.substr(0, rest.find(" <expression>"));
}

QueryError syntax_error(const std::string& query, std::string_view message) {
    const auto tokens = tokenize(query);
    const auto dangling = dangling_operators(tokens);
    const std::string_view op = operator_in_message(message);
    for (const auto& d : dangling)
        if (d.token.text == op) return dangling_error(query, d);
    if (!dangling.empty()) return dangling_error(query, dangling.front());
    for (const auto& token : tokens)
        if (!op.empty() && token.text == op)
            return QueryError(query, token.pos, "\"" + std::string(op) + "\" is misplaced");
    return QueryError(query, 0, "the query does not parse (" + std::string(message) + ")");
}

QueryError range_error(const std::string& query) {
    for (const auto& token : tokenize(query)) {
        if (token.text.find("..") == std::string_view::npos) continue;
        return QueryError(query, token.pos,
                          "\"" + std::string(token.text) +
                              "\" is not a range newsdex knows (ranges are date:A..B, with "
                              "dates such as 1987, 1987-03 or 1987-03-26)");
    }
    return QueryError(query, 0, "unknown kind of range (only date:A..B is supported)");
}

bool starts_token(const std::string& query, std::size_t pos) {
    if (pos == 0) return true;
    const char before = query[pos - 1];
    return is_space(before) || before == '(' || before == '+' || before == '-';
}

}  // namespace

void check_balanced(const std::string& query) {
    std::vector<std::size_t> open_brackets;
    std::optional<std::size_t> open_quote;
    for (std::size_t i = 0; i < query.size(); ++i) {
        const char c = query[i];
        if (c == '"') {
            // A doubled quote inside a quoted value ("a ""b"" c") closes and reopens: balanced.
            open_quote = open_quote ? std::nullopt : std::optional<std::size_t>(i);
        } else if (open_quote) {
            continue;  // brackets inside a phrase are words' business
        } else if (c == '(') {
            open_brackets.push_back(i);
        } else if (c == ')') {
            if (open_brackets.empty())
                throw QueryError(query, i, "unmatched ')' (no '(' before it)");
            open_brackets.pop_back();
        }
    }
    if (open_quote)
        throw QueryError(query, *open_quote, "unclosed '\"' (a phrase needs a closing quote)");
    if (!open_brackets.empty())
        throw QueryError(query, open_brackets.back(), "unclosed '(' (no ')' after it)");
}

QueryError diagnose_syntax_error(const std::string& query, std::string_view xapian_message) {
    if (xapian_message.find("range") != std::string_view::npos) return range_error(query);
    return syntax_error(query, xapian_message);
}

QueryError diagnose_field_problem(const std::string& query, const FieldProblem& problem) {
    const std::string field = problem.field + ":";
    const std::string reason = field + " " + problem.reason;
    // A range value "A..B" is found by its start: the end may carry its own "date:".
    const auto dots = problem.value.find("..");
    const std::string_view expected =
        std::string_view(problem.value).substr(0, dots == std::string::npos ? dots : dots + 2);
    std::optional<std::size_t> first_seen;
    for (auto at = query.find(field); at != std::string::npos; at = query.find(field, at + 1)) {
        if (!starts_token(query, at)) continue;
        std::size_t value_pos = at + field.size();
        if (value_pos < query.size() && query[value_pos] == '"') ++value_pos;
        if (!first_seen) first_seen = value_pos;
        // The parser hands over the value without its quotes; find the field it came from.
        if (query.compare(value_pos, expected.size(), expected) == 0)
            return QueryError(query, value_pos, reason);
    }
    return QueryError(query, first_seen.value_or(0), reason);
}

}  // namespace newsdex::searcher
