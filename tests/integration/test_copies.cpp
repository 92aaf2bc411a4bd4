/// @file test_copies.cpp
/// @brief Copies of one story found at index time and collapsed at search time: pair
/// precision and recall on perturbed copies of Reuters stories, and Reuters' own copies.
#include <xapian.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "common/date.hpp"
#include "common/json_writer.hpp"
#include "common/schema.hpp"
#include "corpus/readers/input_reader.hpp"
#include "indexer/index_run.hpp"
#include "integration/reuters_index.hpp"
#include "searcher/searcher.hpp"
#include "support/article_collector.hpp"
#include "support/test_support.hpp"

using namespace newsdex;
using namespace newsdex::test;

namespace {

std::vector<std::string> words_of(const std::string& text) {
    std::vector<std::string> words;
    std::string word;
    for (const char c : text + " ") {
        if (c == ' ' || c == '\n' || c == '\t') {
            if (!word.empty()) words.push_back(word);
            word.clear();
        } else {
            word += c;
        }
    }
    return words;
}

std::string joined(const std::vector<std::string>& words, std::size_t from, std::size_t to,
                   const char* separator = " ") {
    std::string out;
    for (std::size_t i = from; i < to && i < words.size(); ++i)
        out += (i > from ? separator : "") + words[i];
    return out;
}

const char* const boilerplate_head =
    "(Copyright 1987 The Harbour Wire. All rights reserved. This material may not be "
    "published, broadcast, rewritten or redistributed.)\n";
const char* const boilerplate_tail =
    "\nSubscribe to The Harbour Wire's morning briefing for the day's top stories, delivered "
    "to your inbox. Reporting by staff correspondents; editing by the desk.";

/// The perturbations a syndicated copy goes through, by name.
std::string perturbed(const std::string& body, int kind) {
    const auto words = words_of(body);
    switch (kind) {
        case 0:  // boilerplate before and after
            return boilerplate_head + body + boilerplate_tail;
        case 1:  // the last 35% cut
            return joined(words, 0, words.size() * 65 / 100);
        case 2: {  // wrapped at 50 columns, commas and quotes dropped
            std::string out;
            std::size_t column = 0;
            for (const auto& w : words) {
                std::string word;
                for (const char c : w)
                    if (c != ',' && c != '"') word += c;
                out += (column + word.size() > 50 ? "\n" : column ? " " : "") + word;
                column = column + word.size() > 50 ? word.size() : column + word.size() + 1;
            }
            return out;
        }
        default:  // all of it: boilerplate, cut by a quarter, rewrapped
            return boilerplate_head + joined(words, 0, words.size() * 75 / 100, "\n") +
                   boilerplate_tail;
    }
}

const char* const kinds[] = {"boilerplate", "cut", "rewrapped", "all"};

void write_article(std::ofstream& out, const std::string& id, const std::string& title,
                   const std::string& body, const std::string& source, const Article& original) {
    JsonWriter json;
    json.begin_object().key("id").value(id).key("title").value(title).key("body").value(body);
    json.key("source").value(source);
    if (original.date) json.key("date").value(format_day(original.date->seconds));
    json.end_object();
    out << json.str() << '\n';
}

}  // namespace

