/// @file facets_command.cpp
/// @brief `newsdex-bench facets`: facet latency against the number of matches.
///
/// Exact facets walk every match, so their cost should grow linearly with the match count
/// and stay flat per match as the index grows. This picks words whose document frequency is
/// nearest to a ladder of targets (plus the empty query, which matches everything) and times
/// the facet query of the workloads (source, month histogram, top-20 entities) for each.
#include <xapian.h>

#include <cmath>
#include <iostream>

#include "bench/bench_stats.hpp"
#include "bench/commands.hpp"
#include "common/error.hpp"
#include "common/program.hpp"
#include "common/schema.hpp"
#include "searcher/searcher.hpp"

namespace po = boost::program_options;

namespace newsdex::bench {

namespace {

struct FacetsArgs {
    std::string index_dir;
    int repeat = 20;
    std::string spies = "items";
    bool no_facet_cache = false;
    bool json = false;
};

std::optional<FacetsArgs> parse(int argc, char* argv[]) {
    FacetsArgs args;
    po::options_description visible("newsdex-bench facets options");
    add_help_option(visible, "show this help");
    add_index_option(visible, args.index_dir, "index to query");
    add_count_option(visible, "repeat", args.repeat, "timed runs per query (20)", {1});
    visible.add_options()(
        "spies", po::value(&args.spies)->value_name("KIND"),
        "facet spies: items (newsdex's) or stock (Xapian's, as remote shards use)")(
        "no-facet-cache", po::bool_switch(&args.no_facet_cache),
        "count facets with the spies, not through the Searcher's facet ordinal cache (built "
        "on the first faceted search, then kept; on by default, as a server would run)");
    add_json_option(visible, args.json);
    const char* usage = "Usage: newsdex-bench facets --index DIR [options]\n";
    if (!parse_command_line(argc, argv, visible, nullptr, usage)) return std::nullopt;
    return args;
}

/// For each target fraction of the index, the stem whose frequency is nearest to it (as a
/// query it is stemmed again, which leaves nearly every stem as it is).
std::vector<std::string> ladder_words(const Xapian::Database& db) {
    const double docs = db.get_doccount();
    const double fractions[] = {0.001, 0.005, 0.02, 0.05, 0.1, 0.25, 0.5};
    std::vector<std::string> best(std::size(fractions));
    std::vector<double> distance(std::size(fractions), INFINITY);
    // Text terms are stems under `Z` (title ones under `ZS`); only letters make words.
    const std::string text(schema::prefix::text);
    for (auto t = db.allterms_begin(text); t != db.allterms_end(text); ++t) {
        const std::string word = (*t).substr(text.size());
        if (word.size() < 3 || word.find_first_not_of("abcdefghijklmnopqrstuvwxyz") != word.npos)
            continue;
        for (std::size_t i = 0; i < best.size(); ++i) {
            const double d = std::fabs(std::log(t.get_termfreq() / (fractions[i] * docs)));
            if (d < distance[i]) distance[i] = d, best[i] = word;
        }
    }
    best.emplace_back();  // the empty query: every document
    return best;
}

searcher::SearchRequest facet_request(const std::string& word) {
    searcher::SearchRequest r;
    r.query = word;
    r.limit = 10;
    r.snippet_length = 0;  // facets alone
    r.facets = {"source", "date", "entity"};
    r.date_bucket = searcher::DateBucket::month;
    r.facet_limit = 20;
    return r;
}

}  // namespace

searcher::FacetSpies parse_facet_spies(const std::string& name) {
    if (name == "items") return searcher::FacetSpies::items;
    if (name == "stock") return searcher::FacetSpies::stock;
    throw UsageError("--spies \"" + name + "\": use items or stock");
}

int run_facets(int argc, char* argv[]) {
    const auto args = parse(argc, argv);
    if (!args) return 0;
    searcher::Searcher searcher(args->index_dir);
    searcher.use_facet_spies(parse_facet_spies(args->spies));
    searcher.use_caches(!args->no_facet_cache);
    // The first faceted search builds the facet cache (when on): timed alone, with its size.
    const Stopwatch first_watch;
    (void)searcher.search(facet_request(""));
    const double first_us = first_watch.microseconds();
    const double cache_mb = static_cast<double>(searcher.facet_cache_bytes()) / 1e6;
    JsonWriter json;
    json.begin_object().key("engine").value("newsdex").key("mode").value("facets");
    json.key("spies").value(args->spies).key("facet_cache").value(!args->no_facet_cache);
    json.key("first_search_us").value(first_us).key("facet_cache_mb").value(cache_mb);
    json.key("docs").value(searcher.document_count()).key("rows").begin_array();
    if (!args->json)
        std::printf(
            "first search (all documents%s): %.0f us; facet cache %.1f MB\n"
            "query            matches    p50 us    p99 us   ns/match\n",
            args->no_facet_cache ? "" : ", builds the cache", first_us, cache_mb);
    for (const auto& word : ladder_words(Xapian::Database(args->index_dir))) {
        const auto request = facet_request(word);
        const std::uint64_t matches = searcher.search(request).total;  // also the warm-up
        std::vector<double> samples;
        for (int i = 0; i < args->repeat; ++i) {
            const Stopwatch watch;
            (void)searcher.search(request);
            samples.push_back(watch.microseconds());
        }
        const double p50 = percentile(samples, 0.5), p99 = percentile(samples, 0.99);
        const double per_match = matches ? p50 * 1000 / static_cast<double>(matches) : 0;
        json.begin_object().key("query").value(word).key("matches").value(matches);
        json.key("p50_us").value(p50).key("p99_us").value(p99);
        json.key("ns_per_match").value(per_match).end_object();
        if (!args->json)
            std::printf("%-14s %9llu %9.0f %9.0f %10.1f\n", word.empty() ? "(all)" : word.c_str(),
                        static_cast<unsigned long long>(matches), p50, p99, per_match);
    }
    json.end_array().end_object();
    if (args->json) std::cout << json.str() << '\n';
    return 0;
}

}  // namespace newsdex::bench
