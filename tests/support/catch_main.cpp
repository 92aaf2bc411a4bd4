/// @file catch_main.cpp
/// @brief Catch2 main shared by the suites: reports corpus-dependent tests as skipped.
///
/// Catch2 v2 cannot skip a test at run time, so the decision is made here: without the shared
/// corpora, a suite that needs them as a whole exits 77 (ctest's SKIP_RETURN_CODE: shown as
/// "Skipped", never as passed) and the unit suite leaves out its tests tagged [corpus].
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>
#include <iostream>
#include <string>
#include <vector>

#include "support/test_support.hpp"

int main(int argc, char* argv[]) {
    std::vector<char*> args(argv, argv + argc);
    std::string exclude = "~[corpus]";
    if (!newsdex::test::have_shared_corpus()) {
        std::cerr << "shared corpus not found at " << newsdex::test::shared_corpus().string()
                  << ": ";
#ifdef NEWSDEX_TESTS_NEED_CORPUS
        std::cerr << "every test of this suite is skipped\n";
        return 77;
#else
        std::cerr << "tests tagged [corpus] are skipped\n";
        args.push_back(exclude.data());
#endif
    }
    return Catch::Session().run(static_cast<int>(args.size()), args.data());
}
