/// @file test_entity_dev_set.cpp
/// @brief Entity extraction scored against 30 Wikinews articles annotated by hand
/// (tests/entities: the annotations and their guidelines).
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "common/accent_folding.hpp"
#include "common/entity_alias.hpp"
#include "common/text.hpp"
#include "corpus/analysis/entity_extractor.hpp"
#include "corpus/readers/input_reader.hpp"
#include "support/test_support.hpp"

using namespace newsdex;
using namespace newsdex::corpus;

namespace {

const std::filesystem::path kAnnotations = NEWSDEX_ENTITY_DEV_SET;

enum class Flag { required, implied, optional };

// One annotated entity of one article: its names (the first canonical) as match keys.
struct Annotated {
    EntityType type = EntityType::place;
    std::vector<std::string> keys;
    std::string name;
    Flag flag = Flag::required;
};

// The key names match on (GUIDELINES.md, How the score counts).
std::string match_key(std::string_view name) {
    std::string key = schema::alias_key(fold_accents(name));
    if (key.rfind("the ", 0) == 0) key.erase(0, 4);
    return key;
}

EntityType parse_type(const std::string& text, std::size_t line) {
    if (text == "person") return EntityType::person;
    if (text == "org") return EntityType::org;
    if (text == "place") return EntityType::place;
    FAIL("wikinews-dev.tsv:" << line << ": unknown type '" << text << "'");
    return EntityType::place;
}

Flag parse_flag(const std::string& text, std::size_t line) {
    if (text.empty()) return Flag::required;
    if (text == "implied") return Flag::implied;
    if (text == "optional") return Flag::optional;
    FAIL("wikinews-dev.tsv:" << line << ": unknown flag '" << text << "'");
    return Flag::required;
}

std::vector<std::string> split(const std::string& text, char separator) {
    std::vector<std::string> fields;
    std::size_t start = 0;
    for (std::size_t end; (end = text.find(separator, start)) != std::string::npos; start = end + 1)
        fields.push_back(text.substr(start, end - start));
    fields.push_back(text.substr(start));
    return fields;
}

// The annotations, by article (the URL after /wiki/).
std::map<std::string, std::vector<Annotated>> read_annotations() {
    std::ifstream in(kAnnotations);
    REQUIRE(in);
    std::map<std::string, std::vector<Annotated>> by_article;
    std::string text;
    for (std::size_t line = 1; std::getline(in, text); ++line) {
        const auto fields = split(text, '\t');
        INFO("wikinews-dev.tsv:" << line << ": " << text);
        REQUIRE(fields.size() == 4);
        Annotated entity{parse_type(fields[1], line), {}, {}, parse_flag(fields[3], line)};
        for (const std::string& name : split(fields[2], '|')) {
            REQUIRE(!match_key(name).empty());
            entity.keys.push_back(match_key(name));
        }
        entity.name = split(fields[2], '|').front();
        by_article[fields[0]].push_back(std::move(entity));
    }
    return by_article;
}

std::string article_key(const std::string& url) {
    const auto at = url.find("/wiki/");
    return at == std::string::npos ? url : url.substr(at + 6);
}

// Counts of one type. `strict` leaves the implied countries out; `facet` requires them.
struct Counts {
    std::size_t true_positives = 0, false_positives = 0, misses = 0;
    std::vector<std::string> wrong, missed;

    [[nodiscard]] double precision() const { return ratio(true_positives, false_positives); }
    [[nodiscard]] double recall() const { return ratio(true_positives, misses); }
    [[nodiscard]] double f1() const {
        const double p = precision(), r = recall();
        return p + r > 0 ? 2 * p * r / (p + r) : 0;
    }
    void add(const Counts& other) {
        true_positives += other.true_positives;
        false_positives += other.false_positives;
        misses += other.misses;
    }

