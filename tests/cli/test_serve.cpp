/// @file test_serve.cpp
/// @brief newsdex-serve as a client sees it: the same answers as newsdex-search --json, the
/// other endpoints, bad requests, and an index that changes under it.
#include <simdjson.h>
#include <sys/stat.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>
#include <thread>

#include "support/json_schema.hpp"
#include "support/served_index.hpp"
#include "support/test_support.hpp"

using newsdex::test::run_command;
using newsdex::test::ServedIndex;
using newsdex::test::url_encode;
namespace fs = std::filesystem;

namespace {

using newsdex::test::sample_file;
using newsdex::test::sample_index;

/// One request written both ways: newsdex-search's options and /search's parameters.
struct SameRequest {
    std::vector<std::string> cli;
    std::string query_string;
};

simdjson::dom::element parsed(simdjson::dom::parser& parser, const std::string& json) {
    simdjson::dom::element root;
    REQUIRE(parser.parse(json).get(root) == simdjson::SUCCESS);
    return root;
}

std::string text_of(simdjson::dom::element e, const char* key) {
    std::string_view value;
    REQUIRE(e[key].get(value) == simdjson::SUCCESS);
    return std::string(value);
}

std::uint64_t number_of(simdjson::dom::element e, const char* key) {
    std::uint64_t value = 0;
    REQUIRE(e[key].get(value) == simdjson::SUCCESS);
    return value;
}

/// The sample's lines from `first` to before `last`, as a file of its own.
fs::path sample_lines(const fs::path& dir, std::size_t first, std::size_t last) {
    std::ifstream in(sample_file());
    const fs::path out_path = dir / ("lines-" + std::to_string(first) + ".jsonl");
    std::ofstream out(out_path);
    std::size_t n = 0;
    for (std::string line; std::getline(in, line); ++n)
        if (n >= first && n < last) out << line << "\n";
    return out_path;
}

}  // namespace

