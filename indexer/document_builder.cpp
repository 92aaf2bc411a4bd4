/// @file document_builder.cpp
/// @brief Article -> Xapian::Document, following the schema registry.
#include "indexer/document_builder.hpp"

#include <xapian.h>

#include <cinttypes>
#include <cstdio>
#include <map>
#include <set>

#include "common/error.hpp"
#include "common/language.hpp"
#include "common/schema.hpp"
#include "common/stored_fields.hpp"
#include "common/text.hpp"
#include "common/word_boundaries.hpp"
#include "indexer/story_fingerprint.hpp"

namespace newsdex::indexer {

namespace {

// Title words count three times a body word: a headline says what the story is about.
constexpr Xapian::termcount kTitleWdf = 3;
// Gap between title and body positions, so that a phrase cannot span the two.
constexpr Xapian::termpos kFieldGap = 100;
// The language of articles that name none, when none is forced.
constexpr std::string_view kDefaultLanguage = "en";
const std::string text_prefix(schema::prefix::text);
const std::string title_prefix(schema::prefix::title);

void add_date(Xapian::Document& doc, const Timestamp& date) {
    const std::string day = format_day(date.seconds);  // "1987-03-26"
    const schema::DateTerms terms = schema::date_terms_of(day);
    doc.add_boolean_term(terms.day);
    doc.add_boolean_term(terms.month);
    doc.add_boolean_term(terms.year);
    doc.add_value(schema::slot::date,
                  Xapian::sortable_serialise(static_cast<double>(date.seconds)));
    doc.add_value(schema::slot::day, day);
}

// Each entity and category is a filter term; the names of each type are one packed list value,
// which the searcher's facet spy counts (duplicates by type and key are dropped).
void add_entities(Xapian::Document& doc, const std::vector<Entity>& entities) {
    std::set<std::string> seen;
    std::map<EntityType, std::vector<std::string>> names;
    for (const auto& entity : entities) {
        const std::string term =
            schema::filter_term(schema::entity_prefix(entity.type), entity.name);
        if (entity.name.empty() || !seen.insert(term).second) continue;
        doc.add_boolean_term(term);
        names[entity.type].push_back(entity.name);
    }
    for (auto& [type, list] : names)
        doc.add_value(schema::slot::entities(type), schema::pack_list(std::move(list)));
}

void add_categories(Xapian::Document& doc, const std::vector<std::string>& categories) {
    std::set<std::string> seen;
    std::vector<std::string> values;
    for (const auto& category : categories) {
        const std::string term = schema::filter_term(schema::prefix::category, category);
        if (category.empty() || !seen.insert(term).second) continue;
        doc.add_boolean_term(term);
        values.push_back(category);
    }
    if (!values.empty())
        doc.add_value(schema::slot::categories, schema::pack_list(std::move(values)));
}

}  // namespace

DocumentBuilder::DocumentBuilder(const std::string& forced_language, bool spelling)
    : forced_(forced_language.empty() ? std::string() : language_code(forced_language)),
      spelling_(spelling ? std::make_optional<SpellingWords>() : std::nullopt) {
    if (!forced_.empty() && !has_stemmer(forced_))
        throw UsageError("unknown language \"" + forced_language +
                         "\" (one of: " + stemmed_languages() + ")");
    use_language(forced_.empty() ? std::string(kDefaultLanguage) : forced_);
}

std::string DocumentBuilder::language_of(const Article& article) const {
    if (!forced_.empty()) return forced_;
    if (article.language.empty()) return std::string(kDefaultLanguage);
    return language_code(article.language);
}

void DocumentBuilder::use_language(const std::string& code) {
    if (code == current_) return;  // the usual case: one language after another
    auto found = stemmers_.find(code);
    if (found == stemmers_.end()) {
        Xapian::Stem stemmer = stemmer_for(code);
        if (spelling_) stemmer = spelling_->recording(std::move(stemmer));
        found = stemmers_.emplace(code, std::move(stemmer)).first;
    }
    generator_.set_stemmer(found->second);
    // Stems only, with positions, under the prefixes the schema spells (the terms STEM_ALL_Z
    // writes): no unstemmed copies, so phrases match stems, as Lucene's EnglishAnalyzer does.
    // STEM_ALL with no stemmer writes nothing at all; STEM_NONE then writes the words as they
    // are under the same prefixes, which is what the query parser looks up for such a language.
    generator_.set_stemming_strategy(found->second.is_none() ? Xapian::TermGenerator::STEM_NONE
                                                             : Xapian::TermGenerator::STEM_ALL);
    current_ = code;
}

Xapian::Document DocumentBuilder::build(const Article& article) {
    const std::string language = language_of(article);
    use_language(language);
    Xapian::Document doc;
    generator_.set_document(doc);
    // The text as the query parser will see queries: acronyms and elisions marked.
    marked_ = article.title;
    mark_word_boundaries(marked_);
    generator_.index_text(marked_, kTitleWdf, text_prefix);
    if (spelling_) spelling_->pause(true);  // the title's words are counted once
    generator_.index_text(marked_, 1, title_prefix);
    if (spelling_) spelling_->pause(false);
    generator_.increase_termpos(kFieldGap);
    marked_ = article.body;
    mark_word_boundaries(marked_);
    generator_.index_text(marked_, 1, text_prefix);
    // Without a stemmer, no word went through one: the text terms are the words.
    if (spelling_ && stemmers_.at(language).is_none()) spelling_->add_terms(doc, text_prefix);

    // What brings this story's copies together (cluster_copies() runs after the writes).
    if (std::string bands = StoryFingerprint(article.body).bands(); !bands.empty())
        doc.add_value(schema::slot::copy_bands, std::move(bands));
    doc.add_boolean_term(schema::id_term(article.id));
    if (article.date) add_date(doc, *article.date);
    if (!article.source.empty()) {
        doc.add_boolean_term(schema::filter_term(schema::prefix::source, article.source));
        doc.add_value(schema::slot::source, article.source);
    }
    // Always labelled: the searcher stems a query once per language the index holds.
    doc.add_boolean_term(schema::filter_term(schema::prefix::language, language));
    doc.add_value(schema::slot::language, language);
    for (const auto& author : article.authors)
        if (!author.empty())
            doc.add_boolean_term(schema::filter_term(schema::prefix::author, author));
    add_entities(doc, article.entities);
    add_categories(doc, article.categories);
    doc.set_data(StoredFields::from_article(article).encode());
    // The generator holds a reference to its document; drop it, so that the document can be
    // handed to a writer thread (Xapian's reference counts are not atomic).
    generator_.set_document(Xapian::Document());
    return doc;
}

std::vector<SpellingWord> DocumentBuilder::spelling_words() {
    return spelling_ ? spelling_->take() : std::vector<SpellingWord>{};
}

std::vector<std::string> DocumentBuilder::phrase_terms(std::string_view phrase,
                                                       const std::string& code) {
    use_language(code);
    if (spelling_) spelling_->pause(true);  // not an article's words
    Xapian::Document scratch;
    generator_.set_document(scratch);
    std::string marked(phrase);  // as articles are indexed: U.S. is u_s
    mark_word_boundaries(marked);
    generator_.index_text(marked, 1, text_prefix);
    generator_.set_document(Xapian::Document());
    if (spelling_) spelling_->pause(false);
    // The terms by position: a document's term list is in term order.
    std::map<Xapian::termpos, std::string> by_position;
    for (auto term = scratch.termlist_begin(); term != scratch.termlist_end(); ++term)
        for (auto pos = term.positionlist_begin(); pos != term.positionlist_end(); ++pos)
            by_position.emplace(*pos, *term);
    std::vector<std::string> terms;
    for (auto& [position, term] : by_position) terms.push_back(std::move(term));
    return terms;
}

std::string derive_id(const Article& article) {
    if (!article.id.empty()) return article.id;
    if (!article.url.empty()) return article.url;
    // FNV-1a over the fields that identify a story; a 0 byte separates them.
    std::uint64_t hash = fnv1a_basis;
    auto mix = [&hash](std::string_view text) {
        hash = fnv1a(std::string_view("\0", 1), fnv1a(text, hash));
    };
    mix(article.source);
    mix(article.title);
    mix(article.date ? format_iso(*article.date) : std::string());
    mix(article.body);
    char id[24];
    std::snprintf(id, sizeof id, "h%016" PRIx64, hash);
    return id;
}

}  // namespace newsdex::indexer
