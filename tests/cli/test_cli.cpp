/// @file test_cli.cpp
/// @brief The programs as a user runs them: exit codes, messages, text and JSON output.
#include <simdjson.h>
#include <xapian.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <utility>
#include <vector>

#include "common/schema.hpp"
#include "support/test_support.hpp"

using newsdex::test::run_command;
namespace fs = std::filesystem;

namespace {

std::string sample_file() {
    return newsdex::test::sample_file().string();
}

std::string sample_index() {
    return newsdex::test::sample_index().string();
}

newsdex::test::CommandResult search(std::vector<std::string> args) {
    args.insert(args.begin(), {newsdex::test::search_program(), "-d", sample_index()});
    return run_command(args);
}

std::size_t line_count(const std::string& path) {
    std::ifstream in(path);
    std::size_t n = 0;
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) ++n;
    return n;
}

}  // namespace

TEST_CASE("newsdex-index indexes the sample corpus and says what it did", "[cli]") {
    const auto dir = newsdex::test::fresh_dir("cli-index-summary").string();
    const auto first = run_command({newsdex::test::index_program(), "-d", dir, sample_file()});
    CHECK(first.exit_code == 0);
    const std::string added = "added " + std::to_string(line_count(sample_file())) + ",";
    CHECK(first.out.find(added) != std::string::npos);
    CHECK(first.err.empty());

    // The same input again: everything replaced, nothing added.
    const auto again = run_command({newsdex::test::index_program(), "-d", dir, sample_file()});
    CHECK(again.exit_code == 0);
    CHECK(again.out.find("added 0, replaced " + std::to_string(line_count(sample_file()))) !=
          std::string::npos);
}

TEST_CASE("--json prints one object with hits and facets", "[cli]") {
    const auto r = search({"--json", "--facets", "source,date,entity,category", "interest rates"});
    REQUIRE(r.exit_code == 0);
    simdjson::dom::parser parser;
    simdjson::dom::element doc;
    REQUIRE(parser.parse(r.out).get(doc) == simdjson::SUCCESS);
    const std::uint64_t total = doc["total"].get_uint64().value();
    CHECK(total > 0);
    CHECK(doc["total_exact"].get_bool().value());
    simdjson::dom::array hits = doc["hits"].get_array().value();
    REQUIRE(hits.size() > 0);
    for (simdjson::dom::element hit : hits) {
        for (const char* key : {"id", "title", "source", "date", "url", "snippet"})
            CHECK(hit[key].is_string());
        CHECK(hit["score"].is_number());
    }
    std::string_view first_snippet = hits.at(0)["snippet"].get_string().value();
    CHECK(first_snippet.find("[[") != std::string_view::npos);

    simdjson::dom::object facets = doc["facets"].get_object().value();
    std::uint64_t source_sum = 0;
    simdjson::dom::array sources = facets["source"].get_array().value();
    for (simdjson::dom::element v : sources) source_sum += v["count"].get_uint64().value();
    CHECK(source_sum == total);
    simdjson::dom::array dates = facets["date"].get_array().value();
    for (simdjson::dom::element v : dates) {
        std::string_view month = v["value"].get_string().value();
        CHECK(month.size() == 7);  // the sample spans more than a year: monthly buckets
    }
    CHECK(facets["entity"].get_array().value().size() > 0);
}

TEST_CASE("--json gives a misspelt query's suggestion and leaves it out otherwise", "[cli]") {
    simdjson::dom::parser parser;
    simdjson::dom::element doc;
    const auto misspelt = search({"--json", "solra"});
    REQUIRE(misspelt.exit_code == 0);
    REQUIRE(parser.parse(misspelt.out).get(doc) == simdjson::SUCCESS);
    CHECK(doc["total"].get_uint64().value() == 0);
    CHECK(doc["suggestion"]["query"].get_string().value() == "solar");
    const std::uint64_t suggested = doc["suggestion"]["total"].get_uint64().value();
    const auto right = search({"--json", "solar"});
    REQUIRE(parser.parse(right.out).get(doc) == simdjson::SUCCESS);
    CHECK(doc["total"].get_uint64().value() == suggested);
    CHECK(suggested > 0);
    CHECK(doc["suggestion"].error() == simdjson::NO_SUCH_FIELD);
}

TEST_CASE("text output is plain when piped and names each hit", "[cli]") {
    const auto r = search({"--facets", "source", "solar"});
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find('\033') == std::string::npos);
    CHECK(r.out.find("[[") == std::string::npos);
    CHECK(r.out.find("source") != std::string::npos);
    // Each hit lists its entities; the sample's solar stories name Spain.
    CHECK(r.out.find("places: ") != std::string::npos);
    CHECK(r.out.find("Spain") != std::string::npos);
}

