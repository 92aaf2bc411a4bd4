/// @file schema.hpp
/// @brief The one registry of term prefixes and value slots in a newsdex index.
///
/// Documented with examples in docs/schema.md. Prefixes follow Omega's conventions where they
/// exist (Q unique id, S title, A author, L language, D/M/Y dates) and X... for our own
/// fields. Boolean values are facet keys (see facet_key()), so filters ignore case.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/article.hpp"

namespace newsdex::schema {

/// Term prefixes.
namespace prefix {
inline constexpr std::string_view id = "Q";         ///< Qreuters-17 (unique id, boolean)
inline constexpr std::string_view text = "Z";       ///< Zrate (title and body stems, positions)
inline constexpr std::string_view title = "ZS";     ///< ZSrate (title stems, positions; Omega's S)
inline constexpr std::string_view author = "A";     ///< Ajohn smith (boolean)
inline constexpr std::string_view language = "L";   ///< Len (boolean)
inline constexpr std::string_view day = "D";        ///< D19870326 (boolean)
inline constexpr std::string_view month = "M";      ///< M198703 (boolean)
inline constexpr std::string_view year = "Y";       ///< Y1987 (boolean)
inline constexpr std::string_view source = "XSRC";  ///< XSRCreuters (boolean)
inline constexpr std::string_view person = "XP";    ///< XPpaul volcker (boolean)
inline constexpr std::string_view org = "XO";       ///< XOopec (boolean)
inline constexpr std::string_view place = "XL";     ///< XLwest germany (boolean)
inline constexpr std::string_view category = "XC";  ///< XCcocoa (boolean)
}  // namespace prefix

/// Value slots.
/// Slot numbers are Xapian::valueno (unsigned), spelt as unsigned to keep this header free of
/// xapian.h.
namespace slot {
/// Article time as Xapian::sortable_serialise(UTC seconds): sorting and date ranges.
inline constexpr unsigned date = 0;
/// UTC day "1987-03-26": the date facet counts these and rolls them up to months or years.
inline constexpr unsigned day = 1;
/// Source display name "Reuters": the source facet.
inline constexpr unsigned source = 2;
/// Language code, "en".
inline constexpr unsigned language = 3;
/// A document's people, as one packed list (see pack_list()) of names: "Paul Volcker".
/// Locally the searcher's item spy counts the names; over xapian-tcpsrv shards Xapian's stock
/// ValueCountMatchSpy counts each distinct list and the searcher splits them: both exact
/// (docs/schema.md says why). One list per type: more documents share the same list.
inline constexpr unsigned persons = 4;
/// A document's categories as one packed list of "cocoa" values.
inline constexpr unsigned categories = 5;
/// A document's organisations, as one packed list of names.
inline constexpr unsigned orgs = 6;
/// A document's places, as one packed list of names.
inline constexpr unsigned places = 7;
/// The stored fields, compressed with the index's dictionary (StoredFieldsCompression):
/// a value, not document data, so that Xapian does not deflate them again (see docs/schema.md).
inline constexpr unsigned stored_fields = 8;
/// The copy cluster key ("5c1e0f2a9b3d7e41"), only in stories that have copies: searches
/// collapse on it, and `cluster:KEY` is a value query on it (Xapian's collapse key, which remote
/// shards apply too).
inline constexpr unsigned cluster = 9;
/// The MinHash bands of the body's shingles (StoryFingerprint::bands(), 28 bytes): what copies
/// of one story share, read by the indexer to find them (not by searches).
inline constexpr unsigned copy_bands = 10;

/// The list slot of an entity type.
[[nodiscard]] constexpr unsigned entities(EntityType type) noexcept {
    return type == EntityType::person ? persons : type == EntityType::org ? orgs : places;
}
}  // namespace slot

/// Metadata key holding the schema version this index was written with.
inline constexpr std::string_view schema_version_key = "newsdex.schema";
/// The schema version written by this build.
/// 4: stems are accent-folded, dotted acronyms are terms of their own (`Zu_s`), elisions are
/// split (word_boundaries.hpp), copies of one story share a cluster (slots 9 and 10); 3: text
/// is stems only, with positions (Z and ZS); 2 also had the words unstemmed.
inline constexpr std::string_view schema_version = "4";
/// Metadata key holding the zstd dictionary the stored fields are compressed with (absent until
/// the indexer has seen enough documents to train one; see StoredFieldsCompression).
inline constexpr std::string_view docdata_dictionary_key = "newsdex.docdata_dictionary";

/// prefix + value, with Omega's ':' separator when the value starts with an upper-case letter.
/// A term over 240 bytes (Xapian's limit is 245) becomes its first 223 bytes, '#' and a hash.
[[nodiscard]] std::string make_term(std::string_view prefix, std::string_view value);

/// The unique-id term of an article id, e.g. "Qreuters-17".
[[nodiscard]] std::string id_term(std::string_view id);

/// The boolean term of a facet value: prefix + facet_key(value), e.g. "XSRCreuters".
[[nodiscard]] std::string filter_term(std::string_view prefix, std::string_view value);

/// The date terms of a UTC day: D19870326, M198703 and Y1987.
struct DateTerms {
    std::string day;
    std::string month;
    std::string year;
};

/// The date terms of a day written as format_day() writes it ("1987-03-26"): what the indexer
/// adds to a dated document and what date ranges are built from.
[[nodiscard]] DateTerms date_terms_of(std::string_view iso_day);

/// Whether `term` is one of those date terms (D19870326, M198703, Y1987).
[[nodiscard]] bool is_date_term(std::string_view term) noexcept;

/// The filter-term prefix of an entity type (XP, XO or XL).
[[nodiscard]] std::string_view entity_prefix(EntityType type) noexcept;

/// The value stored in an entity slot: "person:Paul Volcker".
[[nodiscard]] std::string entity_value(const Entity& entity);

/// Splits an entity slot value back into type and name; nullopt when malformed.
[[nodiscard]] std::optional<Entity> parse_entity_value(std::string_view value);

/// Separates the items of a packed list value (ASCII unit separator: never in a name).
inline constexpr char list_separator = '\x1f';

/// The value of a multi-valued slot: the items sorted, duplicates dropped, joined by
/// list_separator. Sorting makes documents with the same set share one value, which keeps
/// the match spy's table small.
[[nodiscard]] std::string pack_list(std::vector<std::string> items);

/// Calls `visit(item)` for each item of a packed list value (views into `value`), in order,
/// without allocating: the facet spy splits every matching document's lists with it.
template <class Visit>
void for_each_list_item(std::string_view value, Visit&& visit) {
    while (!value.empty()) {
        const auto end = value.find(list_separator);
        visit(value.substr(0, end));
        if (end == std::string_view::npos) break;
        value.remove_prefix(end + 1);
    }
}

/// The items of a packed list value (views into `value`).
[[nodiscard]] std::vector<std::string_view> unpack_list(std::string_view value);

}  // namespace newsdex::schema
