/// @file test_reuters_index.cpp
/// @brief End to end on all of Reuters-21578: build a real on-disk index, then search it.
#include <xapian.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cctype>
#include <cmath>
#include <numeric>
#include <regex>
#include <set>

#include "common/date.hpp"
#include "common/json_writer.hpp"
#include "common/schema.hpp"
#include "common/stored_fields.hpp"
#include "common/stored_fields_compression.hpp"
#include "common/text.hpp"
#include "corpus/readers/input_reader.hpp"
#include "indexer/indexer.hpp"
#include "searcher/bm25_source.hpp"
#include "searcher/document_lengths.hpp"
#include "searcher/query_builder.hpp"
#include "searcher/searcher.hpp"
#include "support/article_collector.hpp"
#include "support/test_support.hpp"

using namespace newsdex;
namespace fs = std::filesystem;

namespace {

constexpr std::uint64_t kReutersStories = 21578;

struct BuiltIndex {
    fs::path dir;
    indexer::IndexSummary summary;
};

// Built once for the whole suite: indexing 21,578 stories is the expensive part.
const BuiltIndex& reuters_index() {
    static const BuiltIndex built = [] {
        BuiltIndex b;
        b.dir = test::fresh_dir("reuters-index");
        indexer::IndexOptions options;
        options.index_dir = b.dir.string();
        b.summary = indexer::index_inputs({test::reuters_dir().string()}, options, {});
        return b;
    }();
    return built;
}

searcher::SearchResult search(searcher::SearchRequest request) {
    searcher::Searcher s(reuters_index().dir.string());
    return s.search(request);
}

searcher::SearchRequest query(std::string text, std::uint32_t limit = 10) {
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
std::vector<std::string> facet_lines(const searcher::SearchResult& result,
                                     std::uint64_t times = 1) {
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

/// Whether `text` has two adjacent words whose English stems are `first` and `second`. Words
/// are runs of letters, digits and inner apostrophes, lower-cased, as Xapian splits them.
bool has_adjacent_stems(const std::string& text, const std::string& first,
                        const std::string& second) {
    const Xapian::Stem stem("english");
    std::string previous;
    std::string word;
    const auto word_byte = [](unsigned char c) { return std::isalnum(c) || c >= 0x80; };
    for (std::size_t i = 0; i <= text.size(); ++i) {
        const auto c = i < text.size() ? static_cast<unsigned char>(text[i]) : ' ';
        const bool inner_apostrophe = c == '\'' && !word.empty() && i + 1 < text.size() &&
                                      word_byte(static_cast<unsigned char>(text[i + 1]));
        if (word_byte(c) || inner_apostrophe) {
            word += static_cast<char>(std::tolower(c));
            continue;
        }
        if (word.empty()) continue;
        const std::string current = stem(word);
        if (previous == first && current == second) return true;
        previous = current;
        word.clear();
    }
    return false;
}

std::uint64_t sum_counts(const searcher::Facet& f) {
    return std::accumulate(f.values.begin(), f.values.end(), std::uint64_t{0},
                           [](std::uint64_t n, const auto& v) { return n + v.count; });
}

}  // namespace

TEST_CASE("every Reuters story is indexed once", "[reuters]") {
    const auto& built = reuters_index();
    CHECK(built.summary.added == kReutersStories);
    CHECK(built.summary.skipped == 0);
    CHECK(built.summary.document_count == kReutersStories);
    CHECK(searcher::Searcher(built.dir.string()).document_count() == kReutersStories);
}

TEST_CASE("stories after the first thousand are stored compressed with the index's dictionary",
          "[reuters][stored]") {
    const Xapian::Database db(reuters_index().dir.string());
    const std::string dictionary = db.get_metadata(std::string(schema::docdata_dictionary_key));
    REQUIRE_FALSE(dictionary.empty());
    StoredFieldsCompression compression(dictionary);
    std::string buffer;
    std::uint64_t compressed = 0;
    for (Xapian::docid id = 1; id <= db.get_lastdocid(); ++id) {
        const Xapian::Document document = db.get_document(id);
        const std::string data = StoredFieldsCompression::record_of(document);
        // The first thousand stories trained the dictionary: written before it existed, they
        // stay plain, as document data; the others are a value, with no document data.
        CHECK(StoredFieldsCompression::is_compressed(data) == document.get_data().empty());
        compressed += StoredFieldsCompression::is_compressed(data);
        const auto fields = StoredFields::decode(compression.expand(data, buffer));
        REQUIRE(fields.id.starts_with("reuters-"));
    }
    // Built in segments by two threads, which share one dictionary: while one trains it, the
    // other waits, so at most one more story than the samples is written before it exists.
    CHECK(compressed >= kReutersStories - 1000 - 1);
    // A later run adds with the same dictionary (see the re-indexing case): one per index.
}

TEST_CASE("re-indexing replaces documents instead of adding them", "[reuters]") {
    const auto& built = reuters_index();
    indexer::IndexOptions options;
    options.index_dir = built.dir.string();
    const auto again = indexer::index_inputs({(test::reuters_dir() / "reut2-000.sgm").string(),
                                              (test::reuters_dir() / "reut2-021.sgm").string()},
                                             options, {});
    CHECK(again.added == 0);
    CHECK(again.replaced == 1578);
    CHECK(again.document_count == kReutersStories);
    // Replaced with the dictionary the index already had: the first story is compressed now.
    CHECK(stored("reuters-1").title == "BAHIA COCOA REVIEW");
    const Xapian::Database db(built.dir.string());
    const auto posting = db.postlist_begin(schema::id_term("reuters-1"));
    CHECK(StoredFieldsCompression::is_compressed(
        StoredFieldsCompression::record_of(db.get_document(*posting))));
}

TEST_CASE("a run that builds an index compacts it in place", "[reuters][compact]") {
    const auto& built = reuters_index();
    CHECK(built.summary.compacted);
    CHECK(built.summary.compact_problem.empty());
    CHECK_FALSE(fs::exists(built.dir.string() + ".compacting"));
    CHECK_FALSE(fs::exists(built.dir.string() + ".segments"));
    // The same file written directly, without compacting, is much larger: every commit after
    // the first leaves half-empty blocks behind.
    const std::string one_file = (test::reuters_dir() / "reut2-003.sgm").string();
    std::uint64_t bytes[2] = {0, 0};
    for (const bool compact : {false, true}) {
        indexer::IndexOptions options;
        options.index_dir = test::fresh_dir(compact ? "compacted" : "not-compacted").string();
        options.compact = compact;
        options.segment_size = 0;  // directly into the index, which a segmented build is not
        options.batch_size = 250;
        const auto summary = indexer::index_inputs({one_file}, options, {});
        CHECK(summary.compacted == compact);
        CHECK(summary.document_count == 1000);
        CHECK(Xapian::Database(options.index_dir).get_doccount() == 1000);
        for (const auto& file : fs::directory_iterator(options.index_dir))
            bytes[compact] += file.file_size();
    }
    CHECK(bytes[1] * 4 < bytes[0] * 3);
}

TEST_CASE("a writer thread builds the same index as one thread, in input order", "[reuters]") {
    const std::string one_file = (test::reuters_dir() / "reut2-007.sgm").string();
    std::vector<std::string> lists[2];  // per docid: the document's terms, joined
    for (const unsigned threads : {1U, 2U}) {
        indexer::IndexOptions options;
        options.index_dir = test::fresh_dir("threads-" + std::to_string(threads)).string();
        options.threads = threads;
        options.segment_size = 0;  // one writer thread, not segments
        options.batch_size = 300;  // commits while the queue is full
        CHECK(indexer::index_inputs({one_file}, options, {}).document_count == 1000);
        const Xapian::Database db(options.index_dir);
        for (Xapian::docid id = 1; id <= db.get_lastdocid(); ++id) {
            std::string terms;
            for (auto t = db.termlist_begin(id); t != db.termlist_end(id); ++t) terms += *t + ' ';
            lists[threads - 1].push_back(terms);
        }
    }
    CHECK(lists[0].size() == 1000);
    CHECK(lists[0] == lists[1]);
}

namespace {

// Every document of an index by its id term: its terms with wdf and positions, its length,
// its values (the stored-fields slot aside) and its stored fields, expanded. What a search
// can tell apart, but the docids and how the record is compressed.
std::map<std::string, std::string> documents_by_id(const std::string& dir) {
    const Xapian::Database db(dir);
    std::optional<StoredFieldsCompression> compression;
    if (auto dictionary = db.get_metadata(std::string(schema::docdata_dictionary_key));
        !dictionary.empty())
        compression.emplace(std::move(dictionary));
    std::map<std::string, std::string> documents;
    std::string buffer;
    for (auto posting = db.postlist_begin(""); posting != db.postlist_end(""); ++posting) {
        const Xapian::Document document = db.get_document(*posting);
        std::string id, described = std::to_string(db.get_doclength(*posting));
        for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term) {
            if ((*term).starts_with(schema::prefix::id)) id = *term;
            described += ' ' + *term + '/' + std::to_string(term.get_wdf());
            for (auto at = term.positionlist_begin(); at != term.positionlist_end(); ++at)
                described += ',' + std::to_string(*at);
        }
        for (auto value = document.values_begin(); value != document.values_end(); ++value)
            if (value.get_valueno() != schema::slot::stored_fields)
                described += " v" + std::to_string(value.get_valueno()) + '=' + *value;
        const std::string record = StoredFieldsCompression::record_of(document);
        described += " | ";
        described += compression ? compression->expand(record, buffer) : record;
        REQUIRE(documents.emplace(id, described).second);  // each id once
    }
    return documents;
}

// The first `count` stories of reut2-000.sgm again, retitled "second ...", as JSON Lines.
fs::path second_versions(std::size_t count) {
    test::ArticleCollector stories;
    corpus::read_inputs({(test::reuters_dir() / "reut2-000.sgm").string()}, {}, stories.sink());
    REQUIRE(stories.articles.size() >= count);
    std::string lines;
    for (std::size_t i = 0; i < count; ++i) {
        const Article& story = stories.articles[i];
        JsonWriter line;
        line.begin_object().key("id").value(story.id).key("title").value("second " + story.title);
        line.key("body").value(story.body).key("source").value(story.source);
        if (story.date) line.key("date").value(format_iso(*story.date));
        lines += line.end_object().str() + '\n';
    }
    const fs::path file = test::fresh_dir("second-versions") / "second.jsonl";
    test::write_file(file, lines);
    return file;
}

}  // namespace

TEST_CASE("a new index built in segments holds what one writer builds, replacements included",
          "[reuters][segments]") {
    // Five thousand stories, then the first thousand again, changed: in segments of 700 on two
    // threads, each second version lands in a later segment than its first.
    std::vector<std::string> inputs;
    for (const char* file :
         {"reut2-000.sgm", "reut2-001.sgm", "reut2-002.sgm", "reut2-003.sgm", "reut2-004.sgm"})
        inputs.push_back((test::reuters_dir() / file).string());
    inputs.push_back(second_versions(1000).string());

    std::map<std::string, std::string> documents[2];
    for (const bool segmented : {false, true}) {
        indexer::IndexOptions options;
        options.index_dir = test::fresh_dir(segmented ? "segmented" : "direct").string();
        options.threads = segmented ? 2 : 1;
        options.segment_size = segmented ? 700 : 0;
        const auto summary = indexer::index_inputs(inputs, options, {});
        CHECK(summary.added == 5000);
        CHECK(summary.replaced == 1000);
        CHECK(summary.document_count == 5000);
        CHECK(summary.compacted);
        CHECK_FALSE(fs::exists(options.index_dir + ".segments"));
        documents[segmented] = documents_by_id(options.index_dir);
        // The later version won: it is what the index stores for the id.
        searcher::Searcher searcher(options.index_dir);
        CHECK(searcher.document_count() == 5000);
        auto request = query("id:reuters-1");
        CHECK(searcher.search(request).hits.at(0).title == "second BAHIA COCOA REVIEW");
    }
    CHECK(documents[0].size() == 5000);
    CHECK(documents[0] == documents[1]);
}

TEST_CASE("an unfinished batch is never committed, not even by the Indexer's end", "[reuters]") {
    indexer::IndexOptions options;
    options.index_dir = test::fresh_dir("unfinished-batch").string();
    options.batch_size = 300;
    {
        indexer::Indexer writer(options);
        corpus::ArticleSink sink;
        sink.on_article = [&writer](Article&& article) { writer.add(std::move(article)); };
        sink.on_problem = [](const ParseError&) {};
        corpus::read_inputs({(test::reuters_dir() / "reut2-000.sgm").string()}, options.read, sink);
        CHECK(writer.indexed() == 1000);
        CHECK(writer.committed_count() == 900);
    }  // destroyed with 100 documents pending, as after a failed write
    CHECK(Xapian::Database(options.index_dir).get_doccount() == 900);
}

TEST_CASE("an empty query matches every document and facets describe the archive", "[reuters]") {
    auto request = query("");
    request.facets = {"source", "date"};
    const auto result = search(request);
    CHECK(result.total == kReutersStories);
    CHECK(result.total_exact);
    const auto& sources = facet(result, "source");
    REQUIRE(sources.values.size() == 1);
    CHECK(sources.values[0].value == "Reuters");
    CHECK(sources.values[0].count == kReutersStories);
    // Months of the DATE fields as written in the SGML. SOURCE.md says Mar 11,540, but its
    // five figures add up to 21,574: counting the files gives 11,544.
    const auto& dates = facet(result, "date");
    CHECK(dates.bucket == "month");
    std::vector<std::pair<std::string, std::uint64_t>> months;
    for (const auto& v : dates.values) months.emplace_back(v.value, v.count);
    CHECK(months == std::vector<std::pair<std::string, std::uint64_t>>{{"1987-02", 229},
                                                                       {"1987-03", 11544},
                                                                       {"1987-04", 5661},
                                                                       {"1987-06", 2552},
                                                                       {"1987-10", 1592}});
}

TEST_CASE("a phrase query matches the stems adjacent and in order", "[reuters]") {
    // Phrases match stems, as Lucene's do: "interest rates", "interest rate", "interests rate".
    const auto result = search(query("\"interest rates\"", 200));
    REQUIRE(result.total > 100);
    REQUIRE(result.hits.size() == 200);
    std::size_t singular = 0;
    for (const auto& hit : result.hits) {
        CAPTURE(hit.id);
        const StoredFields fields = stored(hit.id);
        // Title and body apart: a phrase does not span the two.
        CHECK((has_adjacent_stems(fields.title, "interest", "rate") ||
               has_adjacent_stems(fields.body, "interest", "rate")));
        const std::string text = to_lower(collapse_whitespace(fields.title + " " + fields.body));
        if (text.find("interest rates") == std::string::npos) ++singular;
    }
    CHECK(singular > 0);  // some hits say only "interest rate"
    // The words alone match far more documents than the phrase.
    CHECK(search(query("interest AND rates")).total > result.total);
    // In order: the reversed phrase is rare ("... rates. Interest ..." does not count).
    CHECK(search(query("\"rates interest\"")).total < result.total / 10);
}

TEST_CASE("snippets highlight the words of phrases and wildcards, words by their stems",
          "[reuters]") {
    // A phrase's terms are stems; its snippets mark each of its words where they stand
    // together, e.g. "[[interest]] [[rates]]".
    std::size_t phrases_marked = 0;
    const std::regex marked_phrase(R"(\[\[interest\w*\]\] \[\[rate\w*\]\])");
    const auto phrase = search(query("\"interest rates\"", 50));
    for (const auto& hit : phrase.hits)
        if (std::regex_search(to_lower(hit.snippet), marked_phrase)) ++phrases_marked;
    CHECK(phrases_marked > phrase.hits.size() / 2);
    // A wildcard expands over stems (Zinflat, Zinflationari) and marks the words it matched.
    const auto wildcard = search(query("infla*", 50));
    REQUIRE(wildcard.total > 100);
    std::size_t wildcards_marked = 0;
    for (const auto& hit : wildcard.hits)
        if (to_lower(hit.snippet).find("[[infla") != std::string::npos) ++wildcards_marked;
    CHECK(wildcards_marked > wildcard.hits.size() / 2);
    CHECK(wildcard.total >= search(query("inflation")).total);
    bool singular = false, plural = false;
    for (const auto& hit : search(query("rates", 50)).hits) {
        const std::string text = to_lower(hit.snippet);
        singular = singular || text.find("[[rate]]") != std::string::npos;
        plural = plural || text.find("[[rates]]") != std::string::npos;
    }
    CHECK(singular);
    CHECK(plural);
}

TEST_CASE("a date range returns only dates inside the range", "[reuters]") {
    const auto result = search(query("oil date:1987-04-01..1987-04-15", 500));
    REQUIRE(result.total > 0);
    for (const auto& hit : result.hits) {
        CAPTURE(hit.id, hit.date);
        CHECK(hit.date.substr(0, 10) >= "1987-04-01");
        CHECK(hit.date.substr(0, 10) <= "1987-04-15");
    }
    // The same window through the options gives the same matches.
    auto with_options = query("oil");
    with_options.from = "1987-04-01";
    with_options.to = "1987-04-15";
    CHECK(search(with_options).total == result.total);
    // A month alone covers the month.
    auto march = query("date:1987-03");
    march.facets = {"date"};
    const auto in_march = search(march);
    CHECK(in_march.total == 11544);
}

TEST_CASE("date ranges as date terms match what the date slot's value range matched",
          "[reuters][dates]") {
    const Xapian::Database db(reuters_index().dir.string());
    searcher::QueryBuilder builder(db, "");
    const auto docids = [&db](const Xapian::Query& q) {
        Xapian::Enquire enquire(db);
        enquire.set_query(q);
        std::set<Xapian::docid> ids;
        for (const auto& m : enquire.get_mset(0, db.get_doccount())) ids.insert(m);
        return ids;
    };
    // The filter before date terms: a value range on the date slot (UTC seconds).
    const auto value_range = [](std::optional<std::int64_t> first,
                                std::optional<std::int64_t> last) {
        const auto s = [](std::int64_t t) { return Xapian::sortable_serialise(double(t)); };
        if (first && last)
            return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, 0, s(*first), s(*last));
        if (first) return Xapian::Query(Xapian::Query::OP_VALUE_GE, 0, s(*first));
        return Xapian::Query(Xapian::Query::OP_VALUE_LE, 0, s(*last));
    };
    struct Range {
        const char* from;  // a period, or "" for an open end
        const char* to;
        bool any;  // whether Reuters has stories in it (February to October 1987)
    };
    const Range ranges[] = {
        {"1987-03-26", "1987-03-26", true},  // one day
        {"1987-03-30", "1987-04-02", true},  // a few days across a month end
        {"1987-04", "1987-04", true},        // a month
        {"1986-12-20", "1987-03-01", true},  // across a year end
        {"1987", "1987", true},              // a whole year
        {"1987-06-15", "", true},            // open-ended from
        {"", "1987-03-02", true},            // open-ended to
        {"1987-05", "1987-05", false},       // no stories in May
        {"1987-07-01", "1987-09-30", false},
        {"1990", "1995", false},  // outside the corpus years
        {"", "1986-12-31", false},
    };
    for (const char* text : {"", "oil"}) {
        for (const auto& r : ranges) {
            CAPTURE(text, r.from, r.to);
            searcher::SearchRequest request;
            request.query = text;
            std::optional<std::int64_t> first;
            std::optional<std::int64_t> last;
            if (*r.from) {
                request.from = r.from;
                first = parse_date_period(r.from)->first;
            }
            if (*r.to) {
                request.to = r.to;
                last = parse_date_period(r.to)->last;
            }
            const auto by_terms = docids(builder.build(request));
            const auto by_value = docids(Xapian::Query(
                Xapian::Query::OP_FILTER, builder.parse(text), value_range(first, last)));
            CHECK(by_terms == by_value);
            CHECK(!by_terms.empty() == r.any);
        }
    }
    // Date terms make a date range a query the facet cache walks from posting lists (MatchSet):
    // its counts equal the spies'.
    searcher::Searcher spies(reuters_index().dir.string());
    searcher::Searcher walked(reuters_index().dir.string());
    walked.use_caches(true);
    for (const char* text : {"oil", "date:1987-03-30..1987-04-02", "trade date:1987-04"}) {
        CAPTURE(text);
        auto request = all_facets(text);
        request.from = "1987-03-02";
        const auto by_spies = spies.search(request);
        const auto by_walk = walked.search(request);
        CHECK(by_spies.total > 0);
        CHECK(by_walk.total == by_spies.total);
        CHECK(facet_lines(by_walk) == facet_lines(by_spies));
    }
}