// The text output of a few searches of the sample, compared exactly with the files of
// tests/cli/golden (piped, so plain: no colours, no escapes). After a deliberate change to the
// output, rewrite them with NEWSDEX_UPDATE_GOLDEN=1 ctest --test-dir build -R golden, and
// review their diff.
TEST_CASE("the text output of a few searches is exactly that of tests/cli/golden",
          "[cli][golden]") {
    const std::vector<std::pair<std::string, std::vector<std::string>>> searches{
        {"solar-source-facet", {"--facets", "source", "solar"}},
        {"phrase", {"\"interest rates\""}},
        {"newest-date-entity-facets",
         {"--sort", "newest", "--limit", "3", "--facets", "date,entity"}},
        {"no-match", {"zyxwvutsr"}},
        {"suggestion", {"solra", "panles"}},
    };
    const char* update = std::getenv("NEWSDEX_UPDATE_GOLDEN");
    for (const auto& [name, args] : searches) {
        CAPTURE(name);
        const auto r = search(args);
        REQUIRE(r.exit_code == 0);
        const fs::path golden = fs::path(NEWSDEX_GOLDEN_DIR) / (name + ".txt");
        if (update && *update) std::ofstream(golden, std::ios::binary) << r.out;
        CHECK(r.out == newsdex::test::read_file(golden));
    }
}

TEST_CASE("exit codes: bad query 2, missing index 1, no matches 0", "[cli]") {
    const auto bad = search({"inflation AND (rates"});
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("newsdex-search: ") == 0);
    CHECK(bad.err.find("position") != std::string::npos);

    const auto missing =
        run_command({newsdex::test::search_program(), "-d", "/nonexistent/newsdex-index", "oil"});
    CHECK(missing.exit_code == 1);
    CHECK(missing.err.find("/nonexistent/newsdex-index") != std::string::npos);

    const auto none = search({"--json", "zzyzzyx"});
    CHECK(none.exit_code == 0);
    CHECK(none.out.find("\"total\":0") != std::string::npos);

    const auto usage = search({"--sort", "sideways", "oil"});
    CHECK(usage.exit_code == 2);
}

TEST_CASE("a damaged index and a folder that is not one get their own messages", "[cli]") {
    const fs::path damaged = newsdex::test::fresh_dir("cli-damaged-index");
    fs::copy(sample_index(), damaged);
    fs::resize_file(damaged / "postlist.glass", 0);  // as a copy cut short
    const auto read = run_command({newsdex::test::search_program(), "-d", damaged, "oil"});
    CHECK(read.exit_code == 1);
    CHECK(read.err.find("newsdex-search: cannot read index " + damaged.string() + ": ") == 0);
    CHECK(read.err.find("`xapian-check " + damaged.string() + "`") != std::string::npos);

    const fs::path other = newsdex::test::fresh_dir("cli-not-an-index");
    std::ofstream(other / "notes.txt") << "not an index\n";
    const auto opened = run_command({newsdex::test::search_program(), "-d", other, "oil"});
    CHECK(opened.exit_code == 1);
    CHECK(opened.err.find(other.string() + " is not a newsdex index") != std::string::npos);
}

TEST_CASE("an index of an older schema is refused, saying to rebuild it", "[cli]") {
    // Schema 2 indexed every word unstemmed: this build's stemmed queries would find little.
    const auto dir = newsdex::test::fresh_dir("cli-old-schema").string();
    {
        Xapian::WritableDatabase db(dir, Xapian::DB_CREATE_OR_OVERWRITE);
        Xapian::Document doc;
        doc.add_boolean_term("Qold-1");
        doc.add_posting("rates", 1);
        db.add_document(doc);
        db.set_metadata(std::string(newsdex::schema::schema_version_key), "2");
        db.commit();
    }
    const std::string version(newsdex::schema::schema_version);
    const auto searched = run_command({newsdex::test::search_program(), "-d", dir, "rates"});
    CHECK(searched.exit_code == 1);
    CHECK(searched.err.find("written with newsdex schema 2; this build reads schema " + version +
                            ": rebuild it") != std::string::npos);
    const auto indexed = run_command({newsdex::test::index_program(), "-d", dir, sample_file()});
    CHECK(indexed.exit_code == 1);
    CHECK(indexed.err.find("written with newsdex schema 2; this build writes schema " + version +
                           ": rebuild it") != std::string::npos);
    CHECK(Xapian::Database(dir).get_doccount() == 1);  // left as it was
}

