/// @file fuzz_search.cpp
/// @brief Fuzz target: query parsing and searching over the sample corpus, with the request
/// options (sort, facets, page) drawn from the first two bytes and the rest as the query.
#include <unistd.h>

#include <array>
#include <filesystem>
#include <string>

#include "common/error.hpp"
#include "fuzz_support.hpp"
#include "indexer/index_run.hpp"
#include "searcher/searcher.hpp"

namespace {

namespace fs = std::filesystem;
using newsdex::searcher::SearchRequest;

/// corpus/sample indexed on disk with the indexer library, then copied into memory so that
/// nothing is left in the temporary folder, whichever way the fuzzer ends.
Xapian::Database sample_index() {
    const fs::path dir =
        fs::temp_directory_path() / ("newsdex-fuzz-search-" + std::to_string(getpid()));
    fs::remove_all(dir);
    newsdex::indexer::IndexOptions options;
    options.index_dir = dir.string();
    (void)newsdex::indexer::index_inputs({NEWSDEX_SAMPLE_CORPUS}, options, {});
    Xapian::WritableDatabase memory(std::string(), Xapian::DB_BACKEND_INMEMORY);
    {
        const Xapian::Database disk(dir.string());
        for (auto id = disk.postlist_begin(""); id != disk.postlist_end(""); ++id)
            memory.add_document(disk.get_document(*id));
    }
    fs::remove_all(dir);
    memory.commit();
    return memory;
}

/// The request the fuzzer's bytes describe: byte 0 picks the sort order and the facets,
/// byte 1 the offset and limit (0-15 each), the rest is the query string.
SearchRequest make_request(const std::uint8_t* data, std::size_t size) {
    constexpr std::array<const char*, 6> facet_names{"source", "date",  "entity",
                                                     "person", "place", "category"};
    SearchRequest request;
    const std::uint8_t options = size > 0 ? data[0] : 0;
    const std::uint8_t page = size > 1 ? data[1] : 0x10;
    request.sort = static_cast<newsdex::searcher::SortOrder>((options & 3) % 3);
    for (std::size_t i = 0; i < facet_names.size(); ++i)
        if (options & (4u << i)) request.facets.emplace_back(facet_names[i]);
    request.offset = page & 0x0f;
    request.limit = page >> 4;
    if (size > 2) request.query = newsdex::fuzz::as_text(data + 2, size - 2);
    return request;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static newsdex::searcher::Searcher searcher(sample_index());
    try {
        (void)searcher.search(make_request(data, size));
    } catch (const newsdex::UsageError&) {
        // A query that does not parse, or over a limit: the user is told why (exit 2).
    }
    return 0;
}
