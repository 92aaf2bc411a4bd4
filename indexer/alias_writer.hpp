/// @file alias_writer.hpp
/// @brief Writes the index's name tables: entity aliases for filters and synonyms for queries.
#pragma once

#include <xapian.h>

#include <string>
#include <unordered_set>
#include <vector>

#include "indexer/document_builder.hpp"
#include "indexer/synonym_rule.hpp"

namespace newsdex::indexer {

/// Fills two metadata tables (docs/schema.md) as documents are written, inside the caller's
/// transaction, for the entities the documents name:
///  - aliases: for an entity filter term (XLunited states), each other name of it in the
///    gazetteer ("newsdex.alias.XLusa"), and its own name without dots or hyphens
///    ("west-germany"); the value is the packed list of the filter terms it names;
///  - synonyms: for each language the documents are in, each name of such an entity, as the
///    terms the indexer writes for it ("newsdex.synonym.en.Zusa"), lists the other names
///    (their terms, and their text for display), and so do the rules of a synonym file.
/// The gazetteer's demonyms ("Japanese") are no names; a name that is part of another
/// entity's name ("America" of "Latin America") is a synonym key but never a value, and
/// "us" is left out (it is also a pronoun, and "U.S." is written "us" by the analysis today).
class AliasWriter {
  public:
    /// The gazetteer's names (Gazetteer::standard()) and the rules of a synonym file.
    explicit AliasWriter(std::vector<SynonymRule> rules = {});

    /// Adds the aliases and synonyms of `doc`'s entities, and the synonym file's rules in
    /// `doc`'s language, that this writer has not written yet.
    void note(Xapian::WritableDatabase& db, const Xapian::Document& doc);

  private:
    void write_rule(Xapian::WritableDatabase& db, const SynonymRule& rule,
                    const std::string& language);

    std::vector<SynonymRule> rules_;
    std::unordered_set<std::string> done_terms_;      // entity terms whose aliases are written
    std::unordered_set<std::string> done_synonyms_;   // "language term" pairs written
    std::unordered_set<std::string> done_languages_;  // languages the rules are written in
    DocumentBuilder analysis_;                        // phrase_terms(): the index's analysis
};

}  // namespace newsdex::indexer