TEST_CASE("malformed records are named and skipped; --strict stops and keeps the rest", "[cli]") {
    const auto dir = newsdex::test::fresh_dir("cli-malformed");
    const auto input = (dir / "mixed.jsonl").string();
    std::ofstream(input) << R"({"id": "a1", "title": "First story", "body": "Some text."})"
                            "\n"
                         << R"({"id": "a2", "title": "Broken" "body": })"
                            "\n"
                         << R"({"id": "a3", "title": "Third story", "body": "More text."})"
                            "\n";
    const auto index = (dir / "index").string();
    const auto r = run_command({newsdex::test::index_program(), "-d", index, input});
    CHECK(r.exit_code == 3);
    CHECK(r.err.find(input + ":2:") != std::string::npos);
    CHECK(r.out.find("added 2, replaced 0, skipped 1") != std::string::npos);

    const auto strict_index = (dir / "strict-index").string();
    const auto strict =
        run_command({newsdex::test::index_program(), "-d", strict_index, "--strict", input});
    CHECK(strict.exit_code == 1);
    CHECK(strict.err.find(input + ":2:") != std::string::npos);
    // The record read before the bad one was committed.
    const auto kept =
        run_command({newsdex::test::search_program(), "-d", strict_index, "--json", "id:a1"});
    CHECK(kept.out.find("\"total\":1") != std::string::npos);
}

TEST_CASE("newsdex-index on Reuters SGML through the CLI", "[cli][corpus]") {
    const auto dir = newsdex::test::fresh_dir("cli-reuters").string();
    const auto reuters = newsdex::test::reuters_dir();
    const auto r =
        run_command({newsdex::test::index_program(), "-d", dir,
                     (reuters / "reut2-000.sgm").string(), (reuters / "reut2-001.sgm").string()});
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("added 2000,") != std::string::npos);
    const auto hit = run_command({newsdex::test::search_program(), "-d", dir, "--json", "--limit",
                                  "50", "title:cocoa", "date:1987-02"});
    CHECK(hit.exit_code == 0);
    CHECK(hit.out.find("BAHIA COCOA REVIEW") != std::string::npos);
}

namespace {

/// `count` distinct words ("w0 w1 w2 ..."), or wildcards ("w0* w1* ...") with `suffix` "*".
std::string many_words(std::size_t count, const std::string& suffix = "") {
    std::string query;
    for (std::size_t i = 0; i < count; ++i) query += (i ? " w" : "w") + std::to_string(i) + suffix;
    return query;
}

}  // namespace

