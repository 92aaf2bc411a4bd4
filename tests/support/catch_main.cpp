/// @file catch_main.cpp
/// @brief Catch2 main shared by the suites: reports corpus-dependent tests as skipped.
///
/// Catch2 v2 cannot skip a test at run time, so the decision is made here: without the shared
/// corpora, a run of a suite that needs them as a whole, or of cases that are all tagged
/// [corpus] (ctest runs one case per process), exits 77 (ctest's SKIP_RETURN_CODE: shown as
/// "Skipped", never as passed); a run that mixes them leaves out the [corpus] ones. Listing
/// the cases (ctest's discovery, at build time) lists them all, corpus or not.
#define CATCH_CONFIG_RUNNER
#include <algorithm>
#include <catch2/catch.hpp>
#include <iostream>
#include <string>

#include "support/child_process.hpp"
#include "support/test_support.hpp"

namespace {

bool listing(const Catch::ConfigData& data) {
    return data.listTests || data.listTestNamesOnly || data.listTags || data.listReporters ||
           data.showHelp || data.libIdentify;
}

[[maybe_unused]] bool needs_corpus(const Catch::TestCase& test) {
    return std::find(test.lcaseTags.begin(), test.lcaseTags.end(), "corpus") !=
           test.lcaseTags.end();
}

}  // namespace

int main(int argc, char* argv[]) {
    Catch::Session session;
    if (const int code = session.applyCommandLine(argc, argv); code != 0) return code;
#ifdef NEWSDEX_TESTS_NEED_BROWSER
    // The browser suite drives Debian's chromium through chromium-driver (./setup.sh test
    // installs both).
    if (!listing(session.configData()) && (newsdex::test::find_on_path("chromium").empty() ||
                                           newsdex::test::find_on_path("chromedriver").empty())) {
        std::cerr << "chromium or chromedriver not on PATH: every test of this suite is skipped\n";
        return 77;
    }
#endif
    if (!listing(session.configData()) && !newsdex::test::have_shared_corpus()) {
        std::cerr << "shared corpus not found at " << newsdex::test::shared_corpus().string()
                  << ": ";
#ifdef NEWSDEX_TESTS_NEED_CORPUS
        std::cerr << "every test of this suite is skipped\n";
        return 77;
#else
        const Catch::Config& config = session.config();
        const auto selected =
            Catch::filterTests(Catch::getAllTestCasesSorted(config), config.testSpec(), config);
        if (!selected.empty() && std::all_of(selected.begin(), selected.end(), needs_corpus)) {
            std::cerr << "the tests asked for are tagged [corpus]: skipped\n";
            return 77;
        }
        std::cerr << "tests tagged [corpus] are skipped\n";
        Catch::ConfigData data = session.configData();
        data.testsOrTags.push_back("~[corpus]");
        session.useConfigData(data);
#endif
    }
    return session.run();
}