  private:
    static double ratio(std::size_t good, std::size_t bad) {
        return good + bad ? double(good) / double(good + bad) : 0;
    }
};

// Scores one article's extractions of `type` (GUIDELINES.md: each side matches once).
void score(EntityType type, const std::vector<Annotated>& annotated,
           const std::vector<Entity>& extracted, bool strict, Counts& counts) {
    std::vector<const Annotated*> open;
    for (const Annotated& a : annotated)
        if (a.type == type) open.push_back(&a);
    for (const Entity& e : extracted) {
        if (e.type != type) continue;
        const std::string key = match_key(e.name);
        const auto match = std::find_if(open.begin(), open.end(), [&](const Annotated* a) {
            return std::find(a->keys.begin(), a->keys.end(), key) != a->keys.end();
        });
        if (match == open.end()) {
            ++counts.false_positives;
            counts.wrong.push_back(e.name);
            continue;
        }
        if ((*match)->flag == Flag::required || !strict) ++counts.true_positives;
        open.erase(match);
    }
    for (const Annotated* a : open)
        if (a->flag == Flag::required || (!strict && a->flag == Flag::implied)) {
            ++counts.misses;
            counts.missed.push_back(a->name);
        }
}

std::string sample(std::vector<std::string> names) {
    std::map<std::string, int> n;
    for (const auto& name : names) ++n[name];
    std::string out;
    int shown = 0;
    for (const auto& [name, count] : n) {
        if (shown++ == 12) return out + ", ...";
        out += (out.empty() ? "" : ", ") + name + (count > 1 ? " x" + std::to_string(count) : "");
    }
    return out;
}

}  // namespace

TEST_CASE("entity extraction on the hand-annotated Wikinews development set",
          "[entities][corpus]") {
    const auto annotations = read_annotations();
    REQUIRE(annotations.size() >= 30);

    std::map<std::string, Article> articles;
    ArticleSink sink{[&](Article&& a) { articles.emplace(article_key(a.url), std::move(a)); },
                     [](const ParseError& e) { FAIL(e.what()); }};
    read_inputs({(test::shared_corpus() / "wikinews").string()}, {}, sink);

    const EntityExtractor extractor;
    std::map<bool, std::map<EntityType, Counts>> by_mode;
    for (const auto& [key, annotated] : annotations) {
        INFO("article " << key);
        REQUIRE(articles.count(key) == 1);
        const Article& article = articles.at(key);
        const auto extracted = extractor.extract(article.title, article.body);
        for (const bool strict : {true, false})
            for (const EntityType type : {EntityType::person, EntityType::org, EntityType::place})
                score(type, annotated, extracted, strict, by_mode[strict][type]);
    }

    std::map<bool, Counts> overall;
    for (const auto& [strict, by_type] : by_mode) {
        for (const auto& [type, c] : by_type) {
            std::printf(
                "wikinews dev set, %s, %-6s: precision %.3f recall %.3f F1 %.3f "
                "(%zu right, %zu wrong, %zu missed)\n",
                strict ? "strict" : "facet ", std::string(to_string(type)).c_str(), c.precision(),
                c.recall(), c.f1(), c.true_positives, c.false_positives, c.misses);
            if (strict)
                std::printf("  wrong: %s\n  missed: %s\n", sample(c.wrong).c_str(),
                            sample(c.missed).c_str());
            overall[strict].add(c);
        }
        const Counts& all = overall[strict];
        std::printf("wikinews dev set, %s, all   : precision %.3f recall %.3f F1 %.3f\n",
                    strict ? "strict" : "facet ", all.precision(), all.recall(), all.f1());
    }
    // Floors just under the measured figures (README, Entities): the target is an F1
    // of 0.75 over all types; a rule that costs more than a point shows here.
    CHECK(overall[true].f1() >= 0.80);
    CHECK(by_mode[true][EntityType::person].f1() >= 0.83);
    CHECK(by_mode[true][EntityType::org].f1() >= 0.75);
    CHECK(by_mode[true][EntityType::place].f1() >= 0.81);
}
