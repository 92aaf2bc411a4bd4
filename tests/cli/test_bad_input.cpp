/// @file test_bad_input.cpp
/// @brief newsdex-index on a folder of deliberately broken files, written by the test, mixed
/// with good ones: one warning each, the run goes on, the good articles are all indexed.
#include <archive.h>
#include <sys/stat.h>
#include <xapian.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <random>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "common/schema.hpp"
#include "support/archive_writer.hpp"
#include "support/article_collector.hpp"
#include "support/test_support.hpp"

using newsdex::test::run_unprivileged;
using newsdex::test::write_file;
namespace fs = std::filesystem;

namespace {

/// Articles of the compressed fixtures; their bodies compress poorly, so a cut lands mid-stream.
std::string jsonl_articles(const std::string& prefix, int count) {
    std::string text;
    std::mt19937 random(7);
    for (int k = 1; k <= count; ++k) {
        std::string body;
        for (int w = 0; w < 12; ++w) body += " w" + std::to_string(random());
        text += R"({"id":")" + prefix + std::to_string(k) + R"(","title":"Item )" +
                std::to_string(k) + R"(","body":")" + body + "\"}\n";
    }
    return text;
}

/// `size` random bytes with no NUL byte before `nul_at` and one there.
std::string binary_garbage(std::size_t size, std::size_t nul_at, unsigned seed) {
    std::mt19937 random(seed);
    std::string bytes(size, '\0');
    for (auto& byte : bytes) byte = static_cast<char>(random() & 0xFF);
    std::replace(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(nul_at), '\0', '\1');
    bytes[nul_at] = '\0';
    return bytes;
}

/// Cuts `file` to `fraction` of its size.
void truncate_file(const fs::path& file, double fraction) {
    fs::resize_file(
        file, static_cast<std::uintmax_t>(static_cast<double>(fs::file_size(file)) * fraction));
}

/// A body of `size` bytes of ordinary words, with a word of its own at the start and the end.
std::string huge_body(std::size_t size) {
    static const std::string words =
        "the council said on monday that the new budget would fund schools roads and "
        "hospitals across the region while critics warned about rising debt ";
    std::string body = "zebracorn ";
    body.reserve(size);
    while (body.size() + words.size() + 10 < size) body += words;
    return body + " lastword";
}

/// The broken corpus, written once: what the test expects of it is checked against the files.
struct BrokenCorpus {
    fs::path root;   ///< the folder given to newsdex-index
    fs::path index;  ///< an index folder the unprivileged indexer may write
    std::string gz;  ///< the whole JSON Lines text inside truncated.jsonl.gz, before the cut
    std::vector<std::string> good_ids;  ///< articles that must be indexed (beside the .gz ones)
};

/// An index folder that user nobody can create files in.
fs::path writable_index(const fs::path& parent, const std::string& name) {
    const fs::path dir = parent / name;
    fs::create_directories(dir);
    fs::permissions(dir, fs::perms::all);
    return dir;
}