TEST_CASE("source, entity and category filters keep only what they name", "[reuters]") {
    auto by_source = query("coffee");
    by_source.sources = {"reuters"};
    CHECK(search(by_source).total == search(query("coffee")).total);
    by_source.sources = {"Nobody Times"};
    CHECK(search(by_source).total == 0);

    auto japan = query("trade place:japan", 300);
    const auto in_japan = search(japan);
    REQUIRE(in_japan.total > 0);
    for (const auto& hit : in_japan.hits) {
        CAPTURE(hit.id);
        CHECK(std::any_of(hit.entities.begin(), hit.entities.end(), [](const Entity& e) {
            return e.type == EntityType::place && to_lower(e.name) == "japan";
        }));
    }

    auto cocoa = query("", 500);
    cocoa.categories = {"cocoa"};
    const auto cocoa_result = search(cocoa);
    REQUIRE(cocoa_result.total > 0);
    for (const auto& hit : cocoa_result.hits) {
        CAPTURE(hit.id);
        CHECK(std::count(hit.categories.begin(), hit.categories.end(), "cocoa") == 1);
    }
    CHECK(search(query("category:cocoa")).total == cocoa_result.total);
}

TEST_CASE("single-valued facet counts sum to the match count", "[reuters]") {
    for (const char* text : {"oil", "bank AND rate", "\"trade deficit\"", "opec"}) {
        CAPTURE(text);
        auto request = query(text);
        request.facets = {"source", "date", "entity", "category"};
        request.date_bucket = searcher::DateBucket::day;
        const auto result = search(request);
        REQUIRE(result.total_exact);
        CHECK(sum_counts(facet(result, "source")) == result.total);
        CHECK(sum_counts(facet(result, "date")) == result.total);
        // Multi-valued: the top entity cannot be on more documents than matched.
        const auto& entities = facet(result, "entity");
        REQUIRE_FALSE(entities.values.empty());
        CHECK(entities.values.front().count <= result.total);
    }
}

