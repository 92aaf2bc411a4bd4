/// @file index_command.cpp
/// @brief `newsdex-bench index`: builds fresh indexes and reports medians of throughput.
#include <filesystem>
#include <iostream>

#include "bench/bench_stats.hpp"
#include "bench/commands.hpp"
#include "common/error.hpp"
#include "common/program.hpp"
#include "corpus/readers/input_reader.hpp"
#include "indexer/index_run.hpp"

namespace po = boost::program_options;

namespace newsdex::bench {

namespace {

struct IndexArgs {
    indexer::IndexOptions options;
    std::vector<std::string> paths;
    int repeat = 1;
    bool json = false;
};

/// The size of the input: articles and UTF-8 bytes of title + body.
struct InputSize {
    std::uint64_t articles = 0;
    std::uint64_t text_bytes = 0;
};

std::optional<IndexArgs> parse(int argc, char* argv[]) {
    IndexArgs args;
    po::options_description visible("newsdex-bench index options");
    add_help_option(visible, "show this help");
    add_index_option(visible, args.options.index_dir,
                     "index folder; removed and rebuilt on every run");
    add_count_option(visible, "repeat", args.repeat, "builds to take the median of (1)", {1});
    add_count_option(visible, "batch-size", args.options.batch_size,
                     "documents per commit (newsdex-index's default: 1000)", {1});
    add_count_option(visible, "segment-size", args.options.segment_size,
                     "documents per segment, on two threads (newsdex-index's default: 20000; 0: "
                     "one writer thread into the index)");
    add_json_option(visible, args.json);
    const char* usage = "Usage: newsdex-bench index --index DIR [--repeat N] [--json] PATH...\n";
    if (!parse_command_line(argc, argv, visible, &args.paths, usage)) return std::nullopt;
    if (args.paths.empty()) throw UsageError("no input given (PATH...)");
    return args;
}

/// An untimed first read: it measures the input and leaves it in the page cache, so that
/// every timed build reads warm files, as the peers' builds do.
InputSize measure_input(const IndexArgs& args) {
    InputSize size;
    corpus::ArticleSink sink{[&](Article&& a) {
                                 ++size.articles;
                                 size.text_bytes += a.title.size() + a.body.size();
                             },
                             [](const ParseError&) {}};
    corpus::read_inputs(args.paths, args.options.read, sink);
    return size;
}

void report(const IndexArgs& args, const InputSize& input, const std::vector<double>& runs,
            const std::vector<double>& cpu_runs, double index_mb) {
    const double seconds = median(runs);
    const double docs_per_s = static_cast<double>(input.articles) / seconds;
    const double mb_per_s = static_cast<double>(input.text_bytes) / 1e6 / seconds;
    if (!args.json) {
        std::printf(
            "newsdex: %llu docs, %.1f MB text in %.2f s (median of %zu): %.0f docs/s, "
            "%.2f MB/s; index %.1f MB; peak RSS %.1f MB\n",
            static_cast<unsigned long long>(input.articles),
            static_cast<double>(input.text_bytes) / 1e6, seconds, runs.size(), docs_per_s, mb_per_s,
            index_mb, peak_rss_mb());
        return;
    }
    JsonWriter json;
    json.begin_object().key("engine").value("newsdex").key("mode").value("index");
    json.key("docs").value(input.articles);
    json.key("input_mb").value(static_cast<double>(input.text_bytes) / 1e6);
    json.key("runs_s").begin_array();
    for (double run : runs) json.value(run);
    json.end_array();
    json.key("seconds").value(seconds).key("cpu_s").value(median(cpu_runs));
    json.key("docs_per_s").value(docs_per_s);
    json.key("mb_per_s").value(mb_per_s).key("index_mb").value(index_mb);
    json.key("peak_rss_mb").value(peak_rss_mb()).end_object();
    std::cout << json.str() << '\n';
}

}  // namespace

int run_index(int argc, char* argv[]) {
    auto args = parse(argc, argv);
    if (!args) return 0;
    const InputSize input = measure_input(*args);
    std::vector<double> runs, cpu_runs;
    for (int run = 0; run < args->repeat; ++run) {
        std::filesystem::remove_all(args->options.index_dir);
        const double cpu_before = cpu_seconds();
        const Stopwatch watch;
        const auto summary = indexer::index_inputs(args->paths, args->options, {});
        runs.push_back(watch.seconds());
        cpu_runs.push_back(cpu_seconds() - cpu_before);
        if (summary.document_count != input.articles)
            std::cerr << "newsdex-bench: warning: indexed " << summary.document_count << " of "
                      << input.articles << " articles\n";
    }
    report(*args, input, runs, cpu_runs, disk_mb(args->options.index_dir));
    return 0;
}

}  // namespace newsdex::bench
