/// @file test_reuters_delete.cpp
/// @brief newsdex-index --delete on part of Reuters-21578: hits and every facet lose exactly the
/// deleted documents.
#include <xapian.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "common/schema.hpp"
#include "common/stored_fields.hpp"
#include "common/stored_fields_compression.hpp"
#include "common/text.hpp"
#include "searcher/searcher.hpp"
#include "support/test_support.hpp"

using namespace newsdex;
using namespace newsdex::test;
namespace fs = std::filesystem;

namespace {

using Counts = std::map<std::string, std::int64_t>;  // "facet key" -> count

const std::vector<std::string> kFacets = {"source", "date", "entity", "category"};

// Every value of every facet over the whole index, keyed as the facet groups them.
Counts facet_counts(const fs::path& index) {
    searcher::Searcher searcher(index.string());
    searcher::SearchRequest request;
    request.facets = kFacets;
    request.facet_limit = 0;
    request.date_bucket = searcher::DateBucket::day;
    request.limit = 0;
    Counts counts;
    for (const auto& facet : searcher.search(request).facets)
        for (const auto& value : facet.values)
            counts[facet.name + " " + facet_key(value.value)] +=
                static_cast<std::int64_t>(value.count);
    return counts;
}

// What one document adds to those facets, read from its values (not through the searcher).
void add_contribution(const Xapian::Document& doc, Counts& counts) {
    const std::string source = doc.get_value(schema::slot::source);
    if (!source.empty()) ++counts["source " + facet_key(source)];
    const std::string day = doc.get_value(schema::slot::day);
    if (!day.empty()) ++counts["date " + day];
    // unpack_list gives views into its argument: each list is kept while it is read.
    for (const auto type : {EntityType::person, EntityType::org, EntityType::place}) {
        const std::string names = doc.get_value(schema::slot::entities(type));
        for (const auto name : schema::unpack_list(names))
            ++counts["entity " + facet_key(schema::entity_value(Entity{type, std::string(name)}))];
    }
    const std::string categories = doc.get_value(schema::slot::categories);
    for (const auto category : schema::unpack_list(categories))
        ++counts["category " + facet_key(category)];
}

std::uint64_t id_hits(searcher::Searcher& searcher, const std::string& id) {
    searcher::SearchRequest request;
    request.query = "id:" + id;
    return searcher.search(request).total;
}

}  // namespace

