/// @file micro_bench.cpp
/// @brief newsdex-micro-bench: Google Benchmark timings of the hot-path pieces on real data.
///
/// Tokenising and stemming (what indexing spends on text), query parsing, facet counting (our
/// item spy against Xapian's stock spy) and snippet making, each on Reuters-21578 stories and
/// the shared query workload read at run time (NEWSDEX_SHARED, default ../shared).
#include <benchmark/benchmark.h>
#include <xapian.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>

#include "bench/micro/micro_data.hpp"
#include "common/error.hpp"
#include "common/language.hpp"
#include "common/schema.hpp"
#include "common/stored_fields.hpp"
#include "common/stored_fields_compression.hpp"
#include "searcher/query_builder.hpp"
#include "searcher/searcher.hpp"

namespace {

using namespace newsdex;

/// Reuters files read and indexed (1,000 stories each).
constexpr int kReutersFiles = 2;

std::optional<bench::MicroData> g_data;

const bench::MicroData& data() {
    return *g_data;
}

/// Title and body of every article through TermGenerator with the English stemmer and
/// positions, as the indexer does (schema 3: stems only, Z-prefixed, with positions; the
/// plain stemmer of stemmer_for()).
void BM_TokeniseAndStem(benchmark::State& state) {
    Xapian::TermGenerator generator;
    generator.set_stemmer(stemmer_for("en"));
    generator.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL);
    std::size_t i = 0, bytes = 0;
    for (auto _ : state) {
        const Article& article = data().articles[i++ % data().articles.size()];
        Xapian::Document doc;
        generator.set_document(doc);
        generator.index_text(article.title, 3, "Z");
        generator.increase_termpos(100);
        generator.index_text(article.body, 1, "Z");
        benchmark::DoNotOptimize(doc.termlist_count());
        bytes += article.title.size() + article.body.size();
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_TokeniseAndStem);

/// The English stemmer alone, over the words of the stories (lower-cased, as indexed).
void BM_Stem(benchmark::State& state) {
    std::vector<std::string> words;
    for (const auto& article : data().articles) {
        Xapian::TermGenerator generator;
        Xapian::Document doc;
        generator.set_document(doc);
        generator.index_text_without_positions(article.body);
        for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) words.push_back(*t);
    }
    const Xapian::Stem stemmer = stemmer_for("en");
    std::size_t i = 0;
    for (auto _ : state) benchmark::DoNotOptimize(stemmer(words[i++ % words.size()]));
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Stem);

searcher::SearchRequest to_request(const bench::WorkloadQuery& w) {
    searcher::SearchRequest request;
    request.query = w.q;
    request.from = w.from;
    request.to = w.to;
    if (w.source) request.sources.push_back(*w.source);
    return request;
}

/// QueryBuilder::build over the workload's queries (one builder, as a Searcher keeps it).
void BM_ParseQuery(benchmark::State& state) {
    const Xapian::Database db(data().index_dir);
    searcher::QueryBuilder builder(db, "");
    std::vector<searcher::SearchRequest> requests;
    for (const auto& w : data().queries) requests.push_back(to_request(w));
    std::size_t i = 0;
    for (auto _ : state) benchmark::DoNotOptimize(builder.build(requests[i++ % requests.size()]));
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ParseQuery);

/// The workload's facets (source, month, top-20 entities) over every story of the index:
/// argument 0 counts with newsdex's item spy, 1 with Xapian's stock spy, 2 through the
/// Searcher's facet cache (built by the first iteration, as a server's first facet search).
void BM_CountFacets(benchmark::State& state) {
    searcher::Searcher searcher(data().index_dir);
    const bool stock = state.range(0) == 1;
    const bool cached = state.range(0) == 2;
    searcher.use_facet_spies(stock ? searcher::FacetSpies::stock : searcher::FacetSpies::items);
    searcher.use_caches(cached);
    state.SetLabel(stock ? "stock spy" : cached ? "facet cache" : "item spy");
    searcher::SearchRequest request;  // empty query: every story
    request.facets = {"source", "date", "entity"};
    request.date_bucket = searcher::DateBucket::month;
    request.facet_limit = 20;
    request.snippet_length = 0;
    std::uint64_t matches = 0;
    for (auto _ : state) matches += searcher.search(request).total;
    state.SetItemsProcessed(static_cast<std::int64_t>(matches));  // items = matches counted
}
BENCHMARK(BM_CountFacets)->Arg(0)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond);

/// MSet::snippet of each of the top 10 hits' bodies, with the flags the searcher uses.
void BM_MakeSnippet(benchmark::State& state) {
    const Xapian::Database db(data().index_dir);
    Xapian::Enquire enquire(db);
    Xapian::QueryParser parser;
    parser.set_database(db);
    parser.set_stemmer(stemmer_for("en"));
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_ALL);
    parser.add_prefix("", "Z");  // as the searcher parses (schema 3)
    enquire.set_query(parser.parse_query("oil prices"));
    const Xapian::MSet mset = enquire.get_mset(0, 10);
    std::optional<StoredFieldsCompression> compression;  // an index of 1,000+ stories has one
    if (auto dictionary = db.get_metadata(std::string(schema::docdata_dictionary_key));
        !dictionary.empty())
        compression.emplace(std::move(dictionary));
    std::vector<std::string> bodies;
    std::string buffer;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        const std::string data = StoredFieldsCompression::record_of(it.get_document());
        bodies.push_back(
            StoredFields::decode(compression ? compression->expand(data, buffer) : data).body);
    }
    const Xapian::Stem stemmer("english");
    std::size_t i = 0;
    for (auto _ : state)
        benchmark::DoNotOptimize(mset.snippet(bodies[i++ % bodies.size()], 200, stemmer,
                                              Xapian::MSet::SNIPPET_EMPTY_WITHOUT_MATCH));
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_MakeSnippet);

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;
    const char* shared = std::getenv("NEWSDEX_SHARED");
    try {
        g_data = bench::load_micro_data(shared ? shared : NEWSDEX_DEFAULT_SHARED, kReutersFiles);
    } catch (const std::exception& e) {
        std::cerr << "newsdex-micro-bench: " << e.what() << '\n';
        return 1;
    }
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    std::filesystem::remove_all(g_data->index_dir);
    return 0;
}