BrokenCorpus write_broken_corpus() {
    // A previous run's locked folder must be opened again before it can be removed.
    std::error_code ignored;
    fs::permissions(fs::path(NEWSDEX_TEST_WORK_DIR) / "bad-input" / "corpus" / "locked",
                    fs::perms::owner_all, ignored);
    const fs::path base = newsdex::test::fresh_dir("bad-input");
    BrokenCorpus corpus{base / "corpus", writable_index(base, "index"), {}, {}};
    const fs::path& root = corpus.root;
    auto good = [&corpus](std::initializer_list<const char*> ids) {
        corpus.good_ids.insert(corpus.good_ids.end(), ids.begin(), ids.end());
    };

    write_file(root / "good.jsonl",
               R"({"id": "good-1", "title": "Harbour reopens", "body": "Ships are back."})"
               "\n"
               R"({"id": "good-2", "title": "Bridge closed", "body": "Repairs start today."})"
               "\n");
    good({"good-1", "good-2"});
    write_file(root / "story.txt", "Town fair draws crowds\n\nThousands came to the fair.\n");
    good({"bad-input/corpus/story"});

    // Malformed JSON: a JSON Lines line, a JSON file, an element of a JSON array.
    write_file(root / "bad-line.jsonl",
               R"({"id": "bl-1", "title": "First story", "body": "Some text."})"
               "\n"
               R"({"id": "bl-2", "title": "Broken" "body": })"
               "\n"
               R"({"id": "bl-3", "title": "Third story", "body": "More text."})"
               "\n");
    good({"bl-1", "bl-3"});
    write_file(root / "bad-object.json", R"({"id": "bo-1", "title": "Cut off", "body": "Te)");
    write_file(root / "array.json",
               "[\n"
               R"( {"id": "ar-1", "title": "Array one", "body": "Text one."},)"
               "\n"
               R"( {"id": "ar-2", "title": "Array two" "body": "Text two."},)"
               "\n"
               R"( {"id": "ar-3", "title": "Array three", "body": "Text three."})"
               "\n]\n");
    good({"ar-1", "ar-3"});

    // Malformed CSV: a row with the wrong number of fields, a quote never closed.
    write_file(root / "columns.csv",
               "id,title,body\nco-1,Good row,Fine text.\nco-2,Too,many,fields\n"
               "co-3,Good again,More text.\n");
    good({"co-1", "co-3"});
    write_file(root / "unclosed.csv",
               "id,title,body\nuq-1,Good row,Fine text.\nuq-2,\"Never closed,Text.\n"
               "uq-3,Row after the stray quote,Still read.\n");
    good({"uq-1", "uq-3"});

    // Missing parts: neither title nor body is skipped; either one alone is an article.
    write_file(root / "missing.jsonl", R"({"id": "mi-1", "title": "", "body": "  "})"
                                       "\n"
                                       R"({"id": "mi-2", "body": "A body without a title."})"
                                       "\n"
                                       R"({"id": "mi-3", "title": "A title without a body"})"
                                       "\n");
    good({"mi-2", "mi-3"});

    // Impossible dates, one record each, then a good one: all indexed, the first four undated.
    std::string dates;
    int k = 0;
    for (const char* date : {"0000-01-01", "9999-99-99", "2023-02-30", "2023-13-01", "2023-02-28"})
        dates += R"({"id": "da-)" + std::to_string(++k) + R"(", "title": "Dated", "date": ")" +
                 date + R"(", "body": "Text."})" + "\n";
    write_file(root / "dates.jsonl", dates);
    good({"da-1", "da-2", "da-3", "da-4", "da-5"});

    // A record with NUL bytes among good ones, in JSON Lines (a corrupt line, here the first)
    // and in a CSV field: that record is skipped, its neighbours are read.
    using namespace std::string_literals;
    write_file(root / "nul-line.jsonl",
               R"({"id": "nl-1", "title": "Corrupt )"s + std::string(40, '\0') + "\"}\n" +
                   R"({"id": "nl-2", "title": "After the corrupt line", "body": "Kept."})"
                   "\n"
                   R"({"id": "nl-3", "title": "Last line", "body": "Kept too."})"
                   "\n");
    good({"nl-2", "nl-3"});
    write_file(root / "nul-field.csv",
               "id,title,body\nnf-1,Good row,Fine text.\nnf-2,Bad\0row,x\n"s +
                   "nf-3,Row after it,Still read.\n");
    good({"nf-1", "nf-3"});

    // One article of 50 MB.
    write_file(root / "huge.jsonl", R"({"id": "huge-1", "title": "Very long", "body": ")" +
                                        huge_body(50u << 20) + "\"}\n");
    good({"huge-1"});

    // Binary garbage under names that promise text, and under no extension.
    unsigned seed = 1;
    for (const char* name : {"random.txt", "random.json", "random.csv", "random"})
        write_file(root / name, binary_garbage(4096, 100, seed++));

    // Truncated compressed data: a .gz cut in half, a .tar.xz cut at 60 %, a small .gz cut
    // before libarchive could hand over any of it.
    corpus.gz = jsonl_articles("tr-", 4000);
    newsdex::test::write_fixture(root / "truncated.jsonl.gz", ARCHIVE_FILTER_GZIP, false,
                                 {{"data", corpus.gz}});
    truncate_file(root / "truncated.jsonl.gz", 0.5);
    newsdex::test::write_fixture(
        root / "cut.tar.xz", ARCHIVE_FILTER_XZ, true,
        {{"a.jsonl", jsonl_articles("tx-", 4000)}, {"b.jsonl", jsonl_articles("ty-", 100)}});
    truncate_file(root / "cut.tar.xz", 0.6);
    newsdex::test::write_fixture(root / "small.jsonl.gz", ARCHIVE_FILTER_GZIP, false,
                                 {{"data", jsonl_articles("sm-", 50)}});
    truncate_file(root / "small.jsonl.gz", 0.5);

    // What cannot be read: a file and a folder without permissions, a broken link, a FIFO, a
    // link to the folder itself (a loop if followed), a link to itself.
    write_file(root / "unreadable.jsonl", R"({"id": "ur-1", "title": "Hidden", "body": "x"})");
    fs::permissions(root / "unreadable.jsonl", fs::perms::none);
    write_file(root / "locked" / "inside.jsonl", R"({"id": "lk-1", "title": "In", "body": "x"})");
    fs::permissions(root / "locked", fs::perms::none);
    fs::create_symlink("no-such-file.jsonl", root / "dangling.jsonl");
    REQUIRE(::mkfifo((root / "fifo.jsonl").c_str(), 0644) == 0);
    fs::create_directory_symlink(".", root / "loop");
    fs::create_symlink("self.jsonl", root / "self.jsonl");
    return corpus;
}

