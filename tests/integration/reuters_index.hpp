/// @file reuters_index.hpp
/// @brief All of Reuters-21578 in one on-disk index, shared by the integration cases.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "common/stored_fields.hpp"
#include "indexer/batch_writer.hpp"
#include "indexer/document_preparer.hpp"
#include "indexer/index_run.hpp"
#include "searcher/search_request.hpp"
#include "searcher/search_result.hpp"

namespace newsdex::test {

/// The stories of Reuters-21578.
inline constexpr std::uint64_t kReutersStories = 21578;

/// The shared index and what the run that built it said.
struct BuiltIndex {
    std::filesystem::path dir;
    indexer::IndexSummary summary;
};

/// The index, built once (per process, or per ctest run: built_once).
[[nodiscard]] const BuiltIndex& reuters_index();

/// `request` run on the index by a new Searcher.
[[nodiscard]] searcher::SearchResult search(searcher::SearchRequest request);

/// A request for `text`, `limit` hits.
[[nodiscard]] searcher::SearchRequest query(std::string text, std::uint32_t limit = 10);

/// The facet `name` of a result (REQUIREs it).
[[nodiscard]] const searcher::Facet& facet(const searcher::SearchResult& result,
                                           const std::string& name);

/// Every facet of a result as "facet value=count" lines, each count multiplied by `times`.
[[nodiscard]] std::vector<std::string> facet_lines(const searcher::SearchResult& result,
                                                   std::uint64_t times = 1);

/// A request for every value of every facet.
[[nodiscard]] searcher::SearchRequest all_facets(std::string text);

/// The stored title and body of a hit, from the index.
[[nodiscard]] StoredFields stored(const std::string& id);

}  // namespace newsdex::test
