/// @file document_lengths.cpp
/// @brief Reading every document length once, in docid order.
#include "searcher/document_lengths.hpp"

namespace newsdex::searcher {

DocumentLengths::DocumentLengths(const Xapian::Database& db)
    : last_docid_(db.get_lastdocid()),
      doc_count_(db.get_doccount()),
      total_length_(db.get_total_length()) {
    lengths_.assign(std::size_t{last_docid_} + 1, 0);
    // The all-documents posting list walks the length chunks in order: sequential reads,
    // unlike one lookup per match.
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
        const Xapian::docid docid = *it;
        if (docid < lengths_.size()) lengths_[docid] = it.get_doclength();
    }
}

bool DocumentLengths::matches(const Xapian::Database& db) const {
    return db.get_lastdocid() == last_docid_ && db.get_doccount() == doc_count_ &&
           db.get_total_length() == total_length_;
}

}  // namespace newsdex::searcher