const BrokenCorpus& broken_corpus() {
    static const BrokenCorpus corpus = write_broken_corpus();
    return corpus;
}

/// newsdex-index run once over the whole broken corpus, without root's privileges.
const newsdex::test::CommandResult& broken_run() {
    static const newsdex::test::CommandResult result =
        run_unprivileged({newsdex::test::index_program(), "-d", broken_corpus().index.string(),
                          broken_corpus().root.string()});
    return result;
}

/// The lines of `text` that contain `needle`.
std::vector<std::string> lines_with(const std::string& text, const std::string& needle) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (line.find(needle) != std::string::npos) out.push_back(line);
    return out;
}

/// The one warning that names `file` (and, when given, `:line:` after it); checks it is one.
std::string warning_for(const std::string& err, const fs::path& file, int line = 0) {
    const std::string where = file.string() + (line > 0 ? ":" + std::to_string(line) + ":" : ":");
    const auto found = lines_with(err, where);
    INFO("warnings naming " << where << ":\n" << err);
    REQUIRE(found.size() == 1);
    return found.front();
}

/// The number after `label` in the summary line ("skipped 3").
std::uint64_t summary_count(const std::string& out, const std::string& label) {
    std::smatch match;
    REQUIRE(std::regex_search(out, match, std::regex(label + " (\\d+)")));
    return std::stoull(match[1]);
}

bool has_id(const Xapian::Database& db, const std::string& id) {
    return db.term_exists(newsdex::schema::id_term(id));
}

/// How many articles of `text` (JSON Lines) are whole within its first `bytes` bytes.
std::uint64_t whole_lines(const std::string& text, std::uint64_t bytes) {
    const std::string readable = text.substr(0, bytes);
    const auto newlines =
        static_cast<std::uint64_t>(std::count(readable.begin(), readable.end(), '\n'));
    return newlines + (readable.ends_with('}') ? 1 : 0);
}

}  // namespace