TEST_CASE("deleted ids leave the hits and every facet count by exactly their documents",
          "[delete]") {
    const fs::path dir = fresh_dir("reuters-delete");
    const fs::path index = dir / "index";
    const fs::path reuters = reuters_dir();
    const CommandResult built =
        run_command({index_program(), "-q", "-d", index.string(),
                     (reuters / "reut2-000.sgm").string(), (reuters / "reut2-001.sgm").string()});
    REQUIRE(built.exit_code == 0);

    // Every 23rd id the index holds, in docid order: stories with and without dates, places,
    // people, organisations and topics.
    std::vector<std::string> doomed;
    Counts removed;
    {
        Xapian::Database db(index.string());
        REQUIRE(db.get_doccount() == 2000);
        for (auto it = db.allterms_begin("Q"); it != db.allterms_end("Q"); ++it) {
            static int n = 0;
            if (n++ % 23 != 0) continue;
            const std::string term = *it;
            doomed.push_back(term.substr(term[1] == ':' ? 2 : 1));
            add_contribution(db.get_document(*db.postlist_begin(term)), removed);
        }
    }
    REQUIRE(doomed.size() == 87);
    REQUIRE(removed.size() > 100);  // many facet values are touched
    const Counts before = facet_counts(index);

    // Half by --delete, half from a file with blank lines and a CRLF line ending; two ids the
    // index never held make the run exit 3 and are named.
    const std::size_t half = doomed.size() / 2;
    std::vector<std::string> argv = {index_program(), "-d", index.string(), "--delete"};
    argv.insert(argv.end(), doomed.begin(), doomed.begin() + half);
    argv.push_back("reuters-999999");
    const CommandResult first = run_command(argv);
    CHECK(first.exit_code == 3);
    CHECK(first.out == "deleted " + std::to_string(half) + ", not found 1 in " +
                           first.out.substr(first.out.find(" in ") + 4,
                                            first.out.find(" s;") - first.out.find(" in ") - 4) +
                           " s; the index holds " + std::to_string(2000 - half) + " documents\n");
    CHECK(first.err == "newsdex-index: not found: reuters-999999\n");
    const fs::path list = dir / "ids.txt";
    {
        std::ofstream out(list, std::ios::binary);
        for (std::size_t i = half; i < doomed.size(); ++i)
            out << doomed[i] << (i % 2 ? "\r\n" : "\n") << (i % 10 == 0 ? "\n  \n" : "");
    }
    const CommandResult second =
        run_command({index_program(), "-d", index.string(), "--delete-from", list.string()});
    CHECK(second.exit_code == 0);
    CHECK(second.err.empty());
    CHECK(second.out.rfind("deleted " + std::to_string(doomed.size() - half) + ", not found 0",
                           0) == 0);

    // Deleting them again finds none of them.
    const CommandResult again =
        run_command({index_program(), "-d", index.string(), "--delete-from", "-"}, read_file(list));
    CHECK(again.exit_code == 3);
    CHECK(again.out.rfind("deleted 0, not found " + std::to_string(doomed.size() - half), 0) == 0);

    searcher::Searcher searcher(index.string());
    CHECK(searcher.document_count() == 2000 - doomed.size());
    for (const auto& id : doomed) CHECK(id_hits(searcher, id) == 0);
    const Counts after = facet_counts(index);
    std::size_t compared = 0;
    for (const auto& [key, count] : before) {
        const auto gone = removed.count(key) ? removed.at(key) : 0;
        const auto left = after.count(key) ? after.at(key) : 0;
        INFO(key);
        CHECK(left == count - gone);
        ++compared;
    }
    for (const auto& [key, count] : after) {
        INFO(key);
        CHECK(before.count(key) == 1);
    }
    CHECK(compared == before.size());
}

TEST_CASE("a bad line of a --delete-from list is named and nothing is deleted", "[delete]") {
    const fs::path dir = fresh_dir("reuters-delete-bad");
    const fs::path index = dir / "index";
    REQUIRE(run_command({index_program(), "-q", "-d", index.string(),
                         (reuters_dir() / "reut2-000.sgm").string()})
                .exit_code == 0);
    const CommandResult padded = run_command(
        {index_program(), "-d", index.string(), "--delete-from", "-"}, "reuters-1\n reuters-2\n");
    CHECK(padded.exit_code == 1);
    CHECK(padded.err ==
          "newsdex-index: standard input:2: not an id: spaces or tabs around the id (write the "
          "id alone on its line)\n");
    const CommandResult control =
        run_command({index_program(), "-d", index.string(), "--delete-from", "-"},
                    "reuters-1\nreu\x01ters-2\n");
    CHECK(control.exit_code == 1);
    CHECK(control.err ==
          "newsdex-index: standard input:2: not an id: a control character (byte 0x01) at column "
          "4; write one id a line\n");
    CHECK(Xapian::Database(index.string()).get_doccount() == 1000);

    // (After --delete every word up to the next option is an id, so the input comes first.)
    const CommandResult mixed =
        run_command({index_program(), "-d", index.string(),
                     (reuters_dir() / "reut2-001.sgm").string(), "--delete", "reuters-1"});
    CHECK(mixed.exit_code == 2);
    CHECK(mixed.err.find("cannot be combined with inputs to index") != std::string::npos);
    CHECK(Xapian::Database(index.string()).get_doccount() == 1000);

    const CommandResult missing =
        run_command({index_program(), "-d", (dir / "nowhere").string(), "--delete", "reuters-1"});
    CHECK(missing.exit_code == 1);
    CHECK(missing.err ==
          "newsdex-index: no index at " + (dir / "nowhere").string() + " to delete from\n");
    CHECK(!fs::exists(dir / "nowhere"));
}
