/// @file document_lengths.hpp
/// @brief A Searcher's document length cache: every document's length in one array by docid.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace newsdex::searcher {

/// Every document's length (its number of indexed words, as BM25 reads it), read once from
/// the database in docid order. Xapian's BM25Weight looks the length of each match up in
/// the index (a seek into the doclength chunks and a decode: bench/RESULTS.md); from this
/// array it is one load (Lucene keeps norms per reader for the same reason). A long-lived
/// Searcher keeps one per database revision.
class DocumentLengths {
  public:
    /// Reads every document length of `db` as it is now (a walk of all lengths).
    explicit DocumentLengths(const Xapian::Database& db);

    /// Whether `docid` is in the array (it stops at the last docid when it was built).
    [[nodiscard]] bool covers(Xapian::docid docid) const noexcept {
        return docid < lengths_.size();
    }
    /// The length of `docid`, which covers() (0 for a docid with no document).
    [[nodiscard]] Xapian::termcount operator[](Xapian::docid docid) const noexcept {
        return lengths_[docid];
    }

    /// Whether this was built from the documents `db` holds now: the last docid, the count
    /// and the total length match (an in-memory database sees writes without a reopen).
    [[nodiscard]] bool matches(const Xapian::Database& db) const;

    /// Bytes held (the lengths; the rare languages' postings are a few thousand entries).
    [[nodiscard]] std::size_t memory_bytes() const noexcept {
        return lengths_.capacity() * sizeof(std::uint32_t);
    }

    /// The most documents a language may have for its documents' postings to be kept.
    static constexpr Xapian::doccount max_rare_language_documents = 256;

    /// The postings (docid, wdf) of `term` in the documents of the language term
    /// `language_term` (`Lnl`) when it has at most max_rare_language_documents documents
    /// (an empty list when `term` is in none of them); nullptr for any other language term.
    /// Read with the lengths, from those documents' term lists: they bound the weights of a
    /// minority language's branch (Bm25Source) without a seek per document and query.
    [[nodiscard]] const std::vector<std::pair<Xapian::docid, Xapian::termcount>>*
    rare_language_postings(const std::string& language_term, const std::string& term) const;

  private:
    std::vector<std::uint32_t> lengths_;  // by docid; [0] unused
    /// By rare language term, then by term: its postings in that language's documents.
    std::map<
        std::string,
        std::unordered_map<std::string, std::vector<std::pair<Xapian::docid, Xapian::termcount>>>>
        rare_languages_;
    Xapian::docid last_docid_;
    Xapian::doccount doc_count_;
    Xapian::totallength total_length_;
};

}  // namespace newsdex::searcher