TEST_CASE("newsdex-serve answers /search with exactly what newsdex-search --json prints",
          "[cli][serve]") {
    ServedIndex server(sample_index(), "serve-same-answers");
    const std::vector<SameRequest> requests = {
        {{"--now", "2025-01-01", "-f", "source,person,date", "-n", "3", "election"},
         "now=2025-01-01&facets=source,person,date&limit=3&q=election"},
        {{"--now", "2025-01-01", "--source", "Harbour Gazette", "--source", "Metro Wire", "-f",
          "source,org", "--facet-limit", "3"},
         "now=2025-01-01&source=" + url_encode("Harbour Gazette") +
             "&source=" + url_encode("Metro Wire") + "&facets=source&facets=org&facet_limit=3"},
        {{"--now", "2025-01-01", "--sort", "newest", "--offset", "2", "-n", "4", "--from",
          "2024-06", "--no-collapse", "--explain", "rain OR flood*"},
         "now=2025-01-01&sort=newest&offset=2&limit=4&from=2024-06&collapse=false&explain=true&q=" +
             url_encode("rain OR flood*")},
        {{"--now", "2025-01-01", "--entity", "place:york", "-f", "date", "--date-bucket", "month",
          "--no-synonyms", "-n", "0"},
         "now=2025-01-01&entity=" + url_encode("place:york") +
             "&facets=date&date_bucket=month&synonyms=false&limit=0"},
        {{"--now", "2025-01-01", "inflaton"}, "now=2025-01-01&q=inflaton"},
        {{"--now", "2025-01-01", "--", "-rain"}, "now=2025-01-01&q=" + url_encode("-rain")},
        // A '=' in a value, unencoded, stays in it; a repeated filter is still one filter.
        {{"--now", "2025-01-01", "interest", "rate=cut"}, "now=2025-01-01&q=interest+rate=cut"},
        {{"--now", "2025-01-01", "--source", "Metro Wire", "--source", "Metro Wire"},
         "now=2025-01-01&source=Metro+Wire&source=Metro%20Wire"},
    };
    const newsdex::test::JsonSchema schema(newsdex::test::search_result_schema_path());
    for (const auto& request : requests) {
        std::vector<std::string> argv = {newsdex::test::search_program(), "-d",
                                         sample_index().string(), "--json"};
        argv.insert(argv.end(), request.cli.begin(), request.cli.end());
        const auto cli = run_command(argv);
        INFO("request: " << request.query_string << "\nCLI stderr: " << cli.err);
        REQUIRE(cli.exit_code == 0);
        const auto http = server.get("/search?" + request.query_string);
        CHECK(http.status == 200);
        CHECK(http.content_type == "application/json");
        CHECK(http.body == cli.out);
        // Both are the one schema document's (docs/search-result.schema.json).
        const auto violations = schema.violations(cli.out);
        INFO("schema violations: " << (violations.empty() ? "" : violations.front()));
        CHECK(violations.empty());
        // Twice: the second answer comes from the warm caches and must not differ.
        CHECK(server.get("/search?" + request.query_string).body == cli.out);
    }
    // The checker is no rubber stamp: a wrong type, a missing and an unknown field fail.
    const std::string good = server.get("/search?q=rain&limit=1").body;
    CHECK(schema.violations(good).empty());
    std::string retyped = good;
    retyped.replace(retyped.find("\"total_exact\":true"), 18, "\"total_exact\":1");
    CHECK(schema.violations(retyped) == std::vector<std::string>{"total_exact: not boolean but 1"});
    std::string renamed = good;
    renamed.replace(renamed.find("\"rank\""), 6, "\"place\"");
    CHECK(schema.violations(renamed) ==
          std::vector<std::string>{"hits[0]: no rank", "hits[0].place: not allowed here"});
    // And the server serves it.
    const auto served = server.get("/schema");
    CHECK(served.status == 200);
    CHECK(served.body == newsdex::test::read_file(newsdex::test::search_result_schema_path()));
    CHECK(server.stop() == 0);
}

TEST_CASE("newsdex-serve answers /document/ID, /health and /metrics", "[cli][serve]") {
    ServedIndex server(sample_index(), "serve-endpoints");
    simdjson::dom::parser parser;

    const auto document = server.get("/document/sample-002");
    REQUIRE(document.status == 200);
    const auto doc = parsed(parser, document.body);
    CHECK(text_of(doc, "id") == "sample-002");
    CHECK(text_of(doc, "title") == "River Ouse bursts its banks as York braces for more rain");
    CHECK(text_of(doc, "body").find("Hundreds of homes and businesses in York") == 0);
    const newsdex::test::JsonSchema schema(newsdex::test::search_result_schema_path());
    CHECK(schema.violations(document.body, "#/$defs/document").empty());

    const auto missing = server.get("/document/no-such-article");
    CHECK(missing.status == 404);
    CHECK(text_of(parsed(parser, missing.body), "error") ==
          "no document with id 'no-such-article' in this index");

    const auto health = server.get("/health");
    REQUIRE(health.status == 200);
    const auto h = parsed(parser, health.body);
    CHECK(text_of(h, "status") == "ok");
    CHECK(number_of(h, "documents") == 60);
    CHECK(number_of(h, "revision") > 0);

    CHECK(server.get("/search?q=%22unclosed").status == 400);
    const auto metrics = server.get("/metrics");
    REQUIRE(metrics.status == 200);
    CHECK(metrics.content_type.starts_with("text/plain"));
    CHECK(metrics.body.find("newsdex_requests_total{endpoint=\"document\",status=\"200\"} 1\n") !=
          std::string::npos);
    CHECK(metrics.body.find("newsdex_requests_total{endpoint=\"document\",status=\"404\"} 1\n") !=
          std::string::npos);
    CHECK(metrics.body.find("newsdex_requests_total{endpoint=\"search\",status=\"400\"} 1\n") !=
          std::string::npos);
    CHECK(metrics.body.find("newsdex_request_errors_total 2\n") != std::string::npos);
    // Every request before this one (the histogram counts a request once it is answered).
    CHECK(metrics.body.find("newsdex_request_duration_seconds_count 4\n") != std::string::npos);
    CHECK(metrics.body.find("newsdex_index_documents 60\n") != std::string::npos);
    CHECK(server.stop() == 0);
}

