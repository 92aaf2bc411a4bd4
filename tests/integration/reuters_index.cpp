/// @file reuters_index.cpp
/// @brief The shared Reuters-21578 index: built once, kept with its run's summary.
#include "integration/reuters_index.hpp"

#include <xapian.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>

#include "common/schema.hpp"
#include "common/stored_fields_compression.hpp"
#include "searcher/searcher.hpp"
#include "support/test_support.hpp"

namespace newsdex::test {

namespace fs = std::filesystem;

namespace {

/// A run's summary in a file, for the processes that find the index built (built_once).
void save_summary(const fs::path& file, const indexer::IndexSummary& s) {
    std::ofstream out(file);
    out << s.added << ' ' << s.replaced << ' ' << s.skipped << ' ' << s.cut << ' '
        << s.document_count << ' ' << s.seconds << ' ' << s.interrupted << ' ' << s.compacted << ' '
        << s.skipped_by_reason.size() << '\n';
    for (const auto& [reason, count] : s.skipped_by_reason) out << reason << '\n' << count << '\n';
    out << s.compact_problem;
}

indexer::IndexSummary load_summary(const fs::path& file) {
    indexer::IndexSummary s;
    std::ifstream in(file);
    std::size_t reasons = 0;
    in >> s.added >> s.replaced >> s.skipped >> s.cut >> s.document_count >> s.seconds >>
        s.interrupted >> s.compacted >> reasons;
    in.ignore();
    for (std::string reason, count;
         reasons > 0 && std::getline(in, reason) && std::getline(in, count); --reasons)
        s.skipped_by_reason[reason] = std::stoull(count);
    std::getline(in, s.compact_problem, '\0');  // the rest of the file
    return s;
}

}  // namespace

// Built once for the whole suite: indexing 21,578 stories is the expensive part. Once per
// ctest run, which runs each case in a process of its own (test::built_once).
const BuiltIndex& reuters_index() {
    static const BuiltIndex built = [] {
        const fs::path dir = test::built_once("reuters-index", [](const fs::path& folder) {
            indexer::IndexOptions options;
            options.index_dir = (folder / "index").string();
            save_summary(folder / "summary",
                         indexer::index_inputs({test::reuters_dir().string()}, options, {}));
        });
        return BuiltIndex{dir / "index", load_summary(dir / "summary")};
    }();
    return built;
}

searcher::SearchResult search(searcher::SearchRequest request) {
    searcher::Searcher s(reuters_index().dir.string());
    return s.search(request);
}

searcher::SearchRequest query(std::string text, std::uint32_t limit) {
    searcher::SearchRequest request;
    request.query = std::move(text);
    request.limit = limit;
    return request;
}

const searcher::Facet& facet(const searcher::SearchResult& result, const std::string& name) {
    const auto found = std::find_if(result.facets.begin(), result.facets.end(),
                                    [&name](const auto& f) { return f.name == name; });
    REQUIRE(found != result.facets.end());
    return *found;
}

/// Every facet of a result as "facet value=count" lines, each count multiplied by `times`.
std::vector<std::string> facet_lines(const searcher::SearchResult& result, std::uint64_t times) {
    std::vector<std::string> lines;
    for (const auto& f : result.facets) {
        for (const auto& v : f.values)
            lines.push_back(f.name + " " + v.value + "=" + std::to_string(v.count * times));
        lines.push_back(f.name + " others=" + std::to_string(f.other_values));
    }
    return lines;
}

/// A request for every value of every facet.
searcher::SearchRequest all_facets(std::string text) {
    auto request = query(std::move(text));
    request.facets = {"source", "date", "entity", "person", "org", "place", "category"};
    request.facet_limit = 0;
    return request;
}

/// The stored title and body of a hit, from the index.
StoredFields stored(const std::string& id) {
    const Xapian::Database db(reuters_index().dir.string());
    const auto posting = db.postlist_begin(schema::id_term(id));
    REQUIRE(posting != db.postlist_end(schema::id_term(id)));
    StoredFieldsCompression compression(
        db.get_metadata(std::string(schema::docdata_dictionary_key)));
    std::string buffer;
    return StoredFields::decode(
        compression.expand(StoredFieldsCompression::record_of(db.get_document(*posting)), buffer));
}

}  // namespace newsdex::test
