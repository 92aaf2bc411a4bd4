/// @file entity_cues.hpp
/// @brief Cue-word tests the entity extractor's rules use (internal to newsdex::analysis).
#pragma once

#include <string_view>

/// Every function takes a word in lower case without dots ("mr", "inc", "opec").
namespace newsdex::corpus::entity_cues {

/// A title before a person's name that is not part of it: "president", "minister", "mr".
[[nodiscard]] bool is_person_title(std::string_view word);

/// A word that qualifies a title: "finance" (minister), "prime", "vice", "state" (secretary).
[[nodiscard]] bool is_title_modifier(std::string_view word);

/// A common given name ("joe", "maria"): a name opening with one is a person's.
[[nodiscard]] bool is_given_name(std::string_view word);

/// A word that ends no person's name: "airport", "prize", "county", "river".
[[nodiscard]] bool is_not_person_end(std::string_view word);

/// An organisation cue that also qualifies the words after it: "securities" (and Exchange
/// Commission), "trust" (and Savings Bank).
[[nodiscard]] bool is_org_modifier(std::string_view word);

/// A word that opens no person's name: "river", "mount", "fort", "hurricane".
[[nodiscard]] bool is_not_person_start(std::string_view word);

/// A noun whose "of" names a place: "city" (of Kamloops), "town", "province", "state".
[[nodiscard]] bool is_place_noun(std::string_view word);

/// A word that makes a capitalised name an organisation: "ministry", "bank", "inc".
[[nodiscard]] bool is_org_cue(std::string_view word);

/// An organisation cue that also names one institution alone: "treasury", "congress".
[[nodiscard]] bool is_institution(std::string_view word);

/// A company-form suffix left out of the canonical name: "inc", "corp", "ltd", "plc".
[[nodiscard]] bool is_corporate_suffix(std::string_view word);

/// Capitalised but never an entity here: sentence-start words, weekdays, months, furniture.
[[nodiscard]] bool is_not_entity(std::string_view word);

/// A month name ("march"), used to recognise datelines ("HAMBURG, March 12 -").
[[nodiscard]] bool is_month(std::string_view word);

/// A month's three-letter abbreviation ("mar"), as in wire date codes ("MAR8").
[[nodiscard]] bool is_month_abbreviation(std::string_view word);

/// An upper-case abbreviation that names no organisation: "pct", "gnp", "ceo", "ii".
[[nodiscard]] bool is_common_acronym(std::string_view word);

/// A verb that makes the name before it a speaker: "said", "told", "added".
[[nodiscard]] bool is_speech_verb(std::string_view word);

/// A lower-case word that may join the words of one name: "of", "de", "and".
[[nodiscard]] bool is_connector(std::string_view word);

/// An abbreviation whose dot does not end a sentence: "mr", "dr", "gen", "st".
[[nodiscard]] bool is_abbreviation(std::string_view word);

}  // namespace newsdex::corpus::entity_cues