TEST_CASE("every broken file gets one warning; the good articles are all indexed", "[cli]") {
    const BrokenCorpus& corpus = broken_corpus();
    const fs::path& root = corpus.root;
    const auto& r = broken_run();
    INFO("stdout: " << r.out << "\nstderr: " << r.err);
    CHECK(r.exit_code == 3);

    SECTION("each problem is named with its file, line or byte, and reason") {
        using Catch::Matchers::Contains;
        CHECK_THAT(warning_for(r.err, root / "bad-line.jsonl", 2), Contains("invalid JSON"));
        CHECK_THAT(warning_for(r.err, root / "bad-object.json", 1), Contains("invalid JSON"));
        CHECK_THAT(warning_for(r.err, root / "array.json", 3), Contains("invalid JSON"));
        CHECK_THAT(warning_for(r.err, root / "columns.csv", 3),
                   Contains("wrong field count: 4 fields where the header has 3"));
        CHECK_THAT(warning_for(r.err, root / "unclosed.csv", 3),
                   Contains("quoted field not closed at end of file"));
        CHECK_THAT(warning_for(r.err, root / "missing.jsonl", 1), Contains("no title or body"));
        int line = 0;
        for (const char* date : {"0000-01-01", "9999-99-99", "2023-02-30", "2023-13-01"})
            CHECK_THAT(
                warning_for(r.err, root / "dates.jsonl", ++line),
                Contains("newsdex-index: undated ") &&
                    Contains("bad date: \"" + std::string(date) + "\" is no calendar date") &&
                    Contains("indexed without a date"));
        CHECK(lines_with(r.err, (root / "dates.jsonl").string()).size() == 4);
        CHECK_THAT(warning_for(r.err, root / "nul-line.jsonl", 1),
                   Contains("binary data, not text: a NUL byte at column 34"));
        CHECK(lines_with(r.err, (root / "nul-line.jsonl").string()).size() == 1);
        CHECK_THAT(warning_for(r.err, root / "nul-field.csv", 3),
                   Contains("binary data, not text: a NUL byte at byte 8 of the record"));
        CHECK(lines_with(r.err, (root / "nul-field.csv").string()).size() == 1);
        CHECK_THAT(warning_for(r.err, root / "huge.jsonl", 1),
                   Contains("newsdex-index: cut ") && Contains("article body cut: 52428") &&
                       Contains("bytes, over the limit of 4194304 (--max-article-bytes)"));
        for (const char* name : {"random.txt", "random.json", "random.csv", "random"})
            CHECK_THAT(warning_for(r.err, root / name),
                       Contains("binary data, not text: a NUL byte at byte 100"));
        CHECK_THAT(warning_for(r.err, root / "truncated.jsonl.gz"),
                   Contains("compressed data ends early or is corrupt") &&
                       Contains("of the decompressed data, byte"));
        CHECK_THAT(warning_for(r.err, root / "small.jsonl.gz"),
                   Contains("cannot read compressed data: truncated gzip input (having read"));
        CHECK_THAT(warning_for(r.err, root / "cut.tar.xz"),
                   Contains("cut.tar.xz:a.jsonl:") &&
                       Contains("compressed data ends early or is corrupt"));
        CHECK_THAT(warning_for(r.err, root / "unreadable.jsonl"),
                   Contains("cannot open: Permission denied"));
        CHECK_THAT(warning_for(r.err, root / "locked"),
                   Contains("cannot list folder: Permission denied"));
        CHECK_THAT(warning_for(r.err, root / "dangling.jsonl"),
                   Contains("not a regular file (a broken symbolic link)"));
        CHECK_THAT(warning_for(r.err, root / "fifo.jsonl"),
                   Contains("not a regular file (a FIFO)"));
        CHECK_THAT(warning_for(r.err, root / "loop"), Contains("link to a folder, not followed"));
        CHECK_THAT(warning_for(r.err, root / "self.jsonl"),
                   Contains("cannot read: Too many levels of symbolic links"));
    }

    SECTION("the summary counts them") {
        const auto skips = lines_with(r.err, "newsdex-index: skipped ");
        const auto cuts = lines_with(r.err, "newsdex-index: cut ");
        const auto undated = lines_with(r.err, "newsdex-index: undated ");
        CHECK(summary_count(r.out, "skipped") == skips.size());
        CHECK(skips.size() == 21);
        CHECK(summary_count(r.out, "cut") == 1);
        CHECK(cuts.size() == 1);
        CHECK(summary_count(r.out, "date_invalid") == 4);
        CHECK(undated.size() == 4);
        // Nothing else was said: every stderr line is one of those warnings.
        CHECK(lines_with(r.err, "newsdex-index: ").size() ==
              skips.size() + cuts.size() + undated.size());
    }

    SECTION("the good articles are all in the index, the broken ones are not") {
        const Xapian::Database db(corpus.index.string());
        for (const auto& id : corpus.good_ids) {
            INFO(id);
            CHECK(has_id(db, id));
        }
        for (const char* id :
             {"bl-2", "ar-2", "co-2", "uq-2", "mi-1", "nl-1", "nf-2", "ur-1", "lk-1"}) {
            INFO(id);
            CHECK_FALSE(has_id(db, id));
        }
        // The articles with an impossible date are there without one; the good date is kept.
        for (int k = 1; k <= 5; ++k) {
            const std::string id = "da-" + std::to_string(k);
            INFO(id);
            const Xapian::PostingIterator doc = db.postlist_begin(newsdex::schema::id_term(id));
            REQUIRE(doc != db.postlist_end(newsdex::schema::id_term(id)));
            CHECK(db.get_document(*doc).get_value(newsdex::schema::slot::date).empty() == (k < 5));
        }
        // The .gz keeps each article whose line was whole before the damage.
        std::smatch readable;
        REQUIRE(std::regex_search(r.err, readable, std::regex("readable up to byte (\\d+) of")));
        const std::uint64_t whole = whole_lines(corpus.gz, std::stoull(readable[1]));
        CHECK(whole > 0);
        CHECK(whole < 4000);
        std::uint64_t wrong = 0;
        for (std::uint64_t k = 1; k <= 4000; ++k)
            if (has_id(db, "tr-" + std::to_string(k)) != (k <= whole)) ++wrong;
        CHECK(wrong == 0);
        CHECK(has_id(db, "tx-1"));
        CHECK_FALSE(has_id(db, "ty-1"));  // after the damage in a.jsonl
        CHECK(db.get_doccount() == summary_count(r.out, "added"));
    }

    SECTION("the 50 MB article is indexed, cut to the limit") {
        const Xapian::Database db(corpus.index.string());
        CHECK(db.term_exists("Zzebracorn"));
        CHECK_FALSE(db.term_exists("Zlastword"));
    }
}