TEST_CASE("newsdex-serve refuses bad requests with 400 and says which parameter or position",
          "[cli][serve]") {
    ServedIndex server(sample_index(), "serve-bad-requests");
    simdjson::dom::parser parser;
    struct Refusal {
        std::string target;
        int status;
        std::string error;       // the message
        std::string parameter;   // "parameter", when the error names one
        std::uint64_t position;  // "position" (1-based), for a query error
    };
    const std::vector<Refusal> refusals = {
        {"/search?q=oil&colour=red", 400,
         "unknown parameter 'colour' (known: category, collapse, "
         "date_bucket, entity, explain, facet_limit, facets, from, language, limit, now, offset, "
         "q, "
         "sort, source, synonyms, to)",
         "colour", 0},
        {"/search?sort=sideways", 400, "unknown sort 'sideways' (relevance, newest or oldest)",
         "sort", 0},
        {"/search?limit=ten", 400, "limit must be a number from 0 to 1000000000, not 'ten'",
         "limit", 0},
        {"/search?q=a&q=b", 400, "q is given twice; it takes one value", "q", 0},
        {"/search?q=a&q=a", 400, "q is given twice; it takes one value", "q", 0},
        {"/search?collapse=maybe", 400, "collapse 'maybe' is not true or false", "collapse", 0},
        {"/search?offset=9995&limit=10", 400,
         "offset 9995 + limit 10 reaches hit 10005; the "
         "result window is 10000 hits (narrow the query instead)",
         "offset", 0},
        {"/search?q=" + url_encode("rain AND (flood"), 400, "", "", 0},
        {"/search?q=" + url_encode("coff?e"), 400, "", "", 0},
        {"/search?from=fortnight", 400, "", "from", 0},
        {"/search?facets=colour", 400, "", "", 0},
        {"/health?verbose=1", 400, "unknown parameter 'verbose' (/health takes none)", "verbose",
         0},
        {"/app.json", 404, "", "", 0},
        {"/search/extra", 404, "", "", 0},
    };
    const newsdex::test::JsonSchema schema(newsdex::test::search_result_schema_path());
    for (const auto& r : refusals) {
        INFO("GET " << r.target);
        const auto answer = server.get(r.target);
        CHECK(schema.violations(answer.body, "#/$defs/error").empty());
        CHECK(answer.status == r.status);
        CHECK(answer.content_type == "application/json");
        const auto body = parsed(parser, answer.body);
        const std::string error = text_of(body, "error");
        CHECK(!error.empty());
        if (!r.error.empty()) CHECK(error == r.error);
        if (!r.parameter.empty()) CHECK(text_of(body, "parameter") == r.parameter);
    }
    // A query error says where: the '(' at byte 10 of "rain AND (flood" is never closed.
    const auto unclosed =
        parsed(parser, server.get("/search?q=" + url_encode("rain AND (flood")).body);
    CHECK(number_of(unclosed, "position") > 0);
    CHECK(text_of(unclosed, "error").starts_with("query error at position "));

    CHECK(server.request("POST", "/search", "q=oil").status == 405);
    CHECK(server.request("DELETE", "/document/sample-001").status == 405);
    CHECK(server.get("/search?q=" + std::string(9000, 'a')).status == 414);
    // A body is refused before it is read.
    CHECK(server.request("POST", "/search", std::string(100 * 1024, 'x')).status == 405);
    // Nothing above disturbed it.
    CHECK(server.get("/search?q=rain").status == 200);
    CHECK(server.stop() == 0);
}

