/// @file entity_merges.hpp
/// @brief Joins the names of one entity across an index: "Volcker" to "Paul Volcker", "SEC" to
/// "Securities and Exchange Commission", and a firm found as a person to the organisation.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "common/article.hpp"

namespace newsdex::indexer {

/// What an entity filter term becomes.
struct EntityTarget {
    EntityType type = EntityType::person;
    std::string name;  ///< the canonical name, as documents show it: "Paul Volcker"
    std::string term;  ///< its filter term: "XPpaul volcker"
};

/// The merges found in an index, by the filter term that goes ("XPvolcker").
using EntityMergeMap = std::map<std::string, EntityTarget>;

/// What merge_entities() did.
struct EntityMerges {
    std::uint64_t names = 0;      ///< filter terms joined to another entity's
    std::uint64_t rewritten = 0;  ///< documents whose entities changed
};

/// The merges the whole of `db` makes unambiguous, from the counts of its entity terms:
///  - a one-word person to the full name ending in it ("Volcker" -> "Paul Volcker"), when
///    the names of that first name ("Paul Volcker", "Paul A. Volcker") hold at least 4 times
///    the documents of all other first names together ("Nancy Reagan" keeps "Reagan" apart
///    from "Ronald Reagan" only where she is that common);
///  - a name after a title ("Budget Director James Miller") to the name alone, where the index
///    holds it (with at least two words);
///  - a full name with middle initials to the same name without them, when that is as common;
///  - a person that is an organisation elsewhere in the index, in at least two documents and
///    at least as often ("Goldman Sachs"), to that organisation;
///  - an organisation named in two word orders ("Agriculture Department", "Department of
///    Agriculture"; also ministries, agencies, bureaus, offices and commissions, not councils:
///    the State Council is not the Council of State) to
///    the commoner;
///  - an upper-case acronym organisation ("SEC") to the organisation whose initials it is
///    ("Securities and Exchange Commission"), when the two are named together in at least two
///    documents and no other expansion comes near (the pattern "... Commission (SEC)").
/// Chains are followed to their end; the targets are terms `db` holds.
[[nodiscard]] EntityMergeMap find_entity_merges(const Xapian::Database& db);

/// Applies find_entity_merges() to `db`: each document naming a merged entity names its target
/// instead (terms, entity lists and stored fields, duplicates dropped), and the alias table
/// maps the merged name to the target, so that a filter by either finds both. Commits.
EntityMerges merge_entities(Xapian::WritableDatabase& db);

/// The same over the segments of a build (SegmentedBuild::segment_paths(), in the order whose
/// docids the merged index keeps), before they are merged, with the merges of all of them.
EntityMerges merge_entities_in_segments(const std::vector<std::string>& segments);

}  // namespace newsdex::indexer
