/// @file entity_merges.cpp
/// @brief Index-wide entity merges: found from term counts, applied to the documents naming them.
#include "indexer/entity_merges.hpp"

#include <algorithm>
#include <optional>
#include <set>
#include <unordered_map>

#include "common/entity_alias.hpp"
#include "common/error.hpp"
#include "common/schema.hpp"
#include "common/stored_fields.hpp"
#include "common/stored_fields_compression.hpp"
#include "common/text.hpp"
#include "corpus/analysis/entity_cues.hpp"

namespace newsdex::indexer {

namespace {

constexpr EntityType kTypes[] = {EntityType::person, EntityType::org, EntityType::place};

/// A full name must hold this many times the documents of the other names ending alike.
constexpr Xapian::doccount kSurnameDominance = 4;
/// Documents an acronym and its expansion must share.
constexpr Xapian::doccount kAcronymEvidence = 2;
/// Documents that must name a person's name as an organisation for the person to be one.
constexpr Xapian::doccount kFirmEvidence = 2;
/// How many merges a chain follows ("Reagan" -> "Ronald Reagan" -> ...) at most.
constexpr int kMaxChain = 4;

/// One entity term of the index.
struct Name {
    std::string term;
    std::string key;  ///< the term without its prefix: "paul volcker"
    Xapian::doccount documents = 0;
};

std::vector<Name> names_of(const Xapian::Database& db, EntityType type) {
    const std::string prefix(schema::entity_prefix(type));
    std::vector<Name> names;
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
        const std::string& term = *it;
        std::string key = term.substr(prefix.size());
        // Another prefix's term ("XPL..."), or a long name cut to a hash: not merged.
        if (schema::filter_term(prefix, key) != term || key.find('#') != std::string::npos)
            continue;
        names.push_back({term, std::move(key), it.get_termfreq()});
    }
    return names;
}

std::string last_word(const std::string& key) {
    const std::size_t space = key.rfind(' ');
    return space == std::string::npos ? key : key.substr(space + 1);
}

/// "securities and exchange commission" -> "sec"; "u.s. trade representative" -> "ustr".
std::string initials(const std::string& key) {
    static const std::set<std::string> skipped = {"&",   "and", "de", "des",
                                                  "for", "of",  "on", "the"};
    std::string out;
    for (std::size_t start = 0; start < key.size();) {
        const std::size_t end = std::min(key.find(' ', start), key.size());
        const std::string word = key.substr(start, end - start);
        start = end + 1;
        if (word.empty() || skipped.count(word)) continue;
        if (word.find('.') != std::string::npos) {
            for (const char c : word)
                if (c != '.') out += c;
        } else {
            out += word[0];
        }
    }
    return out;
}

/// The name documents show for `term`, read from the first document that names it.
std::string display_name(const Xapian::Database& db, EntityType type, const std::string& term) {
    const auto posting = db.postlist_begin(term);
    if (posting == db.postlist_end(term)) return {};
    const Xapian::Document doc = db.get_document(*posting);
    const std::string list = doc.get_value(schema::slot::entities(type));
    for (const auto name : schema::unpack_list(list))
        if (schema::filter_term(schema::entity_prefix(type), name) == term)
            return std::string(name);
    return {};
}

/// Documents naming both terms, counted up to `enough`.
Xapian::doccount shared_documents(const Xapian::Database& db, const std::string& a,
                                  const std::string& b, Xapian::doccount enough) {
    Xapian::doccount shared = 0;
    auto pa = db.postlist_begin(a), pb = db.postlist_begin(b);
    const auto ea = db.postlist_end(a), eb = db.postlist_end(b);
    while (pa != ea && pb != eb && shared < enough) {
        if (*pa < *pb) {
            pa.skip_to(*pb);
        } else if (*pb < *pa) {
            pb.skip_to(*pa);
        } else {
            ++shared;
            ++pa;
            ++pb;
        }
    }
    return shared;
}

/// What a term becomes before chains are followed: its type and term.
using Step = std::map<std::string, std::pair<EntityType, std::string>>;

std::string first_word(const std::string& key) {
    return key.substr(0, key.find(' '));
}

/// Whether every word between the first and the last is an initial ("a." of "paul a. volcker").
bool middle_is_initials(const std::string& key) {
    const std::size_t first = key.find(' '), last = key.rfind(' ');
    if (first == std::string::npos || first == last) return false;
    for (std::size_t start = first + 1; start < last;) {
        const std::size_t end = key.find(' ', start);
        const std::string word = key.substr(start, end - start);
        if (!(word.size() == 1 || (word.size() == 2 && word[1] == '.'))) return false;
        start = end + 1;
    }
    return true;
}

void add_surname_merges(const std::vector<Name>& people, Step& steps) {
    std::unordered_map<std::string, const Name*> by_key;
    for (const Name& name : people) by_key.emplace(name.key, &name);
    // "Paul A. Volcker" -> "Paul Volcker", when the short form is at least as common.
    for (const Name& name : people)
        if (middle_is_initials(name.key))
            if (const auto found = by_key.find(first_word(name.key) + ' ' + last_word(name.key));
                found != by_key.end() && found->second->documents >= name.documents)
                steps[name.term] = {EntityType::person, found->second->term};
    // The full names ending in each surname, grouped by first name: "Paul Volcker" and "Paul
    // A. Volcker" are one person, "Nancy Reagan" is not "Ronald Reagan".
    using Group = std::pair<Xapian::doccount, const Name*>;  // documents, its commonest name
    std::unordered_map<std::string, std::map<std::string, Group>> by_last;
    std::unordered_map<std::string, const Name*> by_term;
    for (const Name& name : people) by_term.emplace(name.term, &name);
    for (const Name& name : people) {
        if (name.key.find(' ') == std::string::npos) continue;
        // A name already joined to another (a title or initials left out) counts as that one.
        const Name* as = &name;
        if (const auto step = steps.find(name.term); step != steps.end())
            if (const auto target = by_term.find(step->second.second); target != by_term.end())
                as = target->second;
        Group& group = by_last[last_word(as->key)][first_word(as->key)];
        group.first += name.documents;
        if (!group.second || as->documents > group.second->documents) group.second = as;
    }
    for (const Name& name : people) {
        if (name.key.find(' ') != std::string::npos || name.key.size() < 2) continue;
        const auto found = by_last.find(name.key);
        if (found == by_last.end()) continue;
        const Group* top = nullptr;
        Xapian::doccount all = 0;
        for (const auto& [first, group] : found->second) {
            all += group.first;
            if (!top || group.first > top->first) top = &group;
        }
        if (top && top->first >= kSurnameDominance * (all - top->first))
            steps[name.term] = {EntityType::person, top->second->term};
    }
}

// "Budget Director James Miller", "Director Michel Camdessus": a title left before a name
// the index also holds without it.
void add_title_merges(const std::vector<Name>& people, Step& steps) {
    std::unordered_map<std::string, const Name*> by_key;
    for (const Name& name : people) by_key.emplace(name.key, &name);
    for (const Name& name : people) {
        std::size_t start = 0;
        for (std::size_t space; (space = name.key.find(' ', start)) != std::string::npos;) {
            const std::string word = name.key.substr(start, space - start);
            if (!corpus::entity_cues::is_person_title(word) &&
                !corpus::entity_cues::is_title_modifier(word) && word != "director" &&
                word != "budget")
                break;
            start = space + 1;
        }
        if (start == 0 || name.key.find(' ', start) == std::string::npos) continue;
        if (const auto found = by_key.find(name.key.substr(start)); found != by_key.end())
            steps[name.term] = {EntityType::person, found->second->term};
    }
}

void add_firm_merges(const std::vector<Name>& people, const std::vector<Name>& orgs, Step& steps) {
    std::unordered_map<std::string, const Name*> org_by_key;
    for (const Name& org : orgs) org_by_key.emplace(org.key, &org);
    for (const Name& person : people)
        if (const auto found = org_by_key.find(person.key);
            found != org_by_key.end() && found->second->documents >= person.documents &&
            found->second->documents >= kFirmEvidence)
            steps[person.term] = {EntityType::org, found->second->term};
}

/// "u.s. agriculture department" -> "u.s. department of agriculture"; empty when `key` has no
/// such form.
std::string of_form(const std::string& key) {
    static const std::set<std::string> heads = {"agency",     "bureau",   "commission",
                                                "department", "ministry", "office"};
    const std::size_t last = key.rfind(' ');
    if (last == std::string::npos || !heads.count(key.substr(last + 1))) return {};
    const std::size_t before = key.rfind(' ', last - 1);
    const std::size_t start = before == std::string::npos ? 0 : before + 1;
    const std::string subject = key.substr(start, last - start);
    if (subject == "of" || subject == "the") return {};
    return key.substr(0, start) + key.substr(last + 1) + " of " + subject;
}

// "Finance Ministry" and "Ministry of Finance" are one: the less common joins the other.
void add_word_order_merges(const std::vector<Name>& orgs, Step& steps) {
    std::unordered_map<std::string, const Name*> by_key;
    for (const Name& org : orgs) by_key.emplace(org.key, &org);
    for (const Name& org : orgs) {
        const std::string other_key = of_form(org.key);
        if (other_key.empty()) continue;
        const auto found = by_key.find(other_key);
        if (found == by_key.end()) continue;
        const Name& other = *found->second;
        if (other.documents >= org.documents)
            steps[org.term] = {EntityType::org, other.term};
        else
            steps[other.term] = {EntityType::org, org.term};
    }
}

void add_acronym_merges(const Xapian::Database& db, const std::vector<Name>& orgs, Step& steps) {
    std::unordered_map<std::string, std::vector<const Name*>> by_initials;
    for (const Name& org : orgs)
        if (org.key.find(' ') != std::string::npos) by_initials[initials(org.key)].push_back(&org);
    for (const Name& org : orgs) {
        const std::string& key = org.key;
        if (key.size() < 2 || key.size() > 6 ||
            !std::all_of(key.begin(), key.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
            continue;
        const auto found = by_initials.find(key);
        if (found == by_initials.end()) continue;
        const std::string shown = display_name(db, EntityType::org, org.term);
        if (shown.empty() ||
            std::any_of(shown.begin(), shown.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
            continue;  // "Fed" or "Opec" as written: a word, not initials
        const Name* best = nullptr;
        Xapian::doccount best_shared = 0, second_shared = 0;
        for (const Name* expansion : found->second) {
            const Xapian::doccount shared =
                shared_documents(db, org.term, expansion->term, 1'000'000);
            if (shared > best_shared) {
                second_shared = best_shared;
                best_shared = shared;
                best = expansion;
            } else {
                second_shared = std::max(second_shared, shared);
            }
        }
        if (best && best_shared >= kAcronymEvidence && best_shared >= 4 * second_shared)
            steps[org.term] = {EntityType::org, best->term};
    }
}

/// The term a name ends up as, following chains; nullopt when a chain comes back on itself.
std::optional<std::pair<EntityType, std::string>> final_step(const Step& steps,
                                                             const std::string& term) {
    auto at = steps.find(term);
    for (int i = 0; i < kMaxChain; ++i) {
        const auto next = steps.find(at->second.second);
        if (next == steps.end()) return at->second;
        if (next->first == term) return std::nullopt;
        at = next;
    }
    return std::nullopt;
}

/// The stored fields of a document, read and written back where they were.
class StoredFieldsAccess {
  public:
    explicit StoredFieldsAccess(const Xapian::Database& db) {
        const std::string dictionary = db.get_metadata(std::string(schema::docdata_dictionary_key));
        if (!dictionary.empty()) compression_.emplace(dictionary);
    }

    StoredFields read(const Xapian::Document& doc) {
        const std::string data = StoredFieldsCompression::record_of(doc);
        if (StoredFieldsCompression::is_compressed(data) && !compression_)
            throw IndexError(
                "a document's stored fields are compressed, but the index holds "
                "no dictionary");
        return StoredFields::decode(compression_ ? compression_->expand(data, buffer_)
                                                 : std::string_view(data));
    }

    void write(Xapian::Document& doc, const StoredFields& fields) {
        const bool in_data = !doc.get_data().empty();
        const std::string record = fields.encode();
        if (in_data)
            doc.set_data(record);
        else
            doc.add_value(schema::slot::stored_fields,
                          compression_ ? compression_->compress(record) : record);
    }

  private:
    std::optional<StoredFieldsCompression> compression_;
    std::string buffer_;
};

/// `entities` with merged names replaced by their targets and duplicates dropped; whether any
/// changed.
bool merge_list(std::vector<Entity>& entities, const EntityMergeMap& merges) {
    bool changed = false;
    std::set<std::string> seen;
    std::vector<Entity> out;
    for (Entity& entity : entities) {
        std::string term = schema::filter_term(schema::entity_prefix(entity.type), entity.name);
        if (const auto found = merges.find(term); found != merges.end()) {
            entity.type = found->second.type;
            entity.name = found->second.name;
            term = found->second.term;
            changed = true;
        }
        if (seen.insert(term).second)
            out.push_back(std::move(entity));
        else
            changed = true;
    }
    entities = std::move(out);
    return changed;
}

/// Rewrites one document's entities; whether anything changed.
bool rewrite(Xapian::Document& doc, const EntityMergeMap& merges, StoredFieldsAccess& stored) {
    std::vector<Entity> entities;
    for (const auto type : kTypes) {
        const std::string list = doc.get_value(schema::slot::entities(type));  // names view it
        for (const auto name : schema::unpack_list(list))
            entities.push_back({type, std::string(name), EntityOrigin::extracted});
    }
    std::vector<std::string> old_terms;
    for (const Entity& entity : entities)
        old_terms.push_back(schema::filter_term(schema::entity_prefix(entity.type), entity.name));
    if (!merge_list(entities, merges)) return false;
    for (const auto& term : old_terms) {
        if (!merges.count(term)) continue;
        try {
            doc.remove_term(term);
        } catch (const Xapian::InvalidArgumentError&) {
            // Already removed: two names of the document had this term.
        }
    }
    std::map<EntityType, std::vector<std::string>> lists;
    for (const Entity& entity : entities) {
        doc.add_boolean_term(schema::filter_term(schema::entity_prefix(entity.type), entity.name));
        lists[entity.type].push_back(entity.name);
    }
    for (const auto type : kTypes) {
        if (lists[type].empty()) {
            if (!doc.get_value(schema::slot::entities(type)).empty())
                doc.remove_value(schema::slot::entities(type));
        } else {
            doc.add_value(schema::slot::entities(type), schema::pack_list(std::move(lists[type])));
        }
    }
    StoredFields fields = stored.read(doc);
    if (merge_list(fields.entities, merges)) stored.write(doc, fields);
    return true;
}

/// The documents of `db` that name a merged term, in docid order.
std::vector<Xapian::docid> documents_naming(const Xapian::Database& db,
                                            const EntityMergeMap& merges) {
    std::set<Xapian::docid> docs;
    for (const auto& [term, target] : merges)
        for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) docs.insert(*it);
    return {docs.begin(), docs.end()};
}

/// The prefix of an entity term.
std::string_view prefix_of(const std::string& term) {
    for (const auto type : kTypes)
        if (term.starts_with(schema::entity_prefix(type))) return schema::entity_prefix(type);
    return {};
}

/// The alias table of `db` after the merges: each merged name is an alias of its target, and
/// the aliases that named a merged term name its target too. `others` are databases whose
/// entries for the same keys are kept in what is written (the other segments of a build).
void write_aliases(Xapian::WritableDatabase& db, const EntityMergeMap& merges,
                   const std::vector<Xapian::Database>& others = {}) {
    std::map<std::string, std::vector<std::string>> entries;  // key -> terms
    const std::string prefix(schema::alias_key_prefix);
    for (auto key = db.metadata_keys_begin(prefix); key != db.metadata_keys_end(prefix); ++key) {
        const std::string value = db.get_metadata(*key);  // the terms view it
        const auto terms = schema::unpack_list(value);
        std::vector<std::string> added;
        for (const auto term : terms)
            if (const auto found = merges.find(std::string(term)); found != merges.end())
                added.push_back(found->second.term);
        if (!added.empty()) entries[*key] = std::move(added);
    }
    for (const auto& [term, target] : merges)
        if (const auto key =
                schema::alias_metadata_key(prefix_of(term), term.substr(prefix_of(term).size())))
            entries[*key].push_back(target.term);
    for (auto& [key, terms] : entries) {
        std::vector<std::string> list;
        auto take = [&list](std::string_view value) {
            for (const auto term : schema::unpack_list(value))
                if (std::find(list.begin(), list.end(), term) == list.end())
                    list.emplace_back(term);
        };
        take(db.get_metadata(key));
        for (const auto& other : others) take(other.get_metadata(key));
        for (auto& term : terms)
            if (std::find(list.begin(), list.end(), term) == list.end())
                list.push_back(std::move(term));
        db.set_metadata(key, schema::pack_list(std::move(list)));
    }
}

}  // namespace

EntityMergeMap find_entity_merges(const Xapian::Database& db) {
    const std::vector<Name> people = names_of(db, EntityType::person);
    const std::vector<Name> orgs = names_of(db, EntityType::org);
    Step steps;
    add_title_merges(people, steps);
    add_surname_merges(people, steps);
    add_firm_merges(people, orgs, steps);  // after: "Sachs" -> "Goldman Sachs" -> the firm
    add_word_order_merges(orgs, steps);
    add_acronym_merges(db, orgs, steps);
    EntityMergeMap merges;
    for (const auto& [term, step] : steps) {
        const auto target = final_step(steps, term);
        if (!target) continue;
        std::string name = display_name(db, target->first, target->second);
        if (name.empty()) continue;
        merges.emplace(term, EntityTarget{target->first, std::move(name), target->second});
    }
    return merges;
}

EntityMerges merge_entities(Xapian::WritableDatabase& db) {
    EntityMerges done;
    const EntityMergeMap merges = find_entity_merges(db);
    if (merges.empty()) return done;
    done.names = merges.size();
    StoredFieldsAccess stored(db);
    db.begin_transaction();
    try {
        for (const Xapian::docid docid : documents_naming(db, merges)) {
            Xapian::Document doc = db.get_document(docid);
            if (!rewrite(doc, merges, stored)) continue;
            db.replace_document(docid, doc);
            ++done.rewritten;
        }
        write_aliases(db, merges);
        db.commit_transaction();
    } catch (...) {
        // A write failed (disk full): the index keeps its last commit, without these merges.
        try {
            db.cancel_transaction();
        } catch (const Xapian::Error&) {
        }
        throw;
    }
    return done;
}

EntityMerges merge_entities_in_segments(const std::vector<std::string>& segments) {
    EntityMerges done;
    Xapian::Database all;
    std::vector<Xapian::Database> others;
    for (const auto& segment : segments) {
        all.add_database(Xapian::Database(segment));
        if (&segment != &segments.front()) others.emplace_back(segment);
    }
    const EntityMergeMap merges = find_entity_merges(all);
    if (merges.empty()) return done;
    done.names = merges.size();
    const std::vector<Xapian::docid> docs = documents_naming(all, merges);
    // Xapian interleaves the docids of n databases: docid d is docid (d - 1) / n + 1 of
    // database (d - 1) % n.
    const std::size_t n = segments.size();
    for (std::size_t part = 0; part < n; ++part) {
        Xapian::WritableDatabase db(segments[part], Xapian::DB_OPEN);
        try {
            db.begin_transaction(false);
            StoredFieldsAccess stored(db);
            for (const Xapian::docid docid : docs) {
                if ((docid - 1) % n != part) continue;
                const auto own = static_cast<Xapian::docid>((docid - 1) / n + 1);
                Xapian::Document doc = db.get_document(own);
                if (!rewrite(doc, merges, stored)) continue;
                db.replace_document(own, doc);
                ++done.rewritten;
            }
            // The merged index keeps the first segment's entry of a key (Xapian's compactor),
            // so that one holds the whole entry.
            if (part == 0) write_aliases(db, merges, others);
            db.commit_transaction();
        } catch (...) {
            // A write failed (disk full): drop the segment's changes, so that its destructor
            // does not try to write them again and throw out of the unwinding.
            try {
                db.cancel_transaction();
            } catch (...) {
            }
            try {
                db.close();
            } catch (...) {
            }
            throw;
        }
    }
    return done;
}

}  // namespace newsdex::indexer
