/// @file query_explanation.cpp
/// @brief Xapian::Query trees rendered in the query language, term prefixes as field names.
#include "searcher/query_explanation.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "common/date.hpp"
#include "common/schema.hpp"
#include "searcher/search_limits.hpp"

namespace newsdex::searcher {

namespace {

using Q = Xapian::Query;

/// The boolean prefixes and the field each is written as, longest prefix first.
struct Field {
    std::string_view prefix;
    std::string_view name;
};
constexpr std::array<Field, 8> boolean_fields = {{
    {schema::prefix::source, "source"},
    {schema::prefix::person, "person"},
    {schema::prefix::org, "org"},
    {schema::prefix::place, "place"},
    {schema::prefix::category, "category"},
    {schema::prefix::author, "author"},
    {schema::prefix::language, "language"},
    {schema::prefix::id, "id"},
}};

std::string quoted_if_needed(std::string_view value) {
    const bool plain = !value.empty() && value.find_first_of(" \t\"():") == std::string_view::npos;
    return plain ? std::string(value) : "\"" + std::string(value) + "\"";
}

/// A date term (D19870326, M198703, Y1987) as the date: written as a query writes it.
std::string date_of_term(std::string_view term) {
    const std::string_view digits = term.substr(1);
    std::string date(digits.substr(0, 4));
    if (digits.size() >= 6) date += "-" + std::string(digits.substr(4, 2));
    if (digits.size() >= 8) date += "-" + std::string(digits.substr(6, 2));
    return "date:" + date;
}

std::string term_text(const std::string& term) {
    if (schema::is_date_term(term)) return date_of_term(term);
    if (term.starts_with(schema::prefix::title)) return "title:" + term.substr(2);
    if (term.starts_with(schema::prefix::text)) return term.substr(1);
    for (const auto& field : boolean_fields) {
        if (!term.starts_with(field.prefix)) continue;
        std::string_view value = std::string_view(term).substr(field.prefix.size());
        if (value.starts_with(':')) value.remove_prefix(1);  // Omega's separator
        return std::string(field.name) + ":" + quoted_if_needed(value);
    }
    return quoted_if_needed(term);
}

/// The bytes Xapian's description escapes as \xHH, back as bytes.
std::string unescaped(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\' && i + 3 < text.size() && text[i + 1] == 'x') {
            out += static_cast<char>(std::stoi(std::string(text.substr(i + 2, 2)), nullptr, 16));
            i += 3;
        } else {
            out += text[i];
        }
    }
    return out;
}

/// "VALUE_RANGE 0 <begin> <end>" (Xapian's description of a value query, the only place its
/// bounds can be read) as `date:A..B` or `cluster:KEY`; the description for any other slot.
std::string value_range_text(const Q& query) {
    std::string description = query.get_description();  // "Query(VALUE_RANGE 0 a b)"
    description = description.substr(6, description.size() - 7);
    std::vector<std::string_view> parts;
    for (std::size_t start = 0; start <= description.size();) {
        const auto space = std::min(description.find(' ', start), description.size());
        parts.emplace_back(description.data() + start, space - start);
        start = space + 1;
    }
    const std::string slot = "date";
    const auto day = [](std::string_view escaped) {
        const double seconds = Xapian::sortable_unserialise(unescaped(escaped));
        return format_day(static_cast<std::int64_t>(seconds));
    };
    if (parts[0] == "VALUE_RANGE" && parts.size() == 4 &&
        parts[1] == std::to_string(schema::slot::cluster) && parts[2] == parts[3])
        return "cluster:" + unescaped(parts[2]);
    if (parts.size() < 3 || parts[1] != std::to_string(schema::slot::date)) return description;
    if (parts[0] == "VALUE_RANGE" && parts.size() == 4)
        return slot + ":" + day(parts[2]) + ".." + day(parts[3]);
    if (parts[0] == "VALUE_GE") return slot + ":" + day(parts[2]) + "..";
    if (parts[0] == "VALUE_LE") return slot + ":.." + day(parts[2]);
    return description;
}

