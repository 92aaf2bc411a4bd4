/// @file main.cpp
/// @brief newsdex-index: index news articles (JSON Lines, Reuters-21578 SGML) into Xapian.
#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <optional>
#include <thread>

#include "common/date.hpp"
#include "common/error.hpp"
#include "common/language.hpp"
#include "common/program.hpp"
#include "corpus/readers/article_field.hpp"
#include "indexer/indexer.hpp"

namespace po = boost::program_options;
using namespace newsdex;

namespace {

std::atomic<bool> g_stop{false};

extern "C" void request_stop(int) {
    g_stop = true;
}

const char* kUsage =
    "Usage: newsdex-index --index DIR [options] PATH...\n"
    "Index news articles into DIR (created if missing). PATH is a file, a folder (read\n"
    "recursively) or - for standard input. Indexing an article id again replaces it.\n\n"
    "Formats, detected per file or forced with --format: JSON Lines (*.jsonl: one article\n"
    "object per line: id, title|headline, body|text|content|article, date|published|\n"
    "publish_date, source|publisher|site, url|link, authors|author, language, entities,\n"
    "categories|category|section); JSON (*.json: one object or an array of them); CSV\n"
    "(*.csv, header row naming the same fields); text (*.txt: title line, blank line, body;\n"
    "folder = category); mail (From:/Subject: header block, e.g. Usenet; folder = newsgroup);\n"
    "Reuters-21578 SGML (reut2-*.sgm); scraped pages (*.txt with related-article listings\n"
    "or page furniture: one document per story). --field title=headline maps another column\n"
    "or key.\n\n"
    "Bad input is skipped with one warning on stderr (file:line: reason, or file: reason\n"
    "with a byte offset) and the run goes on: malformed JSON or CSV records, records with\n"
    "neither title nor body or with an impossible date, truncated compressed data (what was\n"
    "readable before the damage is kept), binary data, files and folders that cannot be read,\n"
    "FIFOs, devices and broken links met in a folder. An article body over\n"
    "--max-article-bytes is cut at a character boundary and indexed, with a warning.\n"
    "--strict makes the first of these fatal.\n\n"
    "Exit status: 0 all records indexed; 3 indexed, but some records were skipped or cut\n"
    "(each named on stderr, counted in the summary); 1 error (nothing committed before it is\n"
    "lost); 2 usage error; 130 stopped by Ctrl-C after committing what was read.\n\n"
    "Examples:\n"
    "  newsdex-index -d news.db corpus/sample/articles.jsonl\n"
    "  newsdex-index -d reuters.db ../shared/corpus/reuters21578\n"
    "  newsdex-index -d news.db --source Wikinews ../shared/corpus/wikinews\n"
    "  zcat dump.jsonl.gz | newsdex-index -d news.db --format jsonl -\n\n";

struct Arguments {
    indexer::IndexOptions options;
    std::vector<std::string> paths;
    bool quiet = false;
};

// Parses the command line; returns nothing when --help was printed.
std::optional<Arguments> parse_arguments(int argc, char* argv[]) {
    Arguments args;
    std::string format = "auto";
    std::string now;
    std::vector<std::string> fields;
    po::options_description visible("Options");
    visible.add_options()("help,h", "show this help and exit")(
        "index,d", po::value(&args.options.index_dir)->required()->value_name("DIR"),
        "index folder to create or update")(
        "format,f", po::value(&format)->value_name("FMT"),
        "auto (default), jsonl, json, csv, text, mail, reuters or page")(
        "field", po::value(&fields)->composing()->value_name("NAME=COLUMN"),
        "fill field NAME from CSV column or JSON key COLUMN (repeatable)")(
        "source", po::value(&args.options.read.source)->value_name("NAME"),
        "publisher of articles whose input names none")(
        "now", po::value(&now)->value_name("ISO-8601"),
        "count relative dates (\"17 minutes ago\" on scraped pages) from this moment "
        "instead of each file's modification time")(
        "language,l", po::value(&args.options.language)->value_name("LANG"),
        "stem every article in LANG, an ISO 639-1 code or Snowball name (default: each "
        "article's language, from the input or detected from its text)")(
        "strict", po::bool_switch(&args.options.strict),
        "stop at the first malformed record (or cut article) instead of skipping it")(
        "max-article-bytes", po::value(&args.options.read.max_article_bytes)->value_name("N"),
        "cut article bodies longer than N bytes (default: 4194304, 4 MiB)")(
        "no-extract",
        "do not extract people, organisations and places from the text "
        "(given entities are still indexed)")("batch-size",
                                              po::value(&args.options.batch_size)->value_name("N"),
                                              "documents per commit (default: 1000)")(
        "threads", po::value(&args.options.threads)->value_name("N"),
        "1: read, prepare and write on one thread. 2 or more: a new index is built by N "
        "threads at once, each writing segments of its own that are merged into the index at "
        "the end; into an index that holds documents, one thread prepares each document "
        "(entities, language, terms) while another writes the previous ones, in input order, "
        "with the same batches (default: the number of cores)")(
        "segment-size", po::value(&args.options.segment_size)->value_name("N"),
        "documents per segment of a new index built on several threads (default: 20000). The "
        "segments are written beside the index (DIR.segments) and the index appears whole at "
        "the end: until then it is empty, and a crash leaves it empty. 0: write a new index "
        "directly in committed batches, like an existing one (slower, but searchable while "
        "it grows, and a crash keeps every commit)")(
        "no-compact",
        "do not compact the index at the end of a run that at least doubled it (compacting "
        "takes a few seconds, needs write access to the index's parent folder and halves "
        "a new index; a new index built in segments is always merged into one)")(
        "wait-lock", po::value(&args.options.wait_lock_seconds)->value_name("SECONDS"),
        "wait up to SECONDS for another writer to finish instead of failing at once")(
        "quiet,q", po::bool_switch(&args.quiet), "no progress line and no summary");
    const auto command_line = parse_command_line(argc, argv, visible, args.paths, kUsage);
    if (!command_line) return std::nullopt;
    const po::variables_map& vm = *command_line;
    if (args.paths.empty()) throw UsageError("no input given (PATH... or - for stdin)");
    const auto parsed = corpus::parse_format(format);
    if (!parsed)
        throw UsageError("unknown --format '" + format +
                         "' (auto, jsonl, json, csv, text, mail, reuters, page)");
    args.options.read.format = *parsed;
    if (vm.count("now")) {
        const auto moment = parse_date(now);
        if (!moment) throw UsageError("--now '" + now + "' is not an ISO-8601 date or time");
        args.options.read.now = moment->seconds;
    }
    args.options.read.field_map = corpus::parse_field_map(fields);
    if (args.options.batch_size == 0) throw UsageError("--batch-size must be at least 1");
    if (args.options.read.max_article_bytes == 0)
        throw UsageError("--max-article-bytes must be at least 1");
    if (vm.count("language") && !has_stemmer(language_code(args.options.language)))
        throw UsageError("unknown --language '" + args.options.language +
                         "' (one of: " + stemmed_languages() + ")");
    if (!(args.options.wait_lock_seconds >= 0 && args.options.wait_lock_seconds <= 1e6))
        throw UsageError("--wait-lock must be a number of seconds from 0 to 1000000");
    args.options.extract_entities = vm.count("no-extract") == 0;
    args.options.compact = vm.count("no-compact") == 0;
    if (!vm.count("threads"))
        args.options.threads = std::max(1U, std::thread::hardware_concurrency());
    if (args.options.threads == 0) throw UsageError("--threads must be at least 1");
    return args;
}

void print_summary(const indexer::IndexSummary& summary) {
    std::printf(
        "added %llu, replaced %llu, skipped %llu, cut %llu in %.1f s (%.0f docs/s); "
        "the index holds %llu documents\n",
        static_cast<unsigned long long>(summary.added),
        static_cast<unsigned long long>(summary.replaced),
        static_cast<unsigned long long>(summary.skipped),
        static_cast<unsigned long long>(summary.cut), summary.seconds, summary.docs_per_second(),
        static_cast<unsigned long long>(summary.document_count));
    for (const auto& [reason, count] : summary.skipped_by_reason)
        std::printf("  skipped %llu: %s\n", static_cast<unsigned long long>(count), reason.c_str());
}

int run(int argc, char* argv[]) {
    auto args = parse_arguments(argc, argv);
    if (!args) return exit_code::ok;
    std::signal(SIGINT, request_stop);
    std::signal(SIGTERM, request_stop);
    args->options.stop_requested = &g_stop;

    const bool progress = !args->quiet && stderr_is_terminal();
    indexer::IndexCallbacks callbacks;
    callbacks.on_skip = [](const ParseError& problem) {
        std::cerr << "\rnewsdex-index: skipped " << problem.what() << '\n';
    };
    callbacks.on_cut = [](const ParseError& cut) {
        std::cerr << "\rnewsdex-index: cut " << cut.what() << '\n';
    };
    if (progress)
        callbacks.on_progress = [](const indexer::IndexProgress& p) {
            std::fprintf(stderr, "\r%llu documents, %.0f docs/s ",
                         static_cast<unsigned long long>(p.documents),
                         p.seconds > 0 ? static_cast<double>(p.documents) / p.seconds : 0.0);
        };

    const auto summary = indexer::index_inputs(args->paths, args->options, callbacks);
    if (progress) std::fputs("\r\033[K", stderr);
    if (!args->quiet) print_summary(summary);
    if (!summary.compact_problem.empty())
        std::cerr << "newsdex-index: warning: " << summary.compact_problem
                  << " (the index is complete, only not compacted)\n";
    if (summary.interrupted) {
        std::cerr << "newsdex-index: interrupted; committed " << summary.document_count
                  << " documents, rerun the same command to finish\n";
        return 130;
    }
    return summary.skipped > 0 || summary.cut > 0 ? exit_code::partial : exit_code::ok;
}

}  // namespace

int main(int argc, char* argv[]) {
    return run_program("index", [&] { return run(argc, argv); });
}