TEST_CASE("queries past the term and wildcard limits are refused with the limit", "[cli]") {
    const auto at_limit = search({"--limit", "1", many_words(1024)});
    CHECK(at_limit.exit_code == 0);

    const auto long_query = search({many_words(10'000)});
    CHECK(long_query.exit_code == 2);
    CHECK(long_query.err.find("the query has 10000 terms; the limit is 1024") != std::string::npos);
    // The position is that of the first word past the limit: "w1024".
    const std::size_t w1024 = many_words(1024).size() + 1;
    CHECK(long_query.err.find("position " + std::to_string(w1024 + 1) + ":") != std::string::npos);

    const auto huge = search({std::string(20'000, 'x')});
    CHECK(huge.exit_code == 2);
    CHECK(huge.err.find("the query is 20000 bytes long; the limit is 16384") != std::string::npos);
}

TEST_CASE("short wildcards answer within the expansion limit; too many are refused", "[cli]") {
    for (const char* query : {"a*", "e* AND s*", "*", "a* b* c* d*"}) {
        INFO(query);
        const auto r = search({"--json", query});
        CHECK(r.exit_code == 0);
    }
    const auto r = search({many_words(5, "*")});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("the query has 5 wildcards; the limit is 4") != std::string::npos);
}

TEST_CASE("--offset + --limit past the result window and a huge --facet-limit exit 2", "[cli]") {
    CHECK(search({"--offset", "9990", "--limit", "10", "bank"}).exit_code == 0);
    const auto deep = search({"--offset", "9995", "--limit", "10", "bank"});
    CHECK(deep.exit_code == 2);
    CHECK(deep.err.find("--offset 9995 + --limit 10 reaches hit 10005; the result window is 10000 "
                        "hits") != std::string::npos);

    CHECK(search({"--facets", "entity", "--facet-limit", "1000"}).exit_code == 0);
    CHECK(search({"--facets", "entity", "--facet-limit", "0"}).exit_code == 0);
    const auto facets = search({"--facets", "entity", "--facet-limit", "5000"});
    CHECK(facets.exit_code == 2);
    CHECK(facets.err.find("--facet-limit 5000 is over the limit of 1000 values per facet") !=
          std::string::npos);

    const auto help = run_command({newsdex::test::search_program(), "--help"});
    CHECK(help.out.find("--offset + --limit       10000") != std::string::npos);
}

TEST_CASE("a query word that starts with '-' after the first is a word, not an option", "[cli]") {
    const auto total_of = [](const newsdex::test::CommandResult& r) {
        REQUIRE(r.exit_code == 0);
        return r.out.substr(0, r.out.find('\n'));
    };
    const auto unquoted = search({"--json", "rates", "-inflation", "-n", "2"});
    const auto quoted = search({"--json", "-n", "2", "rates -inflation"});
    const auto after_dashes = search({"--json", "-n", "2", "--", "rates", "-inflation"});
    CHECK(total_of(unquoted) == total_of(quoted));
    CHECK(total_of(after_dashes) == total_of(quoted));
    CHECK(total_of(search({"--json", "rates"})) != total_of(quoted));  // -inflation did count
    // First, it cannot be told from an option: the message says how to write it.
    const auto first = search({"-inflation"});
    CHECK(first.exit_code == 2);
    CHECK(first.err.find("-- -inflation") != std::string::npos);
    CHECK(search({"--", "-inflation"}).exit_code == 0);
}

TEST_CASE("a query newsdex would misread exits 2 with the position and the fix", "[cli]") {
    const struct {
        const char* query;
        const char* says;
    } cases[] = {
        {"coff?e", "position 5: '?' is not a wildcard"},
        {"*rates", "position 1: a wildcard goes at the end of a word"},
        {"foo:bar", "position 1: unknown field \"foo:\""},
        {"rates -(bank oil)", "position 7: '-' does not negate a bracket"},
    };
    for (const auto& c : cases) {
        INFO(c.query);
        const auto r = search({c.query});
        CHECK(r.exit_code == 2);
        CHECK(r.err.find(c.says) != std::string::npos);
        CHECK(r.out.empty());
    }
}

TEST_CASE("--explain shows what the query became, in text and JSON alike", "[cli]") {
    const auto text = search({"--explain", "-n", "0", "title:rates -inflation U.S. infla*"});
    REQUIRE(text.exit_code == 0);
    const std::string first_line = text.out.substr(0, text.out.find('\n'));
    CHECK_THAT(first_line, Catch::StartsWith("Query: ") && Catch::Contains("title:rate") &&
                               Catch::Contains("NOT inflat") && Catch::Contains("u_s") &&
                               Catch::Contains("infla*["));
    const auto json =
        search({"--json", "--explain", "-n", "0", "title:rates -inflation U.S. infla*"});
    REQUIRE(json.exit_code == 0);
    simdjson::dom::parser parser;
    const simdjson::dom::element root = parser.parse(json.out);
    CHECK(std::string(std::string_view(root["parsed_query"])) == first_line.substr(7));
    const auto plain = search({"--json", "rates"});
    CHECK(parser.parse(plain.out)["parsed_query"].error() == simdjson::NO_SUCH_FIELD);
}

TEST_CASE("a notice says when a query in capitals reads its operators as words", "[cli]") {
    const auto text = search({"-n", "0", "RATES OR BANKS"});
    REQUIRE(text.exit_code == 0);
    CHECK_THAT(text.out, Catch::StartsWith("Note: the query is written in capitals"));
    const auto json = search({"--json", "-n", "0", "RATES OR BANKS"});
    simdjson::dom::parser parser;
    const simdjson::dom::array notices = parser.parse(json.out)["notices"];
    CHECK(notices.size() == 1);
}

TEST_CASE("relative dates count from --now; an unknown form exits 2 listing the known ones",
          "[cli]") {
    const auto relative = search({"--now", "2026-03-31", "--from", "7d", "--limit", "0"});
    CHECK(relative.exit_code == 0);
    const auto unknown = search({"--now", "2026-03-31", "--from", "fortnight", "oil"});
    CHECK(unknown.exit_code == 2);
    CHECK(unknown.err.find("--from \"fortnight\" is not a date (use YYYY, YYYY-MM, YYYY-MM-DD, "
                           "today, yesterday,") != std::string::npos);
    const auto in_query = search({"oil date:fortnight"});
    CHECK(in_query.exit_code == 2);
    CHECK(in_query.err.find("query error at position 10: date: \"fortnight\" is not a date") !=
          std::string::npos);
    CHECK(search({"--now", "yesterday", "oil"}).exit_code == 2);
}

TEST_CASE("a filter value the index does not hold is named in text and JSON", "[cli]") {
    const auto text = search({"place:atlantis"});
    CHECK(text.exit_code == 0);
    CHECK(text.out.find("Note: no place \"atlantis\" in this index\n") == 0);
    const auto json = search({"--json", "--source", "nowhere", "place:atlantis"});
    simdjson::dom::parser parser;
    const simdjson::dom::element doc = parser.parse(json.out);
    simdjson::dom::array notices = doc["notices"];
    REQUIRE(notices.size() == 2);
    CHECK(std::string_view(notices.at(0)["message"]) == "no place \"atlantis\" in this index");
    CHECK(std::string_view(notices.at(1)["field"]) == "source");
    CHECK(simdjson::dom::array(doc["synonyms_used"]).size() == 0);
}

TEST_CASE("newsdex-index --synonyms stores the rules; a bad line names file and line", "[cli]") {
    const fs::path dir = newsdex::test::fresh_dir("cli-synonyms");
    const fs::path rules = dir / "synonyms.txt";
    std::ofstream(rules) << "# test\nchipmaker, veltrix semiconductors\n";
    const auto index = (dir / "index").string();
    const auto built = run_command({newsdex::test::index_program(), "-q", "-d", index, "--synonyms",
                                    rules.string(), sample_file()});
    REQUIRE(built.exit_code == 0);
    const auto widened =
        run_command({newsdex::test::search_program(), "-d", index, "--json", "chipmaker"});
    const auto plain = run_command(
        {newsdex::test::search_program(), "-d", index, "--json", "--no-synonyms", "chipmaker"});
    simdjson::dom::parser parser;
    const std::uint64_t with_rule = parser.parse(widened.out)["total"];
    const simdjson::dom::element used = parser.parse(widened.out)["synonyms_used"].at(0);
    CHECK(std::string_view(used["from"]) == "chipmaker");
    CHECK(std::string_view(used["to"].at(0)) == "veltrix semiconductors");
    const std::uint64_t without = parser.parse(plain.out)["total"];
    CHECK(with_rule > without);

    std::ofstream(rules) << "ok, fine\nlonely\n";
    const auto bad =
        run_command({newsdex::test::index_program(), "-q", "-d", (dir / "other").string(),
                     "--synonyms", rules.string(), sample_file()});
    CHECK(bad.exit_code != 0);
    CHECK(bad.err.find(rules.string() + ":2: a synonym group needs two phrases") !=
          std::string::npos);
}

TEST_CASE("the date facet says how many matches have no date, in text and JSON", "[cli]") {
    const fs::path dir = newsdex::test::fresh_dir("cli-undated");
    std::ofstream(dir / "mixed.jsonl")
        << R"({"id": "u1", "title": "Harbour dated", "date": "2024-05-01", "body": "ferry"})"
           "\n"
           R"({"id": "u2", "title": "Harbour undated", "body": "ferry"})"
           "\n"
           R"({"id": "u3", "title": "Harbour also undated", "body": "ferry"})"
           "\n";
    const auto index = (dir / "index").string();
    REQUIRE(run_command(
                {newsdex::test::index_program(), "-q", "-d", index, (dir / "mixed.jsonl").string()})
                .exit_code == 0);
    const auto text =
        run_command({newsdex::test::search_program(), "-d", index, "--facets", "date", "ferry"});
    INFO(text.out);
    CHECK(text.out.find("  undated: 2\n") != std::string::npos);
    const auto json = run_command(
        {newsdex::test::search_program(), "-d", index, "--facets", "date", "--json", "ferry"});
    simdjson::dom::parser parser;
    const simdjson::dom::element result = parser.parse(json.out);
    CHECK(std::uint64_t(result["total"]) == 3);
    CHECK(std::uint64_t(result["date_undated"]) == 2);
    CHECK(std::uint64_t(result["facets"]["date"].at(0)["count"]) == 1);
    // Only the dated one matched: nothing undated, and text says nothing of it.
    const auto dated = run_command(
        {newsdex::test::search_program(), "-d", index, "--facets", "date", "title:dated"});
    CHECK(dated.out.find("undated") == std::string::npos);
}
