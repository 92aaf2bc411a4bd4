/// @file fts5_bench.cpp
/// @brief The SQLite FTS5 peer of newsdex-bench: the same JSONL input, workload and JSON output.
#include <simdjson.h>

#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "bench/bench_stats.hpp"
#include "bench/peers/fts5/sqlite_db.hpp"
#include "bench/query_workload.hpp"

namespace newsdex::bench::fts5 {

namespace {

/// Command line: MODE then --key value pairs, --json, and positional inputs.
struct Args {
    std::string mode;
    std::map<std::string, std::string> options;
    std::vector<std::string> inputs;

    [[nodiscard]] std::string get(const std::string& key) const {
        const auto it = options.find(key);
        if (it == options.end()) throw std::invalid_argument("missing --" + key);
        return it->second;
    }
    [[nodiscard]] int number(const std::string& key, int fallback) const {
        const auto it = options.find(key);
        return it == options.end() ? fallback : std::stoi(it->second);
    }
};

Args parse_args(int argc, char* argv[]) {
    Args args;
    if (argc < 2) throw std::invalid_argument("no mode (index or queries)");
    args.mode = argv[1];
    for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--json")
            args.options["json"] = "1";
        else if (arg.starts_with("--") && i + 1 < argc)
            args.options[arg.substr(2)] = argv[++i];
        else
            args.inputs.push_back(arg);
    }
    return args;
}

/// `1987-02-26T15:01:01Z` or `1987-02-26` to UTC seconds (timegm: no time zone applies).
std::int64_t epoch_seconds(std::string_view iso) {
    std::tm tm{};
    tm.tm_year = std::stoi(std::string(iso.substr(0, 4))) - 1900;
    tm.tm_mon = std::stoi(std::string(iso.substr(5, 2))) - 1;
    tm.tm_mday = std::stoi(std::string(iso.substr(8, 2)));
    if (iso.size() >= 19) {
        tm.tm_hour = std::stoi(std::string(iso.substr(11, 2)));
        tm.tm_min = std::stoi(std::string(iso.substr(14, 2)));
        tm.tm_sec = std::stoi(std::string(iso.substr(17, 2)));
    }
    return timegm(&tm);
}

// ---------------------------------------------------------------- index

// External-content FTS5: the text is stored once, in docs, and snippet() reads it from there.
constexpr const char* kSchema = R"(
CREATE TABLE docs(id TEXT, title TEXT, body TEXT, date INTEGER, date_iso TEXT, month TEXT,
                  source TEXT, entities TEXT, categories TEXT);
CREATE TABLE doc_entities(doc INTEGER, entity TEXT);
CREATE VIRTUAL TABLE fts USING fts5(title, body, content='docs', content_rowid='rowid',
                                    tokenize='porter');
INSERT INTO fts(fts, rank) VALUES('rank', 'bm25(3.0, 1.0)');
)";

struct BuildCounts {
    std::uint64_t docs = 0;
    std::uint64_t text_bytes = 0;
};

std::string_view field(simdjson::dom::object obj, std::string_view key) {
    std::string_view text;
    return obj[key].get_string().get(text) == simdjson::SUCCESS ? text : std::string_view();
}

/// Inserts one article into docs, fts and doc_entities.
void insert(Database& db, std::int64_t rowid, simdjson::dom::object a, BuildCounts& counts) {
    const auto title = field(a, "title"), body = field(a, "body"), date = field(a, "date");
    std::string entities, categories;
    std::vector<std::string> entity_values;
    simdjson::dom::array list;
    if (a["entities"].get_array().get(list) == simdjson::SUCCESS)
        for (auto e : list) {
            entity_values.push_back(std::string(field(e, "type")) + ":" +
                                    std::string(field(e, "name")));
            entities += entity_values.back() + "\n";
        }
    if (a["categories"].get_array().get(list) == simdjson::SUCCESS)
        for (auto c : list) categories += std::string(c.get_string().value_unsafe()) + "\n";
    const std::string month(date.substr(0, 7));
    auto& doc = db.statement(
        "INSERT INTO docs(rowid, id, title, body, date, date_iso, month, "
        "source, entities, categories) VALUES(?,?,?,?,?,?,?,?,?,?)");
    doc.bind(1, rowid).bind(2, field(a, "id")).bind(3, title).bind(4, body);
    if (!date.empty()) doc.bind(5, epoch_seconds(date)).bind(6, date).bind(7, month);
    doc.bind(8, field(a, "source")).bind(9, entities).bind(10, categories).step();
    db.statement("INSERT INTO fts(rowid, title, body) VALUES(?,?,?)")
        .bind(1, rowid)
        .bind(2, title)
        .bind(3, body)
        .step();
    for (const auto& value : entity_values)
        db.statement("INSERT INTO doc_entities(doc, entity) VALUES(?,?)")
            .bind(1, rowid)
            .bind(2, value)
            .step();
    ++counts.docs;
    counts.text_bytes += title.size() + body.size();
}

