/// @file format.hpp
/// @brief Input formats: one table of their names, aliases, suffixes and readers; detection.
#pragma once

#include <initializer_list>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

namespace newsdex::corpus {

struct ArticleSink;
struct ReadOptions;

/// The input formats newsdex reads.
enum class Format {
    automatic,  ///< detect per file from its name, then its content
    jsonl,      ///< JSON Lines, one article object per line
    json,       ///< a JSON document: one article object, or an array of them
    csv,        ///< CSV with a header row
    text,       ///< plain text, one article per file: title line, then body
    mail,       ///< mail or Usenet post, one per file: header block, then body
    reuters,    ///< Reuters-21578 SGML (reut2-*.sgm)
    page,       ///< a scraped news page: main article, related-article teasers, furniture
};

/// A format's reader: reads all of `in`; `file_name` names it in messages, ids and
/// Article::origin_file (see read_jsonl() and the others).
using ReadFunction = void (*)(std::istream& in, const std::string& file_name,
                              const ReadOptions& options, const ArticleSink& sink);

/// One row of the table of formats.
struct FormatInfo {
    Format format;
    std::string_view name;                             ///< the --format value, to_string()
    std::initializer_list<std::string_view> aliases;   ///< other --format values
    std::initializer_list<std::string_view> suffixes;  ///< file-name endings that tell it
    ReadFunction read;                                 ///< nullptr for Format::automatic
};

/// The table row of `format`.
[[nodiscard]] const FormatInfo& format_info(Format format) noexcept;

/// "auto", "jsonl", "json", "csv", "text", "mail", "reuters" or "page".
[[nodiscard]] std::string_view to_string(Format format) noexcept;

/// Parses a --format value: "auto", "jsonl"/"ndjson", "json", "csv", "text"/"txt",
/// "mail"/"email", "reuters"/"sgml", "page".
[[nodiscard]] std::optional<Format> parse_format(std::string_view text) noexcept;

/// Detects the format of a file from its name and first bytes. By name: reut2-*.sgm, *.jsonl
/// and *.ndjson, *.json (the JSON reader also takes JSON Lines), *.csv. By content: a mail
/// header block with From: and Subject: lines (files of any name, *.txt included);
/// `<!DOCTYPE lewis` or `<REUTERS` for Reuters; `{` for JSON Lines; `[` then `{` for a JSON
/// array. A *.txt file laid out as a title line then a blank line is text, unless named like a
/// README, LICENSE or SOURCE file; a *.txt file showing scraped-page furniture or listing lines
/// (two such lines, or one when it is not laid out as text) is a page. Returns nullopt when
/// nothing tells.
[[nodiscard]] std::optional<Format> detect_format(std::string_view file_name,
                                                  std::string_view head);

}  // namespace newsdex::corpus
