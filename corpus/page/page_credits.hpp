/// @file page_credits.hpp
/// @brief Who wrote and published a scraped article, from its byline, dateline and sign-off.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace newsdex::corpus {

/// What an article's own text says about its origin.
struct Credits {
    std::string publisher;             ///< "Reuters" from "WASHINGTON (Reuters) -", or a sign-off
    std::vector<std::string> authors;  ///< "Jasper Ward" from "By Jasper Ward WASHINGTON ..."
};

/// Finds the credits of `body` and removes the furniture around them: a leading byline
/// ("By Jasper Ward and Ann Lee"), and a closing pitch ("... Consider supporting the Kyiv
/// Independent.") with any "Read also: ..." link just before it. A dateline
/// ("WASHINGTON (Reuters) -") names the publisher and stays: it is part of the story.
[[nodiscard]] Credits take_credits(std::string& body);

/// The first `sentences` sentences of `text` (at most `max_bytes`): where news states when the
/// story happened. Abbreviations ("U.S.", "Mr.") do not end a sentence.
[[nodiscard]] std::string_view lead_of(std::string_view text, int sentences, std::size_t max_bytes);

}  // namespace newsdex::corpus