BuildCounts build(const std::string& input, const std::string& path) {
    std::filesystem::remove(path);
    Database db(path);
    // A bulk load that would simply be redone after a crash: no journal, no fsync, and a page
    // cache the size of Lucene's RAM buffer.
    db.exec("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144;");
    db.exec(kSchema);
    db.exec("BEGIN");
    simdjson::dom::parser parser;
    std::ifstream in(input);
    if (!in) throw std::runtime_error("cannot read " + input);
    BuildCounts counts;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        simdjson::dom::object a;
        if (parser.parse(line).get_object().get(a) != simdjson::SUCCESS)
            throw std::runtime_error(input + ": line " + std::to_string(counts.docs + 1) +
                                     " is not JSON");
        insert(db, static_cast<std::int64_t>(counts.docs + 1), a, counts);
    }
    db.exec("CREATE INDEX doc_entities_doc ON doc_entities(doc)");
    db.exec("COMMIT");
    return counts;
}

int run_index(const Args& args) {
    if (args.inputs.size() != 1) throw std::invalid_argument("index needs one FILE.jsonl");
    const std::string dir = args.get("index");
    const std::string path = dir + "/fts5.sqlite";
    std::filesystem::create_directories(dir);
    std::vector<double> runs, cpu_runs;
    BuildCounts counts;
    for (int run = 0; run < args.number("repeat", 1); ++run) {
        const double cpu_before = cpu_seconds();
        const Stopwatch watch;
        counts = build(args.inputs[0], path);
        runs.push_back(watch.seconds());
        cpu_runs.push_back(cpu_seconds() - cpu_before);
    }
    const double seconds = median(runs), input_mb = static_cast<double>(counts.text_bytes) / 1e6;
    JsonWriter json;
    json.begin_object().key("engine").value("fts5").key("mode").value("index");
    json.key("docs").value(counts.docs).key("input_mb").value(input_mb);
    json.key("runs_s").begin_array();
    for (double run : runs) json.value(run);
    json.end_array().key("seconds").value(seconds).key("cpu_s").value(median(cpu_runs));
    json.key("docs_per_s").value(static_cast<double>(counts.docs) / seconds);
    json.key("mb_per_s").value(input_mb / seconds).key("index_mb").value(disk_mb(dir));
    json.key("peak_rss_mb").value(peak_rss_mb()).end_object();
    std::cout << json.str() << '\n';
    return 0;
}

// ---------------------------------------------------------------- queries

