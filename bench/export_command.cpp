/// @file export_command.cpp
/// @brief `newsdex-bench export`: any newsdex input to the JSONL every engine indexes, scaled up.
#include <cstdio>
#include <fstream>
#include <iostream>

#include "bench/commands.hpp"
#include "common/error.hpp"
#include "common/json_writer.hpp"
#include "common/program.hpp"
#include "corpus/readers/input_reader.hpp"

namespace po = boost::program_options;

namespace newsdex::bench {

namespace {

bool is_leap(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

/// An ISO date from format_iso() moved by whole years: only the year digits change, so the
/// time of day and the month stay; 29 February becomes the 28th in a common year.
std::string shift_years(std::string iso, int years) {
    if (years == 0 || iso.size() < 10) return iso;
    const int year = std::stoi(iso.substr(0, 4)) + years;
    char digits[16];
    std::snprintf(digits, sizeof digits, "%04d", year);
    iso.replace(0, 4, digits);
    if (iso.compare(5, 5, "02-29") == 0 && !is_leap(year)) iso[9] = '8';
    return iso;
}

/// One JSONL record of copy `copy`: id suffixed "#copy" (copy 0 keeps the original id).
std::string to_jsonl(const Article& a, int copy) {
    JsonWriter json;
    json.begin_object();
    json.key("id").value(copy == 0 ? a.id : a.id + "#" + std::to_string(copy));
    json.key("title").value(a.title);
    json.key("body").value(a.body);
    if (a.date) json.key("date").value(shift_years(format_iso(*a.date), copy));
    json.key("source").value(a.source);
    json.key("entities").begin_array();
    for (const auto& e : a.entities) {
        json.begin_object().key("type").value(to_string(e.type));
        json.key("name").value(e.name).end_object();
    }
    json.end_array();
    json.key("categories").begin_array();
    for (const auto& c : a.categories) json.value(c);
    json.end_array();
    json.end_object();
    return json.str();
}

}  // namespace

int run_export(int argc, char* argv[]) {
    std::string out_path;
    int scale = 1;
    std::vector<std::string> paths;
    po::options_description visible("newsdex-bench export options");
    add_help_option(visible, "show this help");
    visible.add_options()("out,o", po::value(&out_path)->required()->value_name("FILE"),
                          "JSONL file to write");
    add_count_option(
        visible, "scale", scale,
        "write N copies; copy k gets id suffix #k and dates shifted by k years (default 1)", {1});
    const char* usage = "Usage: newsdex-bench export --out FILE.jsonl [--scale N] PATH...\n";
    if (!parse_command_line(argc, argv, visible, &paths, usage)) return 0;
    if (paths.empty()) throw UsageError("no input given (PATH...)");

    // One copy in memory (Reuters is ~20 MB); the copies are written from it in copy order,
    // so an index of the export sees the whole original corpus before any synthetic copy.
    std::vector<Article> articles;
    std::uint64_t skipped = 0;
    corpus::ArticleSink sink{[&](Article&& a) { articles.push_back(std::move(a)); },
                             [&](const ParseError& e) {
                                 ++skipped;
                                 std::cerr << "newsdex-bench: skipped " << e.what() << '\n';
                             }};
    corpus::read_inputs(paths, {}, sink);

    std::ofstream out(out_path, std::ios::binary);
    if (!out) throw Error("cannot write " + out_path);
    for (int copy = 0; copy < scale; ++copy)
        for (const auto& article : articles) out << to_jsonl(article, copy) << '\n';
    out.close();
    if (!out) throw Error("write error on " + out_path);
    std::cerr << "newsdex-bench: wrote " << articles.size() * static_cast<std::size_t>(scale)
              << " articles (" << scale << " x " << articles.size() << ", " << skipped
              << " skipped) to " << out_path << '\n';
    return 0;
}

}  // namespace newsdex::bench
