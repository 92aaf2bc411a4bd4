/// @file alias_writer.cpp
/// @brief The entity alias and synonym tables, written as the documents naming each entity are.
#include "indexer/alias_writer.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "common/entity_alias.hpp"
#include "common/schema.hpp"
#include "common/text.hpp"
#include "corpus/analysis/gazetteer.hpp"

namespace newsdex::indexer {

namespace {

constexpr EntityType kTypes[] = {EntityType::person, EntityType::org, EntityType::place};

// Names that are also common words: as synonym keys they would widen the word.
const std::set<std::string> kAmbiguousNames = {"us"};

/// What the gazetteer gives, by entity filter term: built once per process.
struct GazetteerTables {
    std::unordered_map<std::string, std::vector<std::string>> alias_keys;  // metadata keys
    std::unordered_map<std::string, SynonymRule> synonyms;                 // its names
};

/// The word runs of a name ("latin america" -> "latin", "america", "latin america").
std::vector<std::string> word_runs(const std::string& key) {
    std::vector<std::string> words;
    for (std::size_t start = 0; start <= key.size();) {
        const auto space = std::min(key.find(' ', start), key.size());
        words.push_back(key.substr(start, space - start));
        start = space + 1;
    }
    std::vector<std::string> runs;
    for (std::size_t i = 0; i < words.size(); ++i) {
        std::string run;
        for (std::size_t j = i; j < words.size(); ++j) {
            run += (j > i ? " " : "") + words[j];
            runs.push_back(run);
        }
    }
    return runs;
}

GazetteerTables make_tables() {
    GazetteerTables tables;
    std::map<std::string, std::set<std::string>> names;   // term -> its names (alias keys)
    std::map<std::string, std::set<std::string>> within;  // word run -> terms whose names hold it
    corpus::Gazetteer::standard().for_each_entry(
        [&](const std::string& alias, const corpus::GazetteerEntry& entry) {
            if (entry.demonym || entry.name.empty()) return;
            const std::string_view prefix = schema::entity_prefix(entry.type);
            const std::string term = schema::filter_term(prefix, entry.name);
            const std::string key = schema::alias_key(alias);
            names[term].insert(schema::alias_key(entry.name));
            names[term].insert(key);
            // An alias "us", "uk", "ussr": also as the dotted acronym, its own term in text.
            if (key.size() >= 2 && key.size() <= 4 && key != schema::alias_key(entry.name) &&
                std::all_of(key.begin(), key.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
                std::string dotted;
                for (const char c : key) dotted += {c, '.'};
                names[term].insert(dotted);
            }
            if (key.find(' ') != std::string::npos)
                for (const auto& run : word_runs(key)) within[run].insert(term);
            // The name's own key is looked up as a name first; only other spellings are aliases.
            if (key != schema::alias_key(entry.name))
                if (auto metadata_key = schema::alias_metadata_key(prefix, alias))
                    tables.alias_keys[term].push_back(std::move(*metadata_key));
        });
    for (auto& [entity_term, keys] : names) {
        if (keys.size() < 2) continue;
        const auto& term = entity_term;  // clang 14 cannot capture a structured binding
        SynonymRule rule;
        for (const auto& key : keys) {
            if (kAmbiguousNames.count(key)) continue;
            rule.from.push_back(key);
            // Only one-word names are checked: "united states" is also within "virgin islands
            // of the united states", yet means the country.
            const auto& holders = within[key];
            const bool part_of_another = key.find(' ') == std::string::npos &&
                                         std::any_of(holders.begin(), holders.end(),
                                                     [&](const auto& t) { return t != term; });
            if (!part_of_another) rule.to.push_back(key);
        }
        if (!rule.from.empty() && !rule.to.empty()) tables.synonyms.emplace(term, std::move(rule));
    }
    return tables;
}

const GazetteerTables& gazetteer_tables() {
    static const GazetteerTables tables = make_tables();
    return tables;
}

/// Adds `items` to the packed list under `key` (read, merged, written once).
void merge_list(Xapian::WritableDatabase& db, const std::string& key,
                const std::vector<std::string>& items) {
    const std::string current = db.get_metadata(key);
    const auto have = schema::unpack_list(current);
    std::vector<std::string> merged(have.begin(), have.end());
    bool changed = false;
    for (const auto& item : items) {
        // One display text per key ("=usa"): the first written stays.
        if (item.starts_with('=') &&
            std::any_of(merged.begin(), merged.end(), [](auto& m) { return m.starts_with('='); }))
            continue;
        if (std::find(merged.begin(), merged.end(), item) != merged.end()) continue;
        merged.push_back(item);
        changed = true;
    }
    if (changed) db.set_metadata(key, schema::pack_list(std::move(merged)));
}

std::string joined(const std::vector<std::string>& terms) {
    std::string out;
    for (const auto& term : terms) out += (out.empty() ? "" : " ") + term;
    return out;
}

}  // namespace

AliasWriter::AliasWriter(std::vector<SynonymRule> rules) : rules_(std::move(rules)) {}

void AliasWriter::note(Xapian::WritableDatabase& db, const Xapian::Document& doc) {
    const std::string language = doc.get_value(schema::slot::language);
    if (!language.empty() && done_languages_.insert(language).second)
        for (const auto& rule : rules_) write_rule(db, rule, language);
    const GazetteerTables& tables = gazetteer_tables();
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
        const std::string& term = *it;
        for (const auto type : kTypes) {
            const std::string_view prefix = schema::entity_prefix(type);
            if (!term.starts_with(prefix)) continue;
            const std::string value = term.substr(prefix.size());
            if (schema::filter_term(prefix, value) != term) continue;  // another prefix's
            if (done_terms_.insert(term).second) {
                if (const auto found = tables.alias_keys.find(term);
                    found != tables.alias_keys.end())
                    for (const auto& key : found->second) merge_list(db, key, {term});
                if (schema::alias_key(value) != value)
                    if (auto key = schema::alias_metadata_key(prefix, value))
                        merge_list(db, *key, {term});
            }
            if (const auto found = tables.synonyms.find(term);
                found != tables.synonyms.end() && !language.empty() &&
                done_synonyms_.insert(language + " " + term).second)
                write_rule(db, found->second, language);
        }
    }
}

void AliasWriter::write_rule(Xapian::WritableDatabase& db, const SynonymRule& rule,
                             const std::string& language) {
    for (const auto& from : rule.from) {
        const auto key_terms = analysis_.phrase_terms(from, language);
        const std::string key =
            std::string(schema::synonym_key_prefix) + language + "." + joined(key_terms);
        if (key_terms.empty() || key.size() > schema::max_metadata_key_bytes) continue;
        std::vector<std::string> items{"=" + from};
        for (const auto& to : rule.to) {
            const auto terms = analysis_.phrase_terms(to, language);
            if (terms.empty() || terms == key_terms) continue;
            items.push_back(joined(terms) + "\t" + to);
        }
        if (items.size() > 1) merge_list(db, key, items);
    }
}

}  // namespace newsdex::indexer
