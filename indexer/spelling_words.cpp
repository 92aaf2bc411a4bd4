/// @file spelling_words.cpp
/// @brief The unstemmed, lower-cased words of an article, for the index's spelling data.
#include "indexer/spelling_words.hpp"

#include <algorithm>
#include <utility>

#include "common/language.hpp"

namespace newsdex::indexer {

namespace {

// Longer words are URLs, markup or run-together text: no query word is corrected to one.
constexpr std::size_t kLongestWord = 40;

bool worth_correcting_to(const std::string& word) {
    if (word.size() < 2 || word.size() > kLongestWord) return false;
    return std::none_of(word.begin(), word.end(),
                        [](char c) { return (c >= '0' && c <= '9') || c == '_'; });
}

// The stemmer a TermGenerator is given: counts each word, then stems it as `stemmer` does.
class RecordingStem : public Xapian::StemImplementation {
  public:
    RecordingStem(Xapian::Stem stemmer, std::shared_ptr<SpellingWords::Counts> counts)
        : stemmer_(std::move(stemmer)), counts_(std::move(counts)) {}

    std::string operator()(const std::string& word) override {
        if (!counts_->paused && worth_correcting_to(word)) ++counts_->words[word];
        return stemmer_(word);
    }

    // As the wrapped stemmer: the description names the language (see FoldingStem).
    std::string get_description() const override { return stemmer_name(stemmer_); }

  private:
    Xapian::Stem stemmer_;
    std::shared_ptr<SpellingWords::Counts> counts_;
};

}  // namespace

SpellingWords::SpellingWords() : counts_(std::make_shared<Counts>()) {}

Xapian::Stem SpellingWords::recording(Xapian::Stem stemmer) {
    if (stemmer.is_none()) return stemmer;
    return Xapian::Stem(new RecordingStem(std::move(stemmer), counts_));
}

void SpellingWords::pause(bool paused) noexcept {
    counts_->paused = paused;
}

void SpellingWords::add_terms(const Xapian::Document& document, const std::string& prefix) {
    for (auto it = document.termlist_begin(); it != document.termlist_end(); ++it) {
        it.skip_to(prefix);
        if (it == document.termlist_end()) break;
        const std::string term = *it;
        if (term.compare(0, prefix.size(), prefix) != 0) break;
        std::string word = term.substr(prefix.size());
        if (worth_correcting_to(word)) counts_->words[std::move(word)] += it.get_wdf();
    }
}

std::vector<SpellingWord> SpellingWords::take() {
    std::vector<SpellingWord> result;
    result.reserve(counts_->words.size());
    for (auto& [word, count] : counts_->words) result.push_back({word, count});
    counts_->words.clear();
    std::sort(result.begin(), result.end(),
              [](const SpellingWord& a, const SpellingWord& b) { return a.word < b.word; });
    return result;
}

}  // namespace newsdex::indexer