/// The pattern of a wildcard query ("Query(WILDCARD SYNONYM Zinfla)" -> "Zinfla").
std::string wildcard_pattern(const Q& query) {
    const std::string description = query.get_description();
    const auto space = description.rfind(' ');
    return description.substr(space + 1, description.size() - space - 2);
}

/// `infla*` and the terms it stands for in `db`, the most frequent first.
std::string wildcard_text(const Q& query, const Xapian::Database& db) {
    const std::string pattern = wildcard_pattern(query);
    std::vector<std::pair<Xapian::doccount, std::string>> terms;
    for (auto term = db.allterms_begin(pattern); term != db.allterms_end(pattern); ++term)
        terms.emplace_back(term.get_termfreq(), *term);
    std::sort(terms.begin(), terms.end(),
              [](const auto& a, const auto& b) { return a.first > b.first; });
    const std::size_t used = std::min<std::size_t>(terms.size(), limits::max_wildcard_terms);
    constexpr std::size_t shown = 8;
    std::string out = term_text(pattern) + "*[";
    for (std::size_t i = 0; i < std::min(used, shown); ++i)
        out += (i ? " " : "") + term_text(terms[i].second);
    if (used > shown) out += " +" + std::to_string(used - shown) + " more";
    if (terms.size() > used)
        out += "; " + std::to_string(terms.size() - used) + " rarer ones left out";
    if (terms.empty()) out += "no term";
    return out + "]";
}

std::string_view operator_word(Q::op op) {
    switch (op) {
        case Q::OP_AND:
            return " AND ";
        case Q::OP_OR:
            return " OR ";
        case Q::OP_AND_NOT:
            return " NOT ";
        case Q::OP_XOR:
            return " XOR ";
        case Q::OP_AND_MAYBE:
            return " MAYBE ";
        case Q::OP_FILTER:
            return " FILTER ";
        case Q::OP_NEAR:
            return " NEAR ";
        case Q::OP_ELITE_SET:
            return " ELITE ";
        case Q::OP_SYNONYM:
            return " SYNONYM ";
        case Q::OP_MAX:
            return " MAX ";
        default:
            return " ? ";
    }
}

std::string explained(const Q& query, const Xapian::Database& db) {
    switch (query.get_type()) {
        case Q::LEAF_MATCH_ALL:
            return "<all documents>";
        case Q::LEAF_MATCH_NOTHING:
            return "<nothing>";
        case Q::LEAF_TERM:
            return term_text(*query.get_terms_begin());
        case Q::OP_WILDCARD:
            return wildcard_text(query, db);
        case Q::OP_VALUE_RANGE:
        case Q::OP_VALUE_GE:
        case Q::OP_VALUE_LE:
            return value_range_text(query);
        case Q::OP_SCALE_WEIGHT:
            return explained(query.get_subquery(0), db);
        default:
            break;
    }
    const std::size_t parts = query.get_num_subqueries();
    if (parts == 0) return query.get_description();
    std::string out;
    if (query.get_type() == Q::OP_PHRASE) {
        for (std::size_t i = 0; i < parts; ++i)
            out += (i ? " " : "") + explained(query.get_subquery(i), db);
        return "\"" + out + "\"";
    }
    const std::string_view word = operator_word(query.get_type());
    for (std::size_t i = 0; i < parts; ++i)
        out += (i ? std::string(word) : "") + explained(query.get_subquery(i), db);
    return parts == 1 ? out : "(" + out + ")";
}

}  // namespace

std::string explain_query(const Xapian::Query& query, const Xapian::Database& db) {
    std::string out = explained(query, db);
    if (out.size() > 2 && out.front() == '(' && out.back() == ')') {
        // The outer brackets say nothing, unless they close before the end: "(a) OR (b)".
        int depth = 0;
        bool closes_early = false;
        for (std::size_t i = 0; i + 1 < out.size(); ++i) {
            if (out[i] == '(') ++depth;
            if (out[i] == ')' && --depth == 0) closes_early = true;
        }
        if (!closes_early) out = out.substr(1, out.size() - 2);
    }
    return out;
}

}  // namespace newsdex::searcher