TEST_CASE("an entity facet count equals the size of its drill-down", "[reuters]") {
    auto request = query("grain");
    request.facets = {"place"};
    const auto result = search(request);
    const auto& places = facet(result, "place");
    REQUIRE(places.values.size() >= 3);
    for (std::size_t i = 0; i < 3; ++i) {
        auto drill = query("grain");
        drill.entities = {"place:" + places.values[i].value};
        CAPTURE(places.values[i].value);
        CHECK(search(drill).total == places.values[i].count);
    }
}

TEST_CASE("item spies, stock spies and the facet cache count the same facets", "[reuters]") {
    searcher::Searcher items(reuters_index().dir.string());
    searcher::Searcher stock(reuters_index().dir.string());
    stock.use_facet_spies(searcher::FacetSpies::stock);
    searcher::Searcher cached(reuters_index().dir.string());
    cached.use_caches(true);
    for (const char* text : {"", "grain", "oil prices", "\"interest rates\"", "title:yen"}) {
        CAPTURE(text);
        const auto by_items = items.search(all_facets(text));
        const auto by_stock = stock.search(all_facets(text));
        const auto by_cache = cached.search(all_facets(text));
        CHECK(by_items.total == by_stock.total);
        CHECK(by_cache.total == by_stock.total);
        CHECK(facet_lines(by_items).size() > 20);
        CHECK(facet_lines(by_items) == facet_lines(by_stock));
        CHECK(facet_lines(by_cache) == facet_lines(by_stock));
        // And with a limit, where ties at the cut decide what is shown.
        auto top = all_facets(text);
        top.facet_limit = 20;
        CHECK(facet_lines(cached.search(top)) == facet_lines(items.search(top)));
    }
    CHECK(cached.facet_cache_bytes() > 0);
}

