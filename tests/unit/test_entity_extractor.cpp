/// @file test_entity_extractor.cpp
/// @brief Entity extraction: invented sentences for each rule, then recall on Reuters-21578.
#include <xapian.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "common/schema.hpp"
#include "common/stored_fields.hpp"
#include "common/text.hpp"
#include "corpus/analysis/entity_extractor.hpp"
#include "corpus/readers/input_reader.hpp"
#include "indexer/batch_writer.hpp"
#include "indexer/document_preparer.hpp"
#include "indexer/index_options.hpp"
#include "support/test_support.hpp"

using namespace newsdex;
using namespace newsdex::corpus;

namespace {

const EntityExtractor& extractor() {
    static const EntityExtractor instance;
    return instance;
}

// "person:Paul Volcker" strings, in extraction order, for compact expectations.
std::vector<std::string> extract(std::string_view title, std::string_view body) {
    std::vector<std::string> out;
    for (const Entity& e : extractor().extract(title, body)) {
        CHECK(e.origin == EntityOrigin::extracted);
        out.push_back(std::string(to_string(e.type)) + ":" + e.name);
    }
    return out;
}

bool has(const std::vector<std::string>& got, const std::string& entity) {
    return std::find(got.begin(), got.end(), entity) != got.end();
}

}  // namespace

TEST_CASE("the iso-codes data is installed and read", "[entities]") {
    // setup.sh installs Debian's iso-codes; without it only the built-in names are known.
    const Gazetteer& gaz = Gazetteer::standard();
    CHECK(gaz.has_iso_codes());
    CHECK(gaz.canonical_place("Korea, Republic of") == "South Korea");
    CHECK(gaz.canonical_place("Bavaria") == "Bavaria");  // unknown: ISO spells it Bayern
    CHECK(gaz.find("ontario") != nullptr);
    CHECK(gaz.find("kolkata") != nullptr);  // tzdata's zone.tab
}

TEST_CASE("place aliases share one canonical name", "[entities]") {
    const Gazetteer builtin;  // no system files: the built-in tables alone
    for (const char* alias : {"U.S.", "US", "USA", "United States", "America"})
        CHECK(builtin.canonical_place(alias) == "United States");
    for (const char* alias : {"UK", "U.K.", "Britain", "British"})
        CHECK(builtin.canonical_place(alias) == "United Kingdom");
    CHECK(builtin.canonical_place("USSR") == "Soviet Union");
    CHECK(builtin.canonical_place("Burma") == "Myanmar");
    CHECK(gazetteer_key("  Japan's ") == "japan");
}

TEST_CASE("titles are not part of names and surnames corefer", "[entities]") {
    const auto got = extract("Lake council votes on ferry fares",
                             "Harbour Minister Paul Volcker said on Monday the fares would rise. "
                             "Later Volcker told reporters in Oslo that Mr Anders Lind agreed.");
    CHECK(has(got, "person:Paul Volcker"));
    CHECK(has(got, "person:Anders Lind"));
    CHECK_FALSE(has(got, "person:Volcker"));
    CHECK(has(got, "place:Oslo"));
    CHECK(has(got, "place:Norway"));  // the city's country
    for (const auto& e : got) CHECK(e.find("Monday") == std::string::npos);
    CHECK_FALSE(has(got, "person:Later Volcker"));
}

TEST_CASE("organisations by cue word, suffix, acronym and angle brackets", "[entities]") {
    const auto got = extract("",
                             "Shares of Blue Heron Corp fell after the Ministry of Fisheries "
                             "said NATO and OPEC would meet. <Grey Gull Holdings Inc> gained, "
                             "Blue Heron said, and the FBI declined to comment.");
    CHECK(has(got, "org:Blue Heron"));
    CHECK(has(got, "org:Ministry of Fisheries"));
    CHECK(has(got, "org:NATO"));
    CHECK(has(got, "org:OPEC"));
    CHECK(has(got, "org:FBI"));
    CHECK(has(got, "org:Grey Gull Holdings"));
    CHECK_FALSE(has(got, "person:Blue Heron"));
    CHECK_FALSE(has(got, "org:Shares"));
}

TEST_CASE("places: aliases, demonyms, possessives and lists", "[entities]") {
    const auto got = extract("",
                             "The U.S. and Britain's trade gap widened, West German officials "
                             "said, as Brazil and Peru talked in Tokyo.");
    CHECK(has(got, "place:United States"));
    CHECK(has(got, "place:United Kingdom"));
    CHECK(has(got, "place:West Germany"));
    CHECK(has(got, "place:Brazil"));
    CHECK(has(got, "place:Peru"));
    CHECK(has(got, "place:Japan"));
    CHECK_FALSE(has(got, "place:West German"));
}

