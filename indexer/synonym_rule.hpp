/// @file synonym_rule.hpp
/// @brief Query-side synonyms: rules ("usa, united states") and the file they are read from.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace newsdex::indexer {

/// Each phrase of `from`, written in a query, also finds each phrase of `to` (itself excepted).
/// A group "a, b, c" is the rule {a, b, c} -> {a, b, c}; "a => b, c" is {a} -> {b, c}.
struct SynonymRule {
    std::vector<std::string> from;
    std::vector<std::string> to;
};

/// Reads a synonym file (UTF-8, Solr's synonyms.txt format): one rule per line, either a
/// group of equivalent phrases separated by commas (`usa, united states, america`) or a
/// one-way rule `ec => european community, common market`; `#` starts a comment, blank lines
/// are skipped. Throws ParseError (file and line) for a line with fewer than two phrases, an
/// empty phrase or a second `=>`, and IndexError when the file cannot be read.
[[nodiscard]] std::vector<SynonymRule> read_synonym_file(const std::filesystem::path& file);

}  // namespace newsdex::indexer