TEST_CASE("facets counted from a walk of the posting lists equal the spies' counts", "[reuters]") {
    // With the facet cache, a simple query's matches are walked from posting lists and counted
    // by docid (MatchSet); the spies count inside the matcher. Every value of every facet and
    // the total must agree, for each shape the walk handles and one it leaves to the spies.
    searcher::Searcher spies(reuters_index().dir.string());
    searcher::Searcher walked(reuters_index().dir.string());
    walked.use_caches(true);
    struct Case {
        const char* text;
        std::vector<std::string> sources;
        std::vector<std::string> categories;
        std::vector<std::string> entities;
    };
    const std::vector<Case> cases{
        {"abolition", {}, {}, {}},              // a rare word
        {"said", {}, {}, {}},                   // a word in most stories
        {"coffee cocoa sugar", {}, {}, {}},     // OR of words
        {"oil AND prices", {}, {}, {}},         // AND
        {"oil AND NOT opec", {}, {}, {}},       // NOT
        {"grain wheat", {"Reuters"}, {}, {}},   // words + --source
        {"trade", {}, {"grain", "ship"}, {}},   // words + --category
        {"oil", {}, {}, {"place:iran"}},        // words + --entity
        {"bank", {}, {"money-fx"}, {"japan"}},  // two filters
        {"", {}, {}, {}},                       // every document
        {"", {}, {"cocoa"}, {}},                // a filter alone
        {"title:yen", {}, {}, {}},              // a prefixed term
        {"\"interest rates\"", {}, {}, {}},     // a phrase: left to the spies
    };
    for (const auto& c : cases) {
        for (const auto bucket : {searcher::DateBucket::month, searcher::DateBucket::year}) {
            CAPTURE(c.text, c.sources, c.categories, c.entities, static_cast<int>(bucket));
            auto request = all_facets(c.text);
            request.sources = c.sources;
            request.categories = c.categories;
            request.entities = c.entities;
            request.date_bucket = bucket;
            const auto by_spies = spies.search(request);
            const auto by_walk = walked.search(request);
            CHECK(by_spies.total > 0);
            CHECK(by_walk.total_exact);
            CHECK(by_walk.total == by_spies.total);
            CHECK(facet_lines(by_walk) == facet_lines(by_spies));
        }
    }
}