TEST_CASE("no furniture: weekdays, months, sentence starts, upper-case headlines", "[entities]") {
    const auto got = extract("FERRY FARES RISE IN MAY",
                             "Prices rose in March. However, on Tuesday the prices fell.\n"
                             "NOTE: TABLE FOLLOWS\n"
                             "Prices were firm.");
    CHECK(got.empty());
}

TEST_CASE("headline-case lines are skipped, titles before names are not kept", "[entities]") {
    const auto got = extract("Harbour Authorities Blame Northern Ferry Group For Delays",
                             "Ferry Secretary General Ana Ruiz said the Northern Ferry Group "
                             "would pay.");
    CHECK(got == std::vector<std::string>{"person:Ana Ruiz", "org:Northern Ferry Group"});
}

TEST_CASE("a dateline is a place", "[entities]") {
    const auto got = extract("", "NORTHPORT, March 3 - Ferry operators raised fares.");
    CHECK(has(got, "place:Northport"));
    const auto known = extract("", "TOKYO, March 3 - Ferry operators raised fares.");
    CHECK(has(known, "place:Tokyo"));
    CHECK(has(known, "place:Japan"));
}

TEST_CASE("a weekday opening a paragraph is no dateline", "[entities]") {
    const auto got = extract("", "Thursday, March 28, 2019\n\nFerry operators raised fares.");
    CHECK(got.empty());
}

TEST_CASE("people without a speech verb: given names and surnames used alone", "[entities]") {
    const auto got = extract("",
                             "Joe Hartley has won 12 races. Voters chose Orla Quinnell over "
                             "Attorney General Maria Estevan. Dorian Pell lost; Pell conceded. "
                             "Prime Minister Theresa May's plan and Sarah Olm and Peter Vost "
                             "were discussed at Ronald Reagan Airport.");
    CHECK(has(got, "person:Joe Hartley"));
    CHECK(has(got, "person:Maria Estevan"));
    CHECK(has(got, "person:Dorian Pell"));
    CHECK(has(got, "person:Theresa May"));
    CHECK(has(got, "person:Sarah Olm"));
    CHECK(has(got, "person:Peter Vost"));
    CHECK_FALSE(has(got, "person:Pell"));
    CHECK_FALSE(has(got, "person:Attorney General Maria Estevan"));
    CHECK_FALSE(has(got, "person:Ronald Reagan Airport"));
    // "Orla" is in no list and nothing else says she is a person: no guess.
    CHECK_FALSE(has(got, "person:Orla Quinnell"));
}

TEST_CASE("places no list holds, by the region after them or a noun before", "[entities]") {
    const auto got = extract("",
                             "The fire near Brackwater, Wisconsin, spread to the city of "
                             "Elmsby and to Tarrow County. Later, Hagen, Ohio's senator, "
                             "spoke. Mayor of London Rhys Pellow and First Minister of "
                             "Scotland Ana Ruiz met.");
    CHECK(has(got, "place:Brackwater"));
    CHECK(has(got, "place:Wisconsin"));
    CHECK(has(got, "place:United States"));
    CHECK(has(got, "place:Elmsby"));
    CHECK(has(got, "place:Tarrow County"));
    CHECK_FALSE(has(got, "place:Hagen"));  // a sentence's subject before a possessive
    CHECK(has(got, "person:Rhys Pellow"));
    CHECK(has(got, "person:Ana Ruiz"));
    CHECK_FALSE(has(got, "person:London Rhys Pellow"));
    CHECK(has(got, "place:Scotland"));
}

