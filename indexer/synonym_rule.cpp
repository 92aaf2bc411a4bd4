/// @file synonym_rule.cpp
/// @brief Reading synonym files (Solr's synonyms.txt format).
#include "indexer/synonym_rule.hpp"

#include <fstream>

#include "common/error.hpp"
#include "common/text.hpp"

namespace newsdex::indexer {

namespace {

/// "a, b ,c" -> {"a", "b", "c"}; sets `empty_phrase` when one is empty.
std::vector<std::string> phrases(std::string_view list, bool& empty_phrase) {
    std::vector<std::string> out;
    for (std::size_t start = 0;;) {
        const std::size_t comma = list.find(',', start);
        const auto part =
            list.substr(start, comma == std::string_view::npos ? list.npos : comma - start);
        std::string phrase = collapse_whitespace(trim(part));
        if (phrase.empty()) empty_phrase = true;
        out.push_back(std::move(phrase));
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
    return out;
}

}  // namespace

std::vector<SynonymRule> read_synonym_file(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) throw IndexError("cannot read the synonym file " + file.string());
    std::vector<SynonymRule> rules;
    std::uint64_t number = 0;
    for (std::string line; std::getline(in, line);) {
        ++number;
        const std::string_view text = trim(std::string_view(line).substr(0, line.find('#')));
        if (text.empty()) continue;
        const auto fail = [&](const std::string& reason) {
            throw ParseError(file.string(), number, reason);
        };
        bool empty_phrase = false;
        SynonymRule rule;
        if (const auto arrow = text.find("=>"); arrow != std::string_view::npos) {
            if (text.find("=>", arrow + 2) != std::string_view::npos)
                fail("two '=>' in one rule (write 'a => b, c')");
            rule.from = phrases(text.substr(0, arrow), empty_phrase);
            rule.to = phrases(text.substr(arrow + 2), empty_phrase);
        } else {
            rule.from = phrases(text, empty_phrase);
            rule.to = rule.from;
            if (rule.from.size() < 2)
                fail(
                    "a synonym group needs two phrases or more (write 'usa, united states' "
                    "or 'ec => european community')");
        }
        if (empty_phrase) fail("an empty phrase (a comma too many?)");
        rules.push_back(std::move(rule));
    }
    return rules;
}

}  // namespace newsdex::indexer