TEST_CASE("facets over remote shards are exact: stock spies, merged by Xapian", "[reuters]") {
    // Two xapian-progsrv shards serving the same index: our spy cannot run there, so the
    // searcher falls back to stock spies, and every count must come out exactly doubled.
    const std::string dir = reuters_index().dir.string();
    Xapian::Database shards = Xapian::Remote::open("xapian-progsrv", dir);
    shards.add_database(Xapian::Remote::open("xapian-progsrv", dir));
    searcher::Searcher remote(shards);
    remote.use_caches(true);  // asked for, but a remote database cannot have one
    searcher::Searcher local(dir);
    for (const char* text : {"", "grain"}) {
        CAPTURE(text);
        const auto over_shards = remote.search(all_facets(text));
        const auto over_local = local.search(all_facets(text));
        CHECK(over_shards.total == 2 * over_local.total);
        CHECK(facet_lines(over_shards) == facet_lines(over_local, 2));
    }
}

namespace {

/// The same hits in the same order with the same scores (within 1e-9), totals and snippets.
void check_same_ranking(const searcher::SearchResult& cached, const searcher::SearchResult& plain) {
    CHECK(cached.total == plain.total);
    CHECK(cached.total_exact == plain.total_exact);
    CHECK(cached.query_description == plain.query_description);
    REQUIRE(cached.hits.size() == plain.hits.size());
    for (std::size_t i = 0; i < plain.hits.size(); ++i) {
        CAPTURE(i, plain.hits[i].id, plain.hits[i].score, cached.hits[i].score);
        CHECK(cached.hits[i].id == plain.hits[i].id);
        CHECK(std::abs(cached.hits[i].score - plain.hits[i].score) <=
              1e-9 * std::abs(plain.hits[i].score));
        CHECK(cached.hits[i].snippet == plain.hits[i].snippet);
    }
}

}  // namespace

