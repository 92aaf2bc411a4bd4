/// @file queries_command.cpp
/// @brief `newsdex-bench queries`: warm, single-thread, in-process latency per query class.
#include <iostream>

#include "bench/bench_stats.hpp"
#include "bench/commands.hpp"
#include "bench/query_workload.hpp"
#include "common/error.hpp"
#include "common/program.hpp"
#include "searcher/searcher.hpp"

namespace po = boost::program_options;

namespace newsdex::bench {

namespace {

struct QueriesArgs {
    std::string index_dir;
    std::string queries;
    int repeat = 1;
    int warmup = 1;
    std::string spies = "items";
    bool no_facet_cache = false;
    bool no_collapse = false;
    bool json = false;
};

std::optional<QueriesArgs> parse(int argc, char* argv[]) {
    QueriesArgs args;
    po::options_description visible("newsdex-bench queries options");
    add_help_option(visible, "show this help");
    add_index_option(visible, args.index_dir, "index to query");
    visible.add_options()("queries,q", po::value(&args.queries)->required()->value_name("FILE"),
                          "query workload (JSON Lines, see ../shared/bench/README.md)");
    add_count_option(visible, "repeat", args.repeat, "timed passes over the workload (1)", {1});
    add_count_option(visible, "warmup", args.warmup, "untimed passes first (1)");
    visible.add_options()(
        "spies", po::value(&args.spies)->value_name("KIND"),
        "facet spies: items (newsdex's) or stock (Xapian's, as remote shards use)")(
        "no-facet-cache", po::bool_switch(&args.no_facet_cache),
        "no caches: count facets with the spies, not through the Searcher's facet ordinal "
        "cache, and let BM25 read document lengths from the index, not from its length cache "
        "(both built on first use, then kept; on by default, as a server would run)")(
        "no-collapse", po::bool_switch(&args.no_collapse),
        "every copy of a story a hit of its own, as newsdex-search --no-collapse (to measure "
        "what collapsing costs)");
    add_json_option(visible, args.json);
    const char* usage = "Usage: newsdex-bench queries --index DIR --queries FILE [options]\n";
    if (!parse_command_line(argc, argv, visible, nullptr, usage)) return std::nullopt;
    return args;
}

/// The SearchRequest that answers one workload query: top 10 with snippets, BM25.
searcher::SearchRequest to_request(const WorkloadQuery& w) {
    searcher::SearchRequest r;
    r.limit = 10;
    if (w.query_class == "and") {
        for (const auto& word : split_words(w.q)) {
            if (!r.query.empty()) r.query += " AND ";
            r.query += word;
        }
    } else {
        r.query = w.q;  // term/or2 words (default OR), a quoted phrase, or range/source words
    }
    r.from = w.from;
    r.to = w.to;
    if (w.source) r.sources.push_back(*w.source);
    for (const auto& facet : w.facets) r.facets.push_back(facet == "month" ? "date" : facet);
    r.date_bucket = searcher::DateBucket::month;
    r.facet_limit = 20;  // the workload's top-20 entities; sources and months are fewer here
    return r;
}

/// Runs the workload `passes` times in file order, timing each search when `table` is given.
void run_passes(searcher::Searcher& searcher, const std::vector<WorkloadQuery>& workload,
                const std::vector<searcher::SearchRequest>& requests, int passes,
                LatencyTable* table) {
    for (int pass = 0; pass < passes; ++pass)
        for (std::size_t i = 0; i < requests.size(); ++i) {
            const Stopwatch watch;
            const auto result = searcher.search(requests[i]);
            const double micros = watch.microseconds();
            if (!table) continue;
            table->add(workload[i].query_class, micros);
            if (pass == 0) table->add_matches(workload[i].query_class, result.total);
        }
}

}  // namespace

int run_queries(int argc, char* argv[]) {
    const auto args = parse(argc, argv);
    if (!args) return 0;
    const auto workload = read_workload(args->queries);
    std::vector<searcher::SearchRequest> full;
    for (const auto& w : workload) full.push_back(to_request(w));
    for (auto& r : full) r.collapse = !args->no_collapse;
    // The same requests without snippets: match + facets + stored fields alone, so that
    // full minus this is what snippets cost.
    auto bare = full;
    for (auto& r : bare) r.snippet_length = 0;

    searcher::Searcher searcher(args->index_dir);
    searcher.use_facet_spies(parse_facet_spies(args->spies));
    searcher.use_caches(!args->no_facet_cache);
    LatencyTable with_snippets, without_snippets;
    run_passes(searcher, workload, full, args->warmup, nullptr);
    run_passes(searcher, workload, full, args->repeat, &with_snippets);
    run_passes(searcher, workload, bare, args->warmup, nullptr);
    run_passes(searcher, workload, bare, args->repeat, &without_snippets);

    if (!args->json) {
        std::cout << "newsdex, " << searcher.document_count() << " docs, " << workload.size()
                  << " queries x " << args->repeat << ":\n"
                  << with_snippets.text() << "without snippets (match + facets + stored fields):\n"
                  << without_snippets.text();
        return 0;
    }
    JsonWriter json;
    json.begin_object().key("engine").value("newsdex").key("mode").value("queries");
    json.key("docs").value(searcher.document_count());
    json.key("facet_cache").value(!args->no_facet_cache);
    json.key("collapse").value(!args->no_collapse);
    json.key("facet_cache_mb").value(static_cast<double>(searcher.facet_cache_bytes()) / 1e6);
    json.key("length_cache_mb").value(static_cast<double>(searcher.length_cache_bytes()) / 1e6);
    json.key("repeat").value(args->repeat).key("warmup").value(args->warmup);
    json.key("classes");
    with_snippets.write(json);
    json.key("classes_no_snippets");
    without_snippets.write(json);
    json.key("peak_rss_mb").value(peak_rss_mb()).end_object();
    std::cout << json.str() << '\n';
    return 0;
}

}  // namespace newsdex::bench
