/// @file prepared_document.hpp
/// @brief PreparedDocument: an article made ready for the index, between preparer and writer.
#pragma once

#include <xapian.h>

#include <string>

namespace newsdex::indexer {

/// An article made ready for the index (by a DocumentPreparer): its id term and its document.
struct PreparedDocument {
    std::string id_term;
    Xapian::Document document;
};

}  // namespace newsdex::indexer