TEST_CASE("two parties in one name; news bodies; words that lost their space", "[entities]") {
    const auto got = extract("",
                             "The Democratic and Republican Party held primaries, the "
                             "Associated Press and the European Union said. A photo by Ada "
                             "Brennan.Image: Twitter.");
    CHECK(has(got, "org:Democratic Party"));
    CHECK(has(got, "org:Republican Party"));
    CHECK_FALSE(has(got, "org:Democratic and Republican Party"));
    CHECK(has(got, "org:Associated Press"));
    CHECK(has(got, "org:European Union"));
    CHECK(has(got, "org:Twitter"));
    const auto cues = extract("",
                              "The Republican Party met. Supreme Court Justice Ana Ruiz and the "
                              "Ministry of Justice said the Harbour Clinic, the National Guard "
                              "and Gull Air Flight 610 were not at fault.");
    CHECK(has(cues, "org:Republican Party"));
    CHECK(has(cues, "org:Supreme Court"));
    CHECK(has(cues, "person:Ana Ruiz"));
    CHECK(has(cues, "org:Ministry of Justice"));
    CHECK(has(cues, "org:Harbour Clinic"));
    CHECK(has(cues, "org:National Guard"));
    CHECK(has(cues, "org:Gull Air"));
    const auto pairs = extract("",
                               "The Ferry Workers' Alliance and Northline Rail met the "
                               "Securities and Exchange Commission. Dublin Airport said no. "
                               "The River Ouse rose; Ada Lind, leader of City of Elm Council, "
                               "said so.");
    CHECK(has(pairs, "org:Northline Rail"));
    CHECK_FALSE(has(pairs, "org:Alliance and Northline Rail"));
    CHECK(has(pairs, "org:Securities and Exchange Commission"));
    CHECK(has(pairs, "org:City of Elm Council"));
    for (const char* no : {"person:Airport", "person:River Ouse", "person:City"})
        CHECK_FALSE(has(pairs, no));
    for (const auto& e : got) CHECK(e.find("Brennan.Image") == std::string::npos);
    // An address in capitals stays one word: no "EDU" or "CMU" organisation.
    const auto mail = extract("",
                              "Write to Ada Brennan at BRENNAN@CS.CMU.EDU or "
                              "ada@leland.Stanford.EDU or Ada@Stanford.EDU by Friday.");
    CHECK_FALSE(has(mail, "org:EDU"));
    CHECK_FALSE(has(mail, "org:CMU"));
    const auto versions = extract("", "Staff at KTSV said X11R5 and V2R1 shipped.");
    CHECK(has(versions, "org:KTSV"));
    CHECK_FALSE(has(versions, "org:X11R5"));
    CHECK_FALSE(has(versions, "org:V2R1"));
}

TEST_CASE("the new rules leave alone what they must not take", "[entities]") {
    const auto got = extract("",
                             "The U.S. Securities and Exchange Commission sued. The view of Mary "
                             "Smith, Texas state director of the ACLU, differs. A fire in St. "
                             "Charles County spread. Andres Manuel Lopez Obrador said no. Gov. "
                             "Jim Justice said yes, and so said Peter Singer. Hurricane Ian hit "
                             "Florida on Tuesday, when Ian made landfall. Harris Trust and "
                             "Savings Bank rose.");
    CHECK_FALSE(has(got, "org:Exchange Commission"));
    CHECK_FALSE(has(got, "org:U.S. Securities"));
    CHECK(has(got, "person:Mary Smith"));
    CHECK_FALSE(has(got, "place:Mary Smith"));
    CHECK(has(got, "place:Texas"));
    CHECK(has(got, "place:St. Charles County"));
    CHECK_FALSE(has(got, "place:Charles County"));
    CHECK(has(got, "person:Andres Manuel Lopez Obrador"));
    CHECK_FALSE(has(got, "person:Manuel Lopez Obrador"));
    CHECK(has(got, "person:Jim Justice"));
    CHECK(has(got, "person:Peter Singer"));
    CHECK_FALSE(has(got, "person:Hurricane Ian"));
    CHECK(has(got, "org:Harris Trust and Savings Bank"));
}

namespace {

// Recall and precision of one entity type against the Reuters labels.
struct Score {
    std::size_t labels = 0, found = 0;  // recall: labels named by an extraction
    std::size_t extracted = 0, extracted_in_labelled = 0, correct = 0;
    std::map<std::string, std::size_t> misses;

