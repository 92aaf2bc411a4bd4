/// @file format.hpp
/// @brief Input formats and their detection from a file's name and first bytes.
#pragma once

#include <optional>
#include <string_view>

namespace newsdex::corpus {

/// The input formats newsdex reads.
enum class Format {
    automatic,  ///< detect per file from its name, then its content
    jsonl,      ///< JSON Lines, one article object per line
    reuters,    ///< Reuters-21578 SGML (reut2-*.sgm)
};

/// "auto", "jsonl" or "reuters".
[[nodiscard]] std::string_view to_string(Format format) noexcept;

/// Parses a --format value ("auto", "jsonl"/"json"/"ndjson", "reuters"/"sgml").
[[nodiscard]] std::optional<Format> parse_format(std::string_view text) noexcept;

/// Detects the format of a file from its name (reut2-*.sgm, *.jsonl, *.ndjson, *.json) and,
/// failing that, from its first bytes (`<!DOCTYPE lewis` or `<REUTERS` for Reuters, `{` for
/// JSON Lines). Returns nullopt when neither tells.
[[nodiscard]] std::optional<Format> detect_format(std::string_view file_name,
                                                  std::string_view head);

}  // namespace newsdex::corpus
