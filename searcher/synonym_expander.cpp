/// @file synonym_expander.cpp
/// @brief Query rewriting with the index's synonym table (metadata, so that shards have it).
#include "searcher/synonym_expander.hpp"

#include <algorithm>

#include "common/entity_alias.hpp"
#include "common/schema.hpp"

namespace newsdex::searcher {

namespace {

using Q = Xapian::Query;

struct Expander {
    const Xapian::Database& db;
    const std::vector<std::string>& languages;
    QueryNotes& notes;

    /// The alternatives of a key ("Zunit Zstate"), as queries; empty when it is no key.
    std::vector<Q> alternatives(const std::string& key) {
        std::vector<Q> out;
        std::string shown;
        std::vector<std::string> texts;
        for (const auto& language : languages) {
            const std::string metadata_key =
                std::string(schema::synonym_key_prefix) + language + "." + key;
            if (metadata_key.size() > schema::max_metadata_key_bytes) continue;
            const std::string value = db.get_metadata(metadata_key);
            for (const auto item : schema::unpack_list(value)) {
                if (item.starts_with('=')) {
                    if (shown.empty()) shown = item.substr(1);
                    continue;
                }
                const auto tab = item.find('\t');
                const auto terms_text = item.substr(0, tab);
                std::vector<std::string> terms;
                for (std::size_t start = 0; start <= terms_text.size();) {
                    const auto space = std::min(terms_text.find(' ', start), terms_text.size());
                    terms.emplace_back(terms_text.substr(start, space - start));
                    start = space + 1;
                }
                out.push_back(terms.size() == 1
                                  ? Q(terms.front())
                                  : Q(Q::OP_PHRASE, terms.begin(), terms.end(), terms.size()));
                if (tab != std::string_view::npos) texts.emplace_back(item.substr(tab + 1));
            }
        }
        if (!out.empty()) notes.synonym("text", shown.empty() ? key : shown, std::move(texts));
        return out;
    }

    /// The OP_SYNONYM of `original` and the alternatives of `key`; `original` when none.
    Q widened(const Q& original, const std::string& key) {
        std::vector<Q> parts = alternatives(key);
        if (parts.empty()) return original;
        parts.insert(parts.begin(), original);
        return Q(Q::OP_SYNONYM, parts.begin(), parts.end());
    }

    static bool is_text_term(const std::string& term) {
        // Z... are text stems; ZS... the title's, which have no synonyms of their own.
        return term.starts_with(schema::prefix::text) && !term.starts_with(schema::prefix::title);
    }

    Q expand(const Q& query) {
        const auto type = query.get_type();
        if (type == Q::LEAF_TERM) {
            const auto term = *query.get_terms_begin();
            return is_text_term(term) ? widened(query, term) : query;
        }
        if (type == Q::OP_PHRASE) {
            // A phrase of text terms is looked up whole: "united states" -> usa.
            std::string key;
            for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
                const Q sub = query.get_subquery(i);
                if (sub.get_type() != Q::LEAF_TERM) return query;
                const auto term = *sub.get_terms_begin();
                if (!is_text_term(term)) return query;
                key += (key.empty() ? "" : " ") + term;
            }
            return widened(query, key);
        }
        static constexpr Q::op combining[] = {Q::OP_OR,      Q::OP_AND,       Q::OP_AND_NOT,
                                              Q::OP_XOR,     Q::OP_AND_MAYBE, Q::OP_FILTER,
                                              Q::OP_SYNONYM, Q::OP_MAX};
        if (std::find(std::begin(combining), std::end(combining), type) == std::end(combining))
            return query;
        std::vector<Q> parts;
        bool changed = false;
        for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
            // The right side of AND_NOT too: `oil NOT usa` leaves out "United States" as well.
            const Q sub = query.get_subquery(i);
            parts.push_back(expand(sub));
            changed = changed || parts.back().get_description() != sub.get_description();
        }
        return changed ? Q(type, parts.begin(), parts.end()) : query;
    }
};

}  // namespace

Xapian::Query expand_synonyms(const Xapian::Database& db, const Xapian::Query& query,
                              const std::vector<std::string>& languages, QueryNotes& notes) {
    return Expander{db, languages, notes}.expand(query);
}

}  // namespace newsdex::searcher
