/// @file name_tokenizer.hpp
/// @brief Splits article text into word tokens with the case and punctuation facts that
/// entity rules need (internal to newsdex::analysis).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace newsdex::corpus {

/// One word of the text.
struct NameToken {
    std::string_view text;        ///< as written, without a possessive 's or a sentence's dot
    std::string key;              ///< lower case, dots dropped ("U.S." -> "us")
    bool capitalised = false;     ///< starts with an upper-case ASCII letter
    bool all_caps = false;        ///< two or more letters, none lower case
    bool sentence_start = false;  ///< first word of a sentence, paragraph or text
    bool break_before = false;    ///< punctuation (or a new sentence) since the previous word
    char punct_before = 0;        ///< the last punctuation character since the previous word
    bool possessive = false;      ///< written with 's
    bool in_angle = false;        ///< inside <...>: the wire's marker for company names
};

/// The words of `text`, appended to `out`. Lines (paragraphs) that are mostly upper case or
/// in headline case are left out: they are headlines, tables and furniture, where case tells
/// nothing.
void tokenize_names(std::string_view text, std::vector<NameToken>& out);

}  // namespace newsdex::corpus