TEST_CASE("newsdex-serve exits 1 on a missing index and 2 on a bad --listen", "[cli][serve]") {
    const auto dir = newsdex::test::fresh_dir("serve-missing");
    const auto missing = run_command({newsdex::test::serve_program(), "-d",
                                      (dir / "nothing").string(), "--listen", "127.0.0.1:0"});
    CHECK(missing.exit_code == 1);
    CHECK(missing.err.starts_with("newsdex-serve: "));
    CHECK(missing.err.find("nothing") != std::string::npos);
    const auto bad_listen = run_command(
        {newsdex::test::serve_program(), "-d", sample_index().string(), "--listen", "8080"});
    CHECK(bad_listen.exit_code == 2);
    CHECK(bad_listen.err.starts_with(
        "newsdex-serve: --listen '8080' is not HOST:PORT (e.g. 127.0.0.1:8080; port 0 picks a "
        "free one)\n"));
    const auto help = run_command({newsdex::test::serve_program(), "--help"});
    CHECK(help.exit_code == 0);
    CHECK(help.out.find("/search?q=") != std::string::npos);
}

TEST_CASE("newsdex-serve answers every request while the index grows and is swapped under it",
          "[cli][serve]") {
    const auto dir = newsdex::test::fresh_dir("serve-index-swap");
    const fs::path index = dir / "index";
    const auto first = sample_lines(dir, 0, 20);
    const auto rest = sample_lines(dir, 20, 60);
    REQUIRE(
        run_command({newsdex::test::index_program(), "-q", "-d", index.string(), first.string()})
            .exit_code == 0);
    struct stat before {};
    REQUIRE(::stat(index.c_str(), &before) == 0);
    ServedIndex server(index, "serve-index-swap-log", {"--threads", "2"});
    simdjson::dom::parser parser;
    CHECK(number_of(parsed(parser, server.get("/health").body), "documents") == 20);

    // Clients ask while the indexer adds 40 articles: a run that more than doubles an index
    // compacts it into a new folder and swaps it in (index_swap.hpp).
    std::atomic<bool> indexing{true};
    std::atomic<int> answered{0};
    std::atomic<int> failed{0};
    std::string first_failure;
    std::mutex failure_mutex;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    std::vector<std::thread> clients;
    for (int c = 0; c < 2; ++c)
        clients.emplace_back([&] {
            // Bounded: until the indexer is done (and 60 s, 5,000 requests at most).
            for (int i = 0; i < 5000 && indexing && std::chrono::steady_clock::now() < deadline;
                 ++i) {
                const auto answer = server.get("/search?q=rain&facets=source,place&limit=5");
                if (answer.status == 200) {
                    ++answered;
                } else if (failed++ == 0) {
                    const std::lock_guard lock(failure_mutex);
                    first_failure = std::to_string(answer.status) + " " + answer.body;
                }
            }
        });
    const auto grown =
        run_command({newsdex::test::index_program(), "-d", index.string(), rest.string()});
    indexing = false;
    for (auto& client : clients) client.join();
    REQUIRE(grown.exit_code == 0);
    struct stat after {};
    REQUIRE(::stat(index.c_str(), &after) == 0);
    CHECK(after.st_ino != before.st_ino);  // a new folder took the path
    INFO("first failed request: " << first_failure);
    CHECK(failed == 0);
    CHECK(answered > 0);
    // The next request sees the new index, without a restart.
    CHECK(number_of(parsed(parser, server.get("/health").body), "documents") == 60);
    const auto full = run_command({newsdex::test::search_program(), "-d", index.string(), "--json",
                                   "--now", "2025-01-01", "-f", "source", "rain"});
    CHECK(server.get("/search?now=2025-01-01&facets=source&q=rain").body == full.out);
    CHECK(server.stop() == 0);
}