TEST_CASE("--strict stops at the first problem and keeps what was committed", "[cli]") {
    const BrokenCorpus& corpus = broken_corpus();
    const fs::path index = writable_index(corpus.root.parent_path(), "strict-index");
    const auto r = run_unprivileged({newsdex::test::index_program(), "-d", index.string(),
                                     "--strict", (corpus.root / "good.jsonl").string(),
                                     (corpus.root / "bad-line.jsonl").string(),
                                     (corpus.root / "array.json").string()});
    INFO("stdout: " << r.out << "\nstderr: " << r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find((corpus.root / "bad-line.jsonl").string() + ":2: invalid JSON") !=
          std::string::npos);
    const Xapian::Database db(index.string());
    CHECK(db.get_doccount() == 3);  // good-1, good-2, bl-1: read before the bad line
    CHECK(has_id(db, "bl-1"));
    CHECK_FALSE(has_id(db, "ar-1"));
}

TEST_CASE("--max-article-bytes sets the cut; --strict makes a cut fatal", "[cli]") {
    const fs::path dir = newsdex::test::fresh_dir("bad-input-limit");
    write_file(dir / "long.jsonl", R"({"id": "long-1", "title": "Long", "body": "abc défghi"})");
    const auto cut =
        newsdex::test::run_command({newsdex::test::index_program(), "-d", (dir / "index").string(),
                                    "--max-article-bytes", "6", (dir / "long.jsonl").string()});
    CHECK(cut.exit_code == 3);
    CHECK(cut.err.find("long.jsonl:1: article body cut: 11 bytes, over the limit of 6") !=
          std::string::npos);
    CHECK(cut.out.find("cut 1 in") != std::string::npos);
    // Byte 6 is inside "é": the cut backs up to its first byte and keeps "abc d".
    const Xapian::Database db((dir / "index").string());
    CHECK(db.term_exists("Zabc"));
    CHECK(db.term_exists("Zd"));
    CHECK_FALSE(db.term_exists("Zdéfghi"));
    CHECK_FALSE(db.term_exists("Zdé"));

    const auto strict = newsdex::test::run_command(
        {newsdex::test::index_program(), "-d", (dir / "strict").string(), "--strict",
         "--max-article-bytes", "5", (dir / "long.jsonl").string()});
    CHECK(strict.exit_code == 1);
}

TEST_CASE("--max-file-bytes skips a file read whole past it, from standard input too", "[cli]") {
    const fs::path dir = newsdex::test::fresh_dir("bad-input-file-limit");
    // 300 KB: past the 16 KiB the format is told from and several 64 KiB reads.
    std::string text = "Harbour fares rise\n\n";
    while (text.size() < 300000) text += "Ferry fares rose again on the northern routes. ";
    const auto index = [&](const std::string& name, const std::string& format,
                           const std::string& limit, const std::string& input) {
        return newsdex::test::run_command(
            {newsdex::test::index_program(), "-d", (dir / name).string(), "--format", format,
             "--max-file-bytes", limit, "-"},
            input);
    };
    const auto docs = [&](const std::string& name) {
        return fs::exists(dir / name) ? Xapian::Database((dir / name).string()).get_doccount() : 0;
    };
    const auto over = index("over", "text", "100000", text);
    CHECK(over.exit_code == 3);
    CHECK_THAT(over.err, Catch::Contains("newsdex-index: skipped -: more than 100000 bytes, the "
                                         "limit on a file read whole"));
    CHECK(docs("over") == 0);

    const auto under = index("under", "text", "1000000", text);
    CHECK(under.exit_code == 0);
    CHECK(docs("under") == 1);

    // Mail headers count too: a header folded without end is no way around the limit.
    std::string mail = "From: ada@example.org\nSubject: fares\n";
    while (mail.size() < 300000) mail += " and more of the subject\n";
    const auto headers = index("mail", "mail", "100000", mail + "\nBody.\n");
    CHECK(headers.exit_code == 3);
    CHECK_THAT(headers.err, Catch::Contains("more than 100000 bytes of mail headers"));
    CHECK(docs("mail") == 0);

    // JSON Lines are read record by record: the limit is on what is read whole, not the stream.
    std::string lines;
    for (int k = 0; k < 4; ++k)
        lines += R"({"id": "fl-)" + std::to_string(k) + R"(", "title": "Fares", "body": ")" +
                 std::string(40000, 'x') + "\"}\n";
    const auto jsonl = index("jsonl", "jsonl", "100000", lines);
    CHECK(jsonl.exit_code == 0);
    CHECK(docs("jsonl") == 4);
}

