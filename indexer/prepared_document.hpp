/// @file prepared_document.hpp
/// @brief PreparedDocument: an article made ready for the index, between preparer and writer.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "indexer/spelling_words.hpp"

namespace newsdex::indexer {

/// An article made ready for the index (by a DocumentPreparer): its id term, its document and
/// the words it adds to the spelling data (none with IndexOptions::spelling off).
struct PreparedDocument {
    std::string id_term;
    Xapian::Document document;
    std::vector<SpellingWord> spellings;
};

}  // namespace newsdex::indexer
