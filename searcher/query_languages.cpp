/// @file query_languages.cpp
/// @brief Finds the languages of an index from its `L` terms and groups them by stemmer.
#include "searcher/query_languages.hpp"

#include <map>

#include "common/error.hpp"
#include "common/language.hpp"
#include "common/memo_stem.hpp"
#include "common/schema.hpp"

namespace newsdex::searcher {

namespace {

// What the indexer labels an article whose input names no language and whose text is unsure.
constexpr const char* kDefaultLanguage = "en";

// The codes of the `L` terms: a handful of terms at the start of the term list, so reading
// them costs one short walk per search.
std::vector<std::string> index_languages(const Xapian::Database& db) {
    const std::string prefix(schema::prefix::language);
    std::vector<std::string> codes;
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it)
        codes.push_back((*it).substr(prefix.size()));
    return codes;
}

// The stemmer a language code is indexed with, named: its Snowball algorithm, or "none".
std::string stemmer_key(const std::string& code) {
    return has_stemmer(code) ? snowball_name(code) : "none";
}

}  // namespace

Xapian::Query language_filter(const std::vector<std::string>& codes) {
    std::vector<Xapian::Query> terms;
    for (const auto& code : codes) terms.emplace_back(std::string(schema::prefix::language) + code);
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

std::vector<QueryLanguage> query_languages(const Xapian::Database& db, const std::string& forced) {
    if (!forced.empty()) {
        const std::string code = language_code(forced);
        if (!has_stemmer(code))
            throw UsageError("unknown language \"" + forced + "\" (one of: " + stemmed_languages() +
                             ")");
        return {QueryLanguage{{}, memoised(stemmer_for(code))}};
    }
    // Codes grouped by stemmer, so "no" and "nb" (or "ja" and "zh", unstemmed) parse once.
    std::map<std::string, std::vector<std::string>> by_stemmer;
    for (auto& code : index_languages(db)) by_stemmer[stemmer_key(code)].push_back(code);
    if (by_stemmer.size() <= 1) {
        // One language (or an index without labels): exactly the query of a one-language
        // index, unfiltered, so unlabelled documents still match.
        const std::string code =
            by_stemmer.empty() ? kDefaultLanguage : by_stemmer.begin()->second[0];
        return {QueryLanguage{{}, memoised(stemmer_for(code))}};
    }
    std::vector<QueryLanguage> languages;
    for (auto& [key, codes] : by_stemmer) {
        Xapian::Stem stemmer = memoised(stemmer_for(codes.front()));
        languages.push_back(QueryLanguage{std::move(codes), std::move(stemmer)});
    }
    return languages;
}

}  // namespace newsdex::searcher
