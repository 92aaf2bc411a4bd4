/// @file spelling_words.cpp
/// @brief The unstemmed, lower-cased words of an article, for the index's spelling data.
#include "indexer/spelling_words.hpp"

#include <algorithm>

namespace newsdex::indexer {

namespace {

// Longer words are URLs, markup or run-together text: no query word is corrected to one.
constexpr std::size_t kLongestWord = 40;

bool worth_correcting_to(const std::string& word) {
    if (word.size() < 2 || word.size() > kLongestWord) return false;
    return std::none_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

SpellingWords::SpellingWords() {
    // No stemmer: the words as the generator lower-cases them, which is what the searcher looks
    // a query word up as.
    generator_.set_stemming_strategy(Xapian::TermGenerator::STEM_NONE);
}

std::vector<SpellingWord> SpellingWords::of(const Article& article) {
    Xapian::Document words;
    generator_.set_document(words);
    generator_.index_text_without_positions(article.title);
    generator_.index_text_without_positions(article.body);
    generator_.set_document(Xapian::Document());
    std::vector<SpellingWord> result;
    for (auto it = words.termlist_begin(); it != words.termlist_end(); ++it) {
        std::string word = *it;
        if (worth_correcting_to(word)) result.push_back({std::move(word), it.get_wdf()});
    }
    return result;
}

}  // namespace newsdex::indexer