TEST_CASE("the length cache ranks exactly as BM25Weight does, snippets included", "[reuters]") {
    searcher::Searcher plain(reuters_index().dir.string());
    searcher::Searcher cached(reuters_index().dir.string());
    cached.use_caches(true);
    struct Case {
        const char* text;
        const char* source = nullptr;
        const char* from = nullptr;
        const char* to = nullptr;
        bool sources = true;  // whether terms become Bm25Sources
    };
    const Case cases[] = {
        {"tank"},                      // rare
        {"stock"},                     // common: the matcher stops estimating exactly
        {"said"},                      // in most documents: Xapian's idf floor
        {"coffee cocoa"},              // OR of two
        {"grain wheat corn"},          // OR of three
        {"oil AND prices"},            // AND
        {"oil NOT opec"},              // AND_NOT
        {"\"interest rates\""},        // phrase
        {"\"interest rates\" rise"},   // phrase OR word
        {"title:yen"},                 // a field
        {"coffee prices", "reuters"},  // words and a --source filter
        {"oil", nullptr, "1987-04-01", "1987-04-15"},   // a date range
        {"export*", nullptr, nullptr, nullptr, false},  // a wildcard: left to BM25Weight
        {"oil oil prices"},                             // a word twice
    };
    // The queries do get sources: Reuters has stories in several detected languages, so a
    // word is in each language's parse, and each copy becomes a source.
    const Xapian::Database db(reuters_index().dir.string());
    searcher::QueryBuilder builder(db, "");
    const searcher::DocumentLengths lengths(db);
    std::size_t snippets_marked = 0;
    for (const auto& c : cases) {
        CAPTURE(c.text);
        auto request = query(c.text, 20);
        if (c.source) request.sources = {c.source};
        if (c.from) request.from = c.from;
        if (c.to) request.to = c.to;
        const std::string rewritten =
            searcher::with_bm25_sources(builder.build(request), lengths).get_description();
        CHECK((rewritten.find("Bm25Source") != std::string::npos) == c.sources);
        const auto by_plain = plain.search(request);
        REQUIRE(by_plain.hits.size() > 0);
        check_same_ranking(cached.search(request), by_plain);
        for (const auto& hit : by_plain.hits)
            if (hit.snippet.find("[[") != std::string::npos) ++snippets_marked;
        // Deeper pages too: the matcher's bounds decide what it may skip.
        request.offset = 100;
        check_same_ranking(cached.search(request), plain.search(request));
    }
    CHECK(snippets_marked > 100);
    CHECK(cached.length_cache_bytes() >= 4 * kReutersStories);
    CHECK(plain.length_cache_bytes() == 0);
}