/// A word as an FTS5 string, so that punctuation and keywords are taken literally.
std::string fts5_string(std::string_view word) {
    std::string out = "\"";
    for (char c : word) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

/// The FTS5 MATCH expression of a workload query (words OR'd by default, as in newsdex).
std::string match_expression(const WorkloadQuery& w) {
    if (w.query_class == "phrase") {
        std::string inner = w.q;
        std::erase(inner, '"');
        return fts5_string(inner);
    }
    const std::string op = w.query_class == "and" ? " AND " : " OR ";
    std::string out;
    for (const auto& word : split_words(w.q)) out += (out.empty() ? "" : op) + fts5_string(word);
    return out;
}

/// What one workload query runs: its MATCH and the filters on docs.
struct Prepared {
    std::string match;
    std::string filter_sql;  // " AND d.date BETWEEN ?2 AND ?3" and/or " AND d.source = ?4"
    std::int64_t from = 0, to = 0;
    std::string source;
};

Prepared prepare(const WorkloadQuery& w) {
    Prepared p{match_expression(w), "", 0, 0, w.source.value_or("")};
    if (w.from && w.to) {
        p.filter_sql += " AND d.date BETWEEN ?2 AND ?3";
        p.from = epoch_seconds(*w.from);
        p.to = epoch_seconds(*w.to) + 86399;  // the whole last day
    }
    if (w.source) p.filter_sql += " AND d.source = ?4";
    return p;
}

Statement& bind_all(Statement& s, const Prepared& p) {
    s.bind(1, p.match);
    if (p.filter_sql.find("?2") != std::string::npos) s.bind(2, p.from).bind(3, p.to);
    if (p.filter_sql.find("?4") != std::string::npos) s.bind(4, p.source);
    return s;
}

/// Keeps results observable, so that no work can be skipped.
std::size_t g_sink = 0;

/// Top 10 by bm25 (FTS5 sorts by rank itself, so snippet() runs on the 10 returned rows only),
/// then the facet GROUP BYs over all matches.
void search(Database& db, const WorkloadQuery& w, const Prepared& p, bool snippets) {
    const std::string snippet = snippets ? "snippet(fts, 1, '[[', ']]', '...', 32)" : "''";
    auto& top = db.statement("SELECT d.id, d.title, d.date_iso, d.source, d.entities, " + snippet +
                             " FROM fts JOIN docs d ON d.rowid = fts.rowid WHERE fts MATCH ?1" +
                             p.filter_sql + " ORDER BY rank LIMIT 10");
    bind_all(top, p);
    while (top.step()) g_sink += top.text(1).size() + top.text(5).size();
    for (const auto& facet : w.facets) {
        std::string sql;
        if (facet == "entity")
            sql =
                "SELECT e.entity, count(*) AS n FROM fts JOIN doc_entities e ON e.doc = fts.rowid "
                "WHERE fts MATCH ?1 GROUP BY e.entity ORDER BY n DESC LIMIT 20";
        else
            sql = "SELECT d." + facet +
                  ", count(*) FROM fts JOIN docs d ON d.rowid = fts.rowid "
                  "WHERE fts MATCH ?1 GROUP BY d." +
                  facet;
        auto& counts = db.statement(sql).bind(1, p.match);
        while (counts.step()) g_sink += static_cast<std::size_t>(counts.integer(1));
    }
}

/// How many documents a query matches (untimed; for the cross-check column).
std::uint64_t count_matches(Database& db, const Prepared& p) {
    auto& s = db.statement(
        "SELECT count(*) FROM fts JOIN docs d ON d.rowid = fts.rowid "
        "WHERE fts MATCH ?1" +
        p.filter_sql);
    bind_all(s, p);
    return s.step() ? static_cast<std::uint64_t>(s.integer(0)) : 0;
}

void passes(Database& db, const std::vector<WorkloadQuery>& workload,
            const std::vector<Prepared>& prepared, int count, bool snippets, LatencyTable* table) {
    for (int pass = 0; pass < count; ++pass)
        for (std::size_t i = 0; i < workload.size(); ++i) {
            const Stopwatch watch;
            search(db, workload[i], prepared[i], snippets);
            const double micros = watch.microseconds();
            if (!table) continue;
            table->add(workload[i].query_class, micros);
            if (pass == 0)
                table->add_matches(workload[i].query_class, count_matches(db, prepared[i]));
        }
}

int run_queries(const Args& args) {
    const auto workload = read_workload(args.get("queries"));
    std::vector<Prepared> prepared;
    for (const auto& w : workload) prepared.push_back(prepare(w));
    Database db(args.get("index") + "/fts5.sqlite");
    // Reads through mmap, as the other engines do (Xapian and Lucene read via the page cache).
    db.exec("PRAGMA mmap_size=4294967296; PRAGMA query_only=1;");
    const int repeat = args.number("repeat", 1), warmup = args.number("warmup", 1);
    LatencyTable full, bare;
    passes(db, workload, prepared, warmup, true, nullptr);
    passes(db, workload, prepared, repeat, true, &full);
    passes(db, workload, prepared, warmup, false, nullptr);
    passes(db, workload, prepared, repeat, false, &bare);
    auto& docs = db.statement("SELECT count(*) FROM docs");
    docs.step();
    JsonWriter json;
    json.begin_object().key("engine").value("fts5").key("mode").value("queries");
    json.key("docs").value(docs.integer(0)).key("repeat").value(repeat).key("warmup").value(warmup);
    json.key("classes");
    full.write(json);
    json.key("classes_no_snippets");
    bare.write(json);
    json.key("peak_rss_mb").value(peak_rss_mb());
    json.key("checksum").value(static_cast<std::uint64_t>(g_sink)).end_object();
    std::cout << json.str() << '\n';
    return 0;
}

}  // namespace

}  // namespace newsdex::bench::fts5

int main(int argc, char* argv[]) {
    using namespace newsdex::bench::fts5;
    try {
        const Args args = parse_args(argc, argv);
        if (args.mode == "index") return run_index(args);
        if (args.mode == "queries") return run_queries(args);
        throw std::invalid_argument("unknown mode " + args.mode);
    } catch (const std::invalid_argument& e) {
        std::fprintf(
            stderr,
            "fts5-bench: %s\nusage: fts5-bench index --index DIR [--repeat N] FILE.jsonl\n"
            "       fts5-bench queries --index DIR --queries FILE [--repeat N] [--warmup N]\n",
            e.what());
        return 2;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "fts5-bench: %s\n", e.what());
        return 1;
    }
}
