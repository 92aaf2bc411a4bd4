/// @file page_lines.hpp
/// @brief The lines of a scraped page, each classed as prose, heading, furniture or listing.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex::corpus {

/// What one line of a scraped page is.
enum class LineKind {
    blank,
    prose,      ///< running text (or a title)
    heading,    ///< a short line without sentence punctuation: "Reaction", "Yahoo"
    furniture,  ///< page widgets and promotions: "Related Articles", "Comments", "Try our ..."
    date,       ///< a line that is only a date: "3/25/2024"
    age,        ///< an aggregator listing age: "17 minutes ago", "Yahoo · 2 hours ago"
    via,        ///< an aggregator listing credit: "- Yahoo", "via Yahoo"
};

/// One classified line.
struct PageLine {
    std::string_view text;   ///< trimmed, pointing into the page text
    std::uint64_t number{};  ///< 1-based line number
    LineKind kind{};
};

/// What an aggregator listing line tells: how long ago an item was listed, and by whom.
struct ListingLine {
    std::optional<std::int64_t> age_seconds;
    std::string source;  ///< "Yahoo" from "- Yahoo" or "Yahoo · 17 minutes ago"; may be empty
};

/// The listing information on `line` ("17 minutes ago", "an hour ago", "2h ago", "yesterday",
/// "- Yahoo", "via Yahoo", "Yahoo · 17 minutes ago"), or nullopt for any other line.
[[nodiscard]] std::optional<ListingLine> parse_listing_line(std::string_view line);

/// The kind of one line on its own (see classify_page for the kinds that need neighbours).
[[nodiscard]] LineKind classify_line(std::string_view line);

/// Splits `text` into classified lines. Beyond classify_line, a line ending in ':' that leads
/// only into furniture (or nothing) is furniture itself: "Explore what X can do for you:".
[[nodiscard]] std::vector<PageLine> classify_page(std::string_view text);

/// The number of lines in `lines` that only scraped pages have (furniture, dates, listing
/// lines): the content test of format detection.
[[nodiscard]] std::size_t page_signal_count(const std::vector<PageLine>& lines);

}  // namespace newsdex::corpus