TEST_CASE("perturbed copies of Reuters stories are found, other stories of the day are not",
          "[reuters][copies]") {
    ArticleCollector read;
    corpus::read_inputs(
        {(reuters_dir() / "reut2-003.sgm").string(), (reuters_dir() / "reut2-004.sgm").string()},
        {}, read.sink());
    // Originals: long enough to copy, and unlike each other by title and first words (the
    // files hold copies of their own, which would count against precision).
    std::vector<const Article*> originals;
    std::set<std::string> titles;
    std::set<std::string> leads;
    for (const auto& article : read.articles) {
        const auto words = words_of(article.body);
        if (words.size() < 80 || originals.size() == 400) continue;
        if (!titles.insert(article.title).second || !leads.insert(joined(words, 0, 20)).second)
            continue;
        originals.push_back(&article);
    }
    REQUIRE(originals.size() == 400);

    const auto dir = fresh_dir("copies");
    const auto input = dir / "stories.jsonl";
    {
        std::ofstream out(input);
        for (std::size_t i = 0; i < originals.size(); ++i) {
            const Article& a = *originals[i];
            write_article(out, "original-" + std::to_string(i), a.title, a.body, "Reuters", a);
            // Half of them get a copy: the other half are the negatives' share of stories.
            if (i % 2 == 0)
                write_article(out, "copy-" + std::to_string(i), "Wire: " + a.title + " (update)",
                              perturbed(a.body, static_cast<int>(i / 2 % 4)), "Harbour Wire", a);
        }
    }
    indexer::IndexOptions options;
    options.index_dir = (dir / "index").string();
    const auto summary = indexer::index_inputs({input.string()}, options, {});
    REQUIRE(summary.added == 600);

    const Xapian::Database db(options.index_dir);
    std::map<std::string, std::string> cluster_of;  // id -> key
    std::map<std::string, std::vector<std::string>> members;
    for (auto doc = db.postlist_begin(""); doc != db.postlist_end(""); ++doc) {
        const Xapian::Document document = db.get_document(*doc);
        std::string id;
        for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term)
            if ((*term)[0] == 'Q') id = (*term).substr(1);
        const std::string key = document.get_value(schema::slot::cluster);
        cluster_of[id] = key;
        if (!key.empty()) members[key].push_back(id);
    }
    std::map<int, std::pair<int, int>> found_by_kind;  // kind -> (found, pairs)
    std::size_t found = 0;
    std::size_t pairs = 0;
    for (std::size_t i = 0; i < originals.size(); i += 2) {
        const std::string& a = cluster_of["original-" + std::to_string(i)];
        const std::string& b = cluster_of["copy-" + std::to_string(i)];
        const bool same = !a.empty() && a == b;
        found += same;
        ++pairs;
        auto& by_kind = found_by_kind[static_cast<int>(i / 2 % 4)];
        by_kind.first += same;
        ++by_kind.second;
    }
    // Every pair of documents put in one cluster, and how many are an original and its copy.
    std::size_t clustered_pairs = 0;
    std::size_t true_pairs = 0;
    for (const auto& [key, ids] : members) {
        for (std::size_t i = 0; i < ids.size(); ++i)
            for (std::size_t j = i + 1; j < ids.size(); ++j) {
                ++clustered_pairs;
                const auto number = [](const std::string& id) {
                    return id.substr(id.find('-') + 1);
                };
                true_pairs += number(ids[i]) == number(ids[j]);
            }
    }
    const double recall = static_cast<double>(found) / static_cast<double>(pairs);
    const double precision =
        clustered_pairs ? static_cast<double>(true_pairs) / static_cast<double>(clustered_pairs)
                        : 0;
    std::printf(
        "copies: pair precision %.3f (%zu of %zu clustered pairs), recall %.3f (%zu of %zu)\n",
        precision, true_pairs, clustered_pairs, recall, found, pairs);
    for (const auto& [kind, counts] : found_by_kind)
        std::printf("  %-11s recall %d of %d\n", kinds[kind], counts.first, counts.second);
    CHECK(precision >= 0.95);
    CHECK(recall >= 0.90);
    CHECK(summary.copy_clusters == members.size());
}

TEST_CASE("searches collapse a story's copies into one hit that lists them", "[reuters]") {
    auto request = query("japan trade surplus", 10);
    const auto collapsed = search(request);
    request.collapse = false;
    const auto all = search(request);
    CHECK(collapsed.total == all.total);  // the total counts articles either way
    std::set<std::string> keys;
    std::size_t with_copies = 0;
    for (const auto& hit : collapsed.hits) {
        if (hit.cluster.empty()) continue;
        CHECK(keys.insert(hit.cluster).second);  // one hit per story
        if (hit.copy_count == 0) continue;
        ++with_copies;
        // Its copies are the rest of its cluster that the query matches.
        auto cluster = query("japan trade surplus cluster:" + hit.cluster, 50);
        cluster.collapse = false;
        const auto listed = search(cluster);
        CHECK(listed.total == hit.copy_count + 1);
        std::set<std::string> ids;
        for (const auto& h : listed.hits) ids.insert(h.id);
        CHECK(ids.count(hit.id) == 1);
        for (const auto& copy : hit.copies) CHECK(ids.count(copy.id) == 1);
    }
    CHECK(with_copies >= 1);
    // Uncollapsed, a copy takes a slot of its own.
    std::set<std::string> all_keys;
    std::size_t repeated = 0;
    for (const auto& hit : all.hits)
        if (!hit.cluster.empty() && !all_keys.insert(hit.cluster).second) ++repeated;
    CHECK(repeated >= 1);
}