TEST_CASE("a remote database ranks with BM25Weight: no length cache", "[reuters]") {
    // One xapian-progsrv shard: Xapian cannot send it our posting source, so the searcher
    // runs the plain query there.
    const std::string dir = reuters_index().dir.string();
    searcher::Searcher remote(Xapian::Remote::open("xapian-progsrv", dir));
    remote.use_caches(true);
    searcher::Searcher local(dir);
    local.use_caches(true);
    for (const char* text : {"oil prices", "\"interest rates\""}) {
        CAPTURE(text);
        check_same_ranking(remote.search(query(text)), local.search(query(text)));
    }
    CHECK(remote.length_cache_bytes() == 0);
    CHECK(local.length_cache_bytes() > 0);
}

namespace {

/// Every posting of `term` with its Bm25Source weight, in docid order.
std::vector<std::pair<Xapian::docid, double>> source_postings(
    const Xapian::Database& db, const searcher::DocumentLengths& lengths, const std::string& term,
    std::vector<std::string> only_in = {}) {
    searcher::Bm25Source source(term, 1, lengths, std::move(only_in));
    source.init(db);
    std::vector<std::pair<Xapian::docid, double>> postings;
    for (source.next(0); !source.at_end(); source.next(0))
        postings.emplace_back(source.get_docid(), source.get_weight());
    return postings;
}

}  // namespace

TEST_CASE("a Bm25Source passes over exactly the postings weaker than the minimum", "[reuters]") {
    // next() compares lengths with a threshold worked out per minimum and wdf instead of
    // weighing each posting: it must keep the same postings as weighing them would, at the
    // very weights of postings too (ties are kept), and just above and below them.
    const Xapian::Database db(reuters_index().dir.string());
    const searcher::DocumentLengths lengths(db);
    for (const char* term : {"Zsaid", "Zstock", "Zoil", "Ztank"}) {
        CAPTURE(term);
        const auto all = source_postings(db, lengths, term);
        REQUIRE(all.size() > 10);
        std::vector<double> minimums;
        for (std::size_t i = 0; i < all.size(); i += std::max<std::size_t>(1, all.size() / 40)) {
            const double w = all[i].second;
            minimums.insert(minimums.end(), {w, std::nextafter(w, 0.0), std::nextafter(w, 99.0)});
        }
        for (const double minimum : minimums) {
            CAPTURE(minimum);
            std::vector<Xapian::docid> expected;
            for (const auto& [docid, weight] : all)
                if (weight >= minimum) expected.push_back(docid);
            searcher::Bm25Source source(term, 1, lengths);
            source.init(db);
            std::vector<Xapian::docid> kept;
            for (source.next(minimum); !source.at_end(); source.next(minimum))
                kept.push_back(source.get_docid());
            REQUIRE(kept == expected);
        }
    }
}

TEST_CASE("under a filter of few documents a Bm25Source's maximum is theirs", "[reuters]") {
    const Xapian::Database db(reuters_index().dir.string());
    const searcher::DocumentLengths lengths(db);
    REQUIRE(db.get_termfreq("Lnl") > 0);  // a story detected as Dutch
    const auto in_dutch = [&](Xapian::docid docid) {
        auto it = db.postlist_begin("Lnl");
        it.skip_to(docid);
        return it != db.postlist_end("Lnl") && *it == docid;
    };
    // `company` stems to Zcompany in Dutch: in that story and a few English ones (titles);
    // `billion` is in it and in thousands of others; `oil` is not in it.
    for (const char* term : {"Zcompany", "Zbillion", "Zoil"}) {
        CAPTURE(term);
        searcher::Bm25Source plain(term, 1, lengths);
        plain.init(db);
        searcher::Bm25Source filtered(term, 1, lengths, {"Lnl"});
        filtered.init(db);
        double greatest = 0;
        for (const auto& [docid, weight] : source_postings(db, lengths, term))
            if (in_dutch(docid)) greatest = std::max(greatest, weight);
        CHECK(filtered.get_maxweight() == greatest);
        CHECK(filtered.get_maxweight() <= plain.get_maxweight());
        // The weights themselves do not change.
        CHECK(source_postings(db, lengths, term, {"Lnl"}) == source_postings(db, lengths, term));
    }
    // The length cache holds the rare language's postings: those of the index, no more.
    for (const char* term : {"Zcompany", "Zbillion", "Zoil"}) {
        CAPTURE(term);
        const auto* kept = lengths.rare_language_postings("Lnl", term);
        REQUIRE(kept != nullptr);
        std::vector<std::pair<Xapian::docid, Xapian::termcount>> expected;
        for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it)
            if (in_dutch(*it)) expected.emplace_back(*it, it.get_wdf());
        CHECK(*kept == expected);
    }
    CHECK_FALSE(lengths.rare_language_postings("Lnl", "Zbillion")->empty());
    CHECK(lengths.rare_language_postings("Len", "Zsaid") == nullptr);  // not rare
    // A filter that is no rare language (two stories' ids): its documents looked up.
    const std::vector<std::string> ids = {schema::id_term("reuters-1"),
                                          schema::id_term("reuters-2")};
    for (const char* term : {"Zcocoa", "Zsaid", "Zoil"}) {
        CAPTURE(term);
        searcher::Bm25Source by_ids(term, 1, lengths, ids);
        by_ids.init(db);
        double greatest = 0;
        for (const auto& [docid, weight] : source_postings(db, lengths, term))
            for (const auto& id : ids)
                if (*db.postlist_begin(id) == docid) greatest = std::max(greatest, weight);
        CHECK(by_ids.get_maxweight() == greatest);
    }
    // Both the filter and the term past the walk's limit: the term's own maximum stays.
    searcher::Bm25Source plain("Zsaid", 1, lengths);
    plain.init(db);
    searcher::Bm25Source filtered("Zsaid", 1, lengths, {"Len"});
    filtered.init(db);
    CHECK(filtered.get_maxweight() == plain.get_maxweight());
}

