/// @file term_bitmaps.cpp
/// @brief Building a common term's bitmap from its posting list, within a memory budget.
#include "searcher/cached/term_bitmaps.hpp"

namespace newsdex::searcher {

namespace {

/// Bitmaps stop being added past this: 64 MB is about 2,400 common terms of a 215,780-document
/// index, far more than queries meet, and bounds what an unusual workload can make us hold.
constexpr std::size_t budget_bytes = std::size_t{64} << 20;

/// A term on fewer than one document in this many is read as docids: its bitmap would be
/// larger than its docid list.
constexpr Xapian::doccount rarity = 32;

}  // namespace

TermBitmaps::TermBitmaps(Xapian::Database db)
    : db_(std::move(db)), last_docid_(db_.get_lastdocid()) {}

const TermBitmap* TermBitmaps::find(const std::string& term) {
    if (const auto found = bitmaps_.find(term); found != bitmaps_.end()) return &found->second;
    const std::size_t words = std::size_t{last_docid_} / 64 + 1;
    const Xapian::doccount frequency = term.empty() ? db_.get_doccount() : db_.get_termfreq(term);
    if (frequency < last_docid_ / rarity || bytes_ + words * 8 > budget_bytes) return nullptr;
    TermBitmap bits(words, 0);
    for (auto it = db_.postlist_begin(term); it != db_.postlist_end(term); ++it) {
        const Xapian::docid docid = *it;
        bits[docid / 64] |= std::uint64_t{1} << (docid % 64);
    }
    bytes_ += words * 8;
    return &bitmaps_.emplace(term, std::move(bits)).first->second;
}

}  // namespace newsdex::searcher
