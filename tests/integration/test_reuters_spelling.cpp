/// @file test_reuters_spelling.cpp
/// @brief "Did you mean" on Reuters-21578: one-edit misspellings of its words are corrected.
#include <xapian.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <string>
#include <vector>

#include "integration/reuters_index.hpp"
#include "searcher/searcher.hpp"
#include "searcher/spelling_suggester.hpp"
#include "support/test_support.hpp"

using namespace newsdex;
using namespace newsdex::test;

namespace {

bool ascii_word(const std::string& word) {
    for (const char c : word)
        if (c < 'a' || c > 'z') return false;
    return true;
}

// The n-th misspelling of `word`: one insertion, deletion, substitution or transposition
// (by n % 4), at a position and with a letter derived from n, never at the first letter.
std::string misspell(const std::string& word, std::size_t n) {
    std::string out = word;
    const std::size_t at = 1 + (n / 4) % (word.size() - 2);  // 1 .. size-2
    const char letter = static_cast<char>('a' + (n * 7 + 3) % 26);
    switch (n % 4) {
        case 0:
            out.insert(at, 1, letter);
            break;
        case 1:
            out.erase(at, 1);
            break;
        case 2:
            out[at] = out[at] == letter ? static_cast<char>('a' + (letter - 'a' + 1) % 26) : letter;
            break;
        default:
            std::swap(out[at], out[at + 1]);
            break;
    }
    return out;
}

bool in_spelling_data(const Xapian::Database& db, const std::string& word) {
    Xapian::TermIterator it = db.spellings_begin();
    it.skip_to(word);
    return it != db.spellings_end() && *it == word;
}

}  // namespace

TEST_CASE("one-edit misspellings of Reuters words get the word suggested first", "[spelling]") {
    const Xapian::Database db(reuters_index().dir.string());
    // Words of 6 letters or more the stories use at least 30 times, every 7th of them in
    // spelling-data order: common words a user would look for, from the index itself.
    std::vector<std::string> words;
    std::size_t seen = 0;
    for (auto it = db.spellings_begin(); it != db.spellings_end(); ++it) {
        const std::string word = *it;
        if (word.size() < 6 || !ascii_word(word) || it.get_termfreq() < 30) continue;
        if (seen++ % 7 == 0) words.push_back(word);
    }
    REQUIRE(words.size() >= 200);

    std::size_t tried = 0, right = 0;
    std::vector<std::string> wrong;
    for (std::size_t n = 0; n < words.size(); ++n) {
        const std::string typo = misspell(words[n], n);
        // A "misspelling" that is another word of the stories is no misspelling.
        if (in_spelling_data(db, typo)) continue;
        ++tried;
        const auto corrected = searcher::corrected_query(db, typo);
        if (corrected && *corrected == words[n])
            ++right;
        else if (wrong.size() < 10)
            wrong.push_back(typo + " -> " + (corrected ? *corrected : "(none)") + " (not " +
                            words[n] + ")");
    }
    const double share = static_cast<double>(right) / static_cast<double>(tried);
    std::printf("spelling: %zu of %zu one-edit misspellings corrected to their word (%.1f%%)\n",
                right, tried, 100 * share);
    for (const auto& line : wrong) std::printf("  %s\n", line.c_str());
    CHECK(tried >= 200);
    CHECK(share >= 0.90);
}

TEST_CASE("a query with few matches gets a corrected query and its total", "[spelling]") {
    searcher::Searcher searcher(reuters_index().dir.string());
    const auto suggested = [&searcher](const std::string& text) {
        auto request = query(text);
        return searcher.search(request);
    };
    const auto count = [&searcher](const std::string& text) {
        return searcher.search(query(text, 0)).total;
    };
    for (const auto& [typo, fixed] : std::vector<std::pair<std::string, std::string>>{
             {"inflaton", "inflation"},
             {"Volker", "Volcker"},
             {"Japn", "Japan"},
             {"title:cocao", "title:cocoa"},
             {"\"trade deficti\"", "\"trade deficit\""},
             {"Volker AND inflaton", "Volcker AND inflation"}}) {
        INFO(typo);
        const auto result = suggested(typo);
        CHECK(result.total <= searcher::kFewMatches);
        REQUIRE(result.suggestion);
        CHECK(result.suggestion->query == fixed);
        CHECK(result.suggestion->total == count(fixed));
        CHECK(result.suggestion->total > result.total);
    }
    // Many matches: nothing looked up. Another field's value is never corrected.
    CHECK(!suggested("inflation").suggestion);
    CHECK(!suggested("interest rates").suggestion);
    CHECK(!suggested("person:volker").suggestion);
    CHECK(!suggested("source:reutres").suggestion);
    CHECK(!suggested("").suggestion);
}

TEST_CASE("a word the articles use often is not corrected when filters leave few matches",
          "[spelling]") {
    const std::string dir = reuters_index().dir.string();
    const Xapian::Database db(dir);
    searcher::Searcher searcher(dir);
    // Real words Xapian would correct to a commoner neighbour (20 times as frequent).
    for (const std::string word : {"alloy", "bird"}) {
        INFO(word);
        auto frequency = [&db](const std::string& w) {
            Xapian::TermIterator it = db.spellings_begin();
            it.skip_to(w);
            return it != db.spellings_end() && *it == w ? it.get_termfreq() : 0;
        };
        const std::string neighbour = db.get_spelling_suggestion(word);
        REQUIRE(!neighbour.empty());
        REQUIRE(frequency(word) >= searcher::kWellUsed);
        REQUIRE(frequency(neighbour) >= frequency(word) * searcher::kSpellingRatio);
        // The day of its first story: a date filter leaves few matches.
        auto request = query(word, 1);
        request.sort = searcher::SortOrder::oldest;
        const auto first = searcher.search(request);
        REQUIRE(!first.hits.empty());
        request.from = request.to = first.hits.front().date.substr(0, 10);
        request.sort = searcher::SortOrder::relevance;
        const auto result = searcher.search(request);
        REQUIRE(result.total >= 1);
        REQUIRE(result.total <= searcher::kFewMatches);
        CHECK(!result.suggestion);
    }
}

TEST_CASE("over a remote shard there is no suggestion and no error", "[spelling]") {
    const std::string dir = reuters_index().dir.string();
    // Xapian 1.4's remote backend sends no spelling data (docs/schema.md): the lookup finds
    // nothing, where the same index opened locally suggests.
    searcher::Searcher remote(Xapian::Remote::open("xapian-progsrv", dir),
                              searcher::Backend::remote);
    const auto result = remote.search(query("inflaton"));
    CHECK(result.total == 0);
    CHECK(!result.suggestion);
    searcher::Searcher local(dir);
    CHECK(local.search(query("inflaton")).suggestion);
}