TEST_CASE("a JSON array element over 64 MiB is skipped; the elements around it are kept", "[cli]") {
    const fs::path dir = newsdex::test::fresh_dir("bad-input-long-element");
    const fs::path file = dir / "big.json";
    write_file(file,
               R"([{"id": "ae-1", "title": "Before", "body": "first"}, {"id": "ae-2", "body": ")" +
                   std::string((std::size_t{64} << 20) + 1, 'a') +
                   R"("}, {"id": "ae-3", "title": "After", "body": "third"}])");
    const auto r = newsdex::test::run_command(
        {newsdex::test::index_program(), "-d", (dir / "index").string(), file.string()});
    INFO("stdout: " << r.out << "\nstderr: " << r.err);
    CHECK(r.exit_code == 3);
    CHECK_THAT(r.err, Catch::Contains("big.json:1: array element longer than 67108864 bytes, "
                                      "skipped"));
    const Xapian::Database db((dir / "index").string());
    CHECK(has_id(db, "ae-1"));
    CHECK(has_id(db, "ae-3"));
    CHECK(db.get_doccount() == 2);
}

TEST_CASE("a JSON Lines line over 64 MiB is skipped with one warning; --strict stops at it",
          "[cli]") {
    const fs::path dir = newsdex::test::fresh_dir("bad-input-long-line");
    const fs::path file = dir / "endless.jsonl";
    // Line 2 is 64 MiB and a byte of one character with no newline in it: what a pipe from
    // /dev/zero through `tr` looks like, but with an end and an article after it.
    write_file(file, R"({"id": "ll-1", "title": "Before", "body": "first line"})"
                     "\n" +
                         std::string((std::size_t{64} << 20) + 1, 'a') +
                         "\n"
                         R"({"id": "ll-3", "title": "After", "body": "third line"})"
                         "\n");
    const auto r = newsdex::test::run_command(
        {newsdex::test::index_program(), "-d", (dir / "index").string(), file.string()});
    INFO("stdout: " << r.out << "\nstderr: " << r.err);
    CHECK(r.exit_code == 3);
    CHECK_THAT(warning_for(r.err, file, 2),
               Catch::Matchers::EndsWith(":2: line longer than 67108864 bytes, skipped"));
    CHECK(lines_with(r.err, "newsdex-index: ").size() == 1);
    CHECK(summary_count(r.out, "skipped") == 1);
    CHECK(summary_count(r.out, "added") == 2);
    const Xapian::Database db((dir / "index").string());
    CHECK(has_id(db, "ll-1"));
    CHECK(has_id(db, "ll-3"));
    CHECK(db.get_doccount() == 2);

    const auto strict =
        newsdex::test::run_command({newsdex::test::index_program(), "-d", (dir / "strict").string(),
                                    "--strict", file.string()});
    CHECK(strict.exit_code == 1);
    CHECK(strict.err.find("endless.jsonl:2: line longer than 67108864 bytes, skipped") !=
          std::string::npos);
    const Xapian::Database strict_db((dir / "strict").string());
    CHECK(strict_db.get_doccount() == 1);  // ll-1, read before the long line
}

TEST_CASE("an input path that does not exist is an error before any index is made", "[cli]") {
    const fs::path dir = newsdex::test::fresh_dir("bad-input-missing-path");
    write_file(dir / "good.jsonl", R"({"id": "mp-1", "title": "Here", "body": "Present."})");
    const fs::path index = dir / "index";
    const auto r =
        newsdex::test::run_command({newsdex::test::index_program(), "-d", index.string(),
                                    (dir / "good.jsonl").string(), (dir / "typo.jsonl").string()});
    INFO("stdout: " << r.out << "\nstderr: " << r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.err ==
          "newsdex-index: " + (dir / "typo.jsonl").string() + ": no such file or folder\n");
    CHECK_FALSE(fs::exists(index));
    CHECK(r.out.empty());
}
