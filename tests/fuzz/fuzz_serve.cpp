/// @file fuzz_serve.cpp
/// @brief Fuzz target: newsdex-serve's request path over the sample corpus. The input is a
/// request target ("/search?q=oil&facets=source"), split and decoded as newsdex-serve does
/// (its path by cpp-httplib, its query string by query_parameters()), then answered by the
/// SearchService.
#include <httplib.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "fuzz_support.hpp"
#include "indexer/index_run.hpp"
#include "searcher/server/http_server.hpp"
#include "searcher/server/search_service.hpp"

namespace {

namespace fs = std::filesystem;

/// corpus/sample indexed into a temporary folder, removed when the fuzzer exits normally.
const fs::path& sample_index() {
    static const fs::path dir = [] {
        fs::path d = fs::temp_directory_path() / ("newsdex-fuzz-serve-" + std::to_string(getpid()));
        fs::remove_all(d);
        newsdex::indexer::IndexOptions options;
        options.index_dir = d.string();
        (void)newsdex::indexer::index_inputs({NEWSDEX_SAMPLE_CORPUS}, options, {});
        std::atexit([] { fs::remove_all(sample_index()); });
        return d;
    }();
    return dir;
}

/// The target as newsdex-serve reads a request line's.
newsdex::server::HttpRequest make_request(const std::string& target) {
    newsdex::server::HttpRequest request;
    const auto question = target.find('?');
    request.path = httplib::detail::decode_url(target.substr(0, question), false);
    if (question != std::string::npos)
        request.parameters =
            newsdex::server::query_parameters(std::string_view(target).substr(question + 1));
    return request;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static newsdex::server::SearchService service(sample_index().string(), 1);
    const auto response = service.handle(make_request(newsdex::fuzz::as_text(data, size)));
    // The service answers everything; a server error would be a bug in it, not in the input.
    if (response.status >= 500) std::abort();
    return 0;
}
