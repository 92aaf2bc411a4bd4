/// @file document_lengths.cpp
/// @brief Reading every document length once, in docid order.
#include "searcher/cached/document_lengths.hpp"

#include "common/schema.hpp"

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
    // The term lists of the documents of rare languages, read once: far cheaper than bounding
    // a branch by seeks at every query (bench/RESULTS.md, document lengths).
    const std::string language_prefix(schema::prefix::language);
    for (auto language = db.allterms_begin(language_prefix);
         language != db.allterms_end(language_prefix); ++language) {
        if (language.get_termfreq() > max_rare_language_documents) continue;
        auto& postings = rare_languages_[*language];
        for (auto doc = db.postlist_begin(*language); doc != db.postlist_end(*language); ++doc)
            for (auto term = db.termlist_begin(*doc); term != db.termlist_end(*doc); ++term)
                postings[*term].emplace_back(*doc, term.get_wdf());
    }
}

const std::vector<std::pair<Xapian::docid, Xapian::termcount>>*
DocumentLengths::rare_language_postings(const std::string& language_term,
                                        const std::string& term) const {
    static const std::vector<std::pair<Xapian::docid, Xapian::termcount>> none;
    const auto language = rare_languages_.find(language_term);
    if (language == rare_languages_.end()) return nullptr;
    const auto postings = language->second.find(term);
    return postings == language->second.end() ? &none : &postings->second;
}

bool DocumentLengths::matches(const Xapian::Database& db) const {
    return db.get_lastdocid() == last_docid_ && db.get_doccount() == doc_count_ &&
           db.get_total_length() == total_length_;
}

}  // namespace newsdex::searcher
