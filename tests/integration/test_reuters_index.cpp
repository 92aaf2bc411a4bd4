/// @file test_reuters_index.cpp
/// @brief End to end on all of Reuters-21578: build a real on-disk index (once, with the
/// other cases of integration/ that share it), re-index, compact, threads and segments.
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
#include "indexer/batch_writer.hpp"
#include "indexer/document_preparer.hpp"
#include "indexer/index_run.hpp"
#include "integration/reuters_index.hpp"
#include "searcher/cached/bm25_source.hpp"
#include "searcher/cached/document_lengths.hpp"
#include "searcher/query_builder.hpp"
#include "searcher/searcher.hpp"
#include "support/article_collector.hpp"
#include "support/test_support.hpp"

using namespace newsdex;
using namespace newsdex::test;
namespace fs = std::filesystem;

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
        indexer::BatchWriter writer(options);
        indexer::DocumentPreparer preparer(options);
        corpus::ArticleSink sink;
        sink.on_article = [&writer, &preparer](Article&& article) {
            writer.write(preparer.prepare(std::move(article)));
        };
        sink.on_problem = [](const ParseError&) {};
        corpus::read_inputs({(test::reuters_dir() / "reut2-000.sgm").string()}, options.read, sink);
        CHECK(writer.indexed() == 1000);
        CHECK(writer.committed_count() == 900);
    }  // destroyed with 100 documents pending, as after a failed write
    CHECK(Xapian::Database(options.index_dir).get_doccount() == 900);
}
