/// @file main.cpp
/// @brief newsdex-index: index news articles (JSON Lines, Reuters-21578 SGML) into Xapian.
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <string>

#include "common/program.hpp"
#include "indexer/delete_run.hpp"
#include "indexer/failed_commit.hpp"
#include "indexer/index_command_line.hpp"
#include "indexer/index_run.hpp"
#include "indexer/progress_line.hpp"

using namespace newsdex;

namespace {

std::atomic<bool> g_stop{false};

extern "C" void request_stop(int) {
    g_stop = true;
}

std::string g_index_dir;  // set once, before any thread starts
std::atomic<bool> g_terminating{false};

// Xapian 1.4 can end the process from inside a commit that failed to write (see
// indexer/failed_commit.hpp): report it as the caught write error it is and remove the run's
// scratch folders, rather than abort with "terminate called after throwing ...".
[[noreturn]] void on_terminate() noexcept {
    if (g_terminating.exchange(true)) {  // another thread is already reporting
        for (;;) ::pause();
    }
    if (const auto message =
            indexer::FailedCommit::describe(g_index_dir, std::current_exception())) {
        indexer::FailedCommit::remove_scratch_folders();
        std::fprintf(stderr, "newsdex-index: %s\n", message->c_str());
        std::fflush(stderr);
        std::_Exit(exit_code::runtime_error);
    }
    std::abort();
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
    if (summary.date_invalid > 0)
        std::printf("  date_invalid %llu: indexed without a date\n",
                    static_cast<unsigned long long>(summary.date_invalid));
    if (summary.copy_clusters > 0)
        std::printf("  copies: %llu stories are in the index more than once (%llu documents)\n",
                    static_cast<unsigned long long>(summary.copy_clusters),
                    static_cast<unsigned long long>(summary.copy_documents));
    if (summary.entity_merges > 0)
        std::printf(
            "  entities: %llu names joined to another name of the same entity (%llu "
            "documents)\n",
            static_cast<unsigned long long>(summary.entity_merges),
            static_cast<unsigned long long>(summary.entity_documents));
}

// Deletes by id; exit 3 when some ids were not in the index, as a run that left records out.
int run_deletes(const indexer::IndexCommandLine& args) {
    const auto summary = indexer::delete_documents(args.delete_ids, args.options);
    for (const auto& id : summary.not_found)
        std::cerr << "newsdex-index: not found: " << id << '\n';
    if (!args.quiet)
        std::printf("deleted %llu, not found %llu in %.1f s; the index holds %llu documents\n",
                    static_cast<unsigned long long>(summary.deleted),
                    static_cast<unsigned long long>(summary.not_found.size()), summary.seconds,
                    static_cast<unsigned long long>(summary.document_count));
    if (summary.interrupted) {
        std::cerr << "newsdex-index: interrupted; committed " << summary.deleted
                  << " deletions, rerun the same command to finish\n";
        return 130;
    }
    return summary.not_found.empty() ? exit_code::ok : exit_code::partial;
}

int run(int argc, char* argv[]) {
    auto args = indexer::parse_index_command_line(argc, argv);
    if (!args) return exit_code::ok;
    std::signal(SIGINT, request_stop);
    std::signal(SIGTERM, request_stop);
    args->options.stop_requested = &g_stop;
    g_index_dir = args->options.index_dir;
    std::set_terminate(on_terminate);
    if (args->deleting) return run_deletes(*args);

    const bool progress = !args->quiet && stderr_is_terminal();
    indexer::IndexCallbacks callbacks;
    callbacks.on_skip = [](const ParseError& problem) {
        std::cerr << "\rnewsdex-index: skipped " << problem.what() << '\n';
    };
    callbacks.on_cut = [](const ParseError& cut) {
        std::cerr << "\rnewsdex-index: cut " << cut.what() << '\n';
    };
    callbacks.on_date_invalid = [](const ParseError& undated) {
        std::cerr << "\rnewsdex-index: undated " << undated.what() << '\n';
    };
    if (progress)
        callbacks.on_progress = [](const indexer::IndexProgress& p) {
            const std::string line = indexer::progress_line(p, terminal_width() - 1);
            std::fprintf(stderr, "\r%s\033[K", line.c_str());
        };

    const auto summary = indexer::index_inputs(args->paths, args->options, callbacks);
    if (progress) std::fputs("\r\033[K", stderr);
    if (!args->quiet) print_summary(summary);
    if (!summary.compact_problem.empty())
        std::cerr << "newsdex-index: warning: " << summary.compact_problem
                  << " (the index is complete, only not compacted)\n";
    if (summary.interrupted) {
        std::cerr << "newsdex-index: interrupted; this run added " << summary.added
                  << " and replaced " << summary.replaced
                  << " documents, all committed; the index holds " << summary.document_count
                  << ". Rerun the same command to finish\n";
        return 130;
    }
    const bool partial = summary.skipped > 0 || summary.cut > 0 || summary.date_invalid > 0;
    return partial ? exit_code::partial : exit_code::ok;
}

}  // namespace

int main(int argc, char* argv[]) {
    return run_program("index", [&] { return run(argc, argv); });
}