TEST_CASE("a common word ORed with rare ones ranks as BM25Weight ranks it", "[reuters]") {
    // The minority languages' branches are bounded by their few documents, so the majority's
    // terms are pruned by the page's minimum: the pages must not change.
    searcher::Searcher plain(reuters_index().dir.string());
    searcher::Searcher cached(reuters_index().dir.string());
    cached.use_caches(true);
    for (const char* text : {"march jose seeq", "company guilder said", "billion dollar"}) {
        CAPTURE(text);
        for (std::uint32_t offset : {0u, 10u, 100u}) {
            auto request = query(text, 10);
            request.offset = offset;
            check_same_ranking(cached.search(request), plain.search(request));
        }
    }
}

TEST_CASE("a phrase's estimated total is near its exact count; exact totals stay exact",
          "[reuters][totals]") {
    // Xapian 1.4 estimates a phrase as if its words were independent, discounts that for
    // positions and raises it only to the matches it saw: 2,000 for "new york" (2,992) and
    // for "said it" (7,799). The Searcher extrapolates from the docid of the 1,000th match
    // instead (TotalEstimator). Measured here, its worst among these was "march 31", +19%
    // (1,300 for 1,091: its matches crowd into March, the first half of the archive); the
    // others within 12%. 25% leaves that room; Xapian's estimates miss 8 of these 9 by more
    // (from -74% to +83%).
    const std::string dir = reuters_index().dir.string();
    searcher::Searcher plain(dir);
    searcher::Searcher cached(dir);
    cached.use_caches(true);  // phrases weighed through Bm25Sources: the same matches counted
    for (const char* text : {"\"new york\"", "\"mln dlrs\"", "\"said it\"", "\"the company\"",
                             "\"billion dlrs\"", "\"march 31\"", "mln NEAR dlrs",
                             "\"new york\" OR \"oil prices\"", "\"said it\" NOT oil"}) {
        CAPTURE(text);
        auto counted = query(text);
        counted.facets = {"source"};  // facets count every match: the exact total
        const auto exact = plain.search(counted);
        REQUIRE(exact.total_exact);
        REQUIRE(exact.total > 1000);  // more than the matcher checks: estimated without facets
        for (searcher::Searcher* searcher : {&plain, &cached}) {
            const auto estimated = searcher->search(query(text));
            CAPTURE(exact.total, estimated.total);
            CHECK_FALSE(estimated.total_exact);
            CHECK(estimated.total >= exact.total * 3 / 4);
            CHECK(estimated.total <= exact.total * 5 / 4);
        }
    }
    // Sorted by date the matcher counts every match anyway: that count is kept.
    auto newest = query("\"new york\"");
    newest.sort = searcher::SortOrder::newest;
    auto counted = query("\"new york\"");
    counted.facets = {"source"};
    CHECK(plain.search(newest).total == plain.search(counted).total);
    // Fewer matches than the matcher checks: exact, with or without facets.
    for (const char* text : {"\"vice president\"", "\"told reuters\"", "\"per cent\""}) {
        CAPTURE(text);
        auto with_facets = query(text);
        with_facets.facets = {"source"};
        const auto result = plain.search(query(text));
        CHECK(result.total_exact);
        CHECK(result.total == plain.search(with_facets).total);
    }
    // One remote database cannot run the estimator: Xapian's estimate, within its bounds.
    searcher::Searcher remote(Xapian::Remote::open("xapian-progsrv", dir));
    const auto over_remote = remote.search(query("\"new york\""));
    CHECK_FALSE(over_remote.total_exact);
    CHECK(over_remote.total >= 1000);
    CHECK(over_remote.total <= search(query("new AND york")).total);
}
