/// @file filter_resolver.cpp
/// @brief Entity filters through the alias table; notices for values the index does not hold.
#include "searcher/filter_resolver.hpp"

#include <algorithm>

#include "common/entity_alias.hpp"
#include "common/schema.hpp"

namespace newsdex::searcher {

namespace {

constexpr EntityType kTypes[] = {EntityType::person, EntityType::org, EntityType::place};

void add_unique(std::vector<std::string>& list, std::string item) {
    if (std::find(list.begin(), list.end(), item) == list.end()) list.push_back(std::move(item));
}

}  // namespace

void QueryNotes::notice(const std::string& field, const std::string& value,
                        const std::string& message) {
    for (const auto& n : notices)
        if (n.field == field && n.value == value) return;
    notices.push_back({field, value, message});
}

void QueryNotes::synonym(const std::string& field, const std::string& from,
                         std::vector<std::string> to) {
    for (auto& s : synonyms) {
        if (s.field == field && s.from == from) {
            for (auto& item : to) add_unique(s.to, std::move(item));
            return;
        }
    }
    synonyms.push_back({field, from, std::move(to)});
}

void QueryNotes::clear() noexcept {
    notices.clear();
    synonyms.clear();
}

std::vector<std::string> FilterResolver::entity_terms(EntityType type,
                                                      const std::string& value) const {
    const std::string prefix(schema::entity_prefix(type));
    std::vector<std::string> candidates{schema::filter_term(prefix, value),
                                        schema::filter_term(prefix, schema::alias_key(value))};
    // One metadata read per value: over remote shards (xapian-tcpsrv) that is one round trip.
    if (const auto key = schema::alias_metadata_key(prefix, value)) {
        const std::string aliased = db_.get_metadata(*key);  // the views below point into it
        for (const auto term : schema::unpack_list(aliased)) candidates.emplace_back(term);
    }
    std::vector<std::string> found;
    for (auto& term : candidates)
        if (db_.term_exists(term)) add_unique(found, std::move(term));
    return found;
}

Xapian::Query FilterResolver::entity(const std::string& field, std::optional<EntityType> type,
                                     const std::string& value, QueryNotes& notes) const {
    std::vector<std::string> terms;
    std::vector<std::string> widened;  // the names found other than the value as written
    for (const auto t : kTypes) {
        if (type && *type != t) continue;
        const std::string own = schema::filter_term(schema::entity_prefix(t), value);
        for (auto& term : entity_terms(t, value)) {
            if (term != own) add_unique(widened, term.substr(schema::entity_prefix(t).size()));
            add_unique(terms, std::move(term));
        }
    }
    if (terms.empty()) {
        const std::string what = type ? std::string(to_string(*type)) : std::string("entity");
        notes.notice(field, value, "no " + what + " \"" + value + "\" in this index");
        // The value's own terms, which match nothing: the query still says what was asked.
        std::vector<Xapian::Query> own;
        for (const auto t : kTypes)
            if (!type || *type == t)
                own.emplace_back(schema::filter_term(schema::entity_prefix(t), value));
        return Xapian::Query(Xapian::Query::OP_OR, own.begin(), own.end());
    }
    if (!widened.empty()) notes.synonym(field, value, std::move(widened));
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

Xapian::Query FilterResolver::plain(const std::string& field, std::string_view prefix,
                                    const std::string& value, QueryNotes& notes) const {
    std::string term = schema::filter_term(prefix, value);
    if (!db_.term_exists(term))
        notes.notice(field, value, "no " + field + " \"" + value + "\" in this index");
    return Xapian::Query(std::move(term));
}

}  // namespace newsdex::searcher