    [[nodiscard]] double recall() const { return labels ? double(found) / double(labels) : 0; }
    // Approximate: only stories with a label of the type count, since most stories carry none
    // and Reuters labels only what a story is about, not everything it names.
    [[nodiscard]] double precision() const {
        return extracted_in_labelled ? double(correct) / double(extracted_in_labelled) : 0;
    }
};

std::string last_word(const std::string& key) {
    return key.substr(key.rfind(' ') + 1);
}
std::string first_word(const std::string& key) {
    return key.substr(0, key.find(' '));
}

// Country level: the labels of 1987 name states that later merged.
std::string country_level(std::string key) {
    if (key == "west germany" || key == "east germany") return "germany";
    if (key == "soviet union") return "russia";
    return key;
}

bool same(EntityType type, const std::string& label, const std::string& got) {
    switch (type) {
        case EntityType::place:
            return country_level(label) == country_level(got);
        case EntityType::person:
            return last_word(label) == last_word(got);
        case EntityType::org:
            return label == got || first_word(label) == got;
    }
    return false;
}

void score(EntityType type, const Article& article, const std::vector<Entity>& extracted,
           Score& s) {
    std::vector<std::string> labels, found;
    for (const Entity& e : article.entities)
        if (e.type == type && !(type == EntityType::place && e.name == "United States"))
            labels.push_back(facet_key(e.name));
    for (const Entity& e : extracted)
        if (e.type == type) found.push_back(facet_key(e.name));
    s.extracted += found.size();
    const auto matches = [&](const std::string& a, const std::string& b) {
        return same(type, a, b);
    };
    for (const auto& label : labels) {
        ++s.labels;
        if (std::any_of(found.begin(), found.end(), [&](auto& f) { return matches(label, f); }))
            ++s.found;
        else
            ++s.misses[label];
    }
    if (labels.empty()) return;
    s.extracted_in_labelled += found.size();
    for (const auto& f : found)
        if (std::any_of(labels.begin(), labels.end(), [&](auto& l) { return matches(l, f); }) ||
            (type == EntityType::place && f == "united states"))
            ++s.correct;
}

std::string commonest(const std::map<std::string, std::size_t>& misses) {
    std::vector<std::pair<std::size_t, std::string>> sorted;
    for (const auto& [name, n] : misses) sorted.emplace_back(n, name);
    std::sort(sorted.rbegin(), sorted.rend());
    std::string out;
    for (std::size_t k = 0; k < std::min<std::size_t>(8, sorted.size()); ++k)
        out += (k ? ", " : "") + sorted[k].second + " " + std::to_string(sorted[k].first);
    return out;
}

}  // namespace

TEST_CASE("extraction recall against the Reuters-21578 labels", "[entities][corpus]") {
    std::vector<Article> articles;
    ArticleSink sink{[&](Article&& a) { articles.push_back(std::move(a)); },
                     [](const ParseError&) {}};
    read_inputs({test::reuters_dir().string()}, {}, sink);
    REQUIRE(articles.size() == 21578);

    std::map<EntityType, Score> scores;
    double seconds = 0;
    std::size_t stories = 0;
    for (const Article& article : articles) {
        for (const Entity& e : article.entities)
            if (e.type == EntityType::place)  // the reader's labels are canonical names
                CHECK(extractor().gazetteer().canonical_place(e.name) == e.name);
        // Stories without a BODY have an empty text or the wire's "Blah blah blah." filler.
        if (article.body.size() < 40) continue;
        ++stories;
        const auto start = std::chrono::steady_clock::now();
        const auto extracted = extractor().extract(article.title, article.body);
        seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        for (const EntityType type : {EntityType::place, EntityType::person, EntityType::org})
            score(type, article, extracted, scores[type]);
    }
    for (const auto& [type, s] : scores)
        std::cout << "reuters " << to_string(type) << ": recall " << s.recall() << " (" << s.found
                  << "/" << s.labels << "), precision ~" << s.precision() << ", extracted "
                  << s.extracted << "; commonest misses: " << commonest(s.misses) << '\n';
    std::cout << "reuters: extraction of " << stories << " stories took " << seconds << " s\n";
    // Floors at the measured level (see the targets: 0.85, 0.90, 0.80).
    CHECK(scores[EntityType::place].recall() >= 0.85);
    CHECK(scores[EntityType::person].recall() >= 0.90);
    CHECK(scores[EntityType::org].recall() >= 0.80);
}

TEST_CASE("the indexer adds extracted entities beside the given ones", "[entities]") {
    const auto stored = [](bool extract) {
        indexer::IndexOptions options;
        options.index_dir = test::fresh_dir(extract ? "extract-on" : "extract-off").string();
        options.extract_entities = extract;
        {
            indexer::BatchWriter writer(options);
            indexer::DocumentPreparer preparer(options);
            Article article;
            article.id = "ferry-1";
            article.title = "Ferry fares rise";
            article.body = "Harbour Minister Paul Volcker said fares in Oslo would rise.";
            article.entities = {{EntityType::place, "OSLO", EntityOrigin::given}};
            writer.write(preparer.prepare(std::move(article)));
            writer.commit();
        }
        Xapian::Database db(options.index_dir);
        const Xapian::Document doc = db.get_document(*db.postlist_begin(""));
        return std::make_pair(StoredFields::decode(doc.get_data()).entities, db);
    };
    const auto [with, db] = stored(true);
    CHECK(with == std::vector<Entity>{{EntityType::place, "OSLO", EntityOrigin::given},
                                      {EntityType::person, "Paul Volcker", EntityOrigin::extracted},
                                      {EntityType::place, "Norway", EntityOrigin::extracted}});
    CHECK(db.term_exists(
        schema::filter_term(schema::entity_prefix(EntityType::person), "Paul Volcker")));
    const auto [without, db_off] = stored(false);
    CHECK(without == std::vector<Entity>{{EntityType::place, "OSLO", EntityOrigin::given}});
}
