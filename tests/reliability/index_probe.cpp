/// @file index_probe.cpp
/// @brief Index checks for the reliability tests, through a read-only Xapian::Database.
#include "reliability/index_probe.hpp"

#include <xapian.h>

#include <algorithm>

#include "common/schema.hpp"

namespace newsdex::test {

std::vector<std::string> index_reuters_command(const std::filesystem::path& dir,
                                               const std::vector<std::string>& extra) {
    std::vector<std::string> argv{
        index_program(),  "-d", dir.string(), "--batch-size", std::to_string(test_batch),
        "--segment-size", "0",  "--quiet"};
    argv.insert(argv.end(), extra.begin(), extra.end());
    argv.push_back(reuters_dir().string());
    return argv;
}

std::vector<std::string> segmented_reuters_command(const std::filesystem::path& dir) {
    return {index_program(),  "-d",   dir.string(), "--threads",           "2",
            "--segment-size", "2000", "--quiet",    reuters_dir().string()};
}

bool second_segment_started(const std::filesystem::path& dir) {
    return std::filesystem::exists(std::filesystem::path(dir.string() + ".segments") / "lane-0" /
                                   "segment-1");
}

std::vector<std::string> leftovers_beside(const std::filesystem::path& dir) {
    std::vector<std::string> found;
    for (const char* suffix : {".segments", ".compacting"})
        if (std::filesystem::exists(dir.string() + suffix)) found.push_back(dir.string() + suffix);
    return found;
}

std::vector<std::string> reuters_files() {
    std::vector<std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(reuters_dir()))
        if (entry.path().extension() == ".sgm") files.push_back(entry.path().string());
    std::sort(files.begin(), files.end());
    return files;
}

std::vector<std::string> index_files_command(const std::filesystem::path& dir, std::size_t first,
                                             std::size_t end) {
    const auto files = reuters_files();
    auto argv = index_reuters_command(dir);
    argv.pop_back();  // the folder, replaced by the files
    argv.insert(argv.end(), files.begin() + static_cast<std::ptrdiff_t>(first),
                files.begin() + static_cast<std::ptrdiff_t>(std::min(end, files.size())));
    return argv;
}

ChildOptions indexer_options() {
    ChildOptions options;
    options.env = {"XAPIAN_FLUSH_THRESHOLD=100000000"};
    return options;
}

OpenResult open_and_count(const std::filesystem::path& dir) {
    try {
        const Xapian::Database db(dir.string());
        return {db.get_doccount(), {}};
    } catch (const Xapian::Error& e) {
        return {std::nullopt, e.get_description()};
    }
}

CommandResult xapian_check(const std::filesystem::path& dir) {
    const std::string program = find_on_path("xapian-check");
    if (program.empty()) return {127, {}, "xapian-check not found on PATH"};
    return run_command({program, dir.string()});
}

std::string reuters_id_problems(const std::filesystem::path& dir, std::uint64_t n) {
    const Xapian::Database db(dir.string());
    const std::string prefix = schema::id_term("");
    std::string problems;
    for (std::uint64_t i = 1; i <= n; ++i) {
        const std::string term = schema::id_term("reuters-" + std::to_string(i));
        if (const auto freq = db.get_termfreq(term); freq != 1)
            problems += term + " occurs " + std::to_string(freq) + " times; ";
    }
    // Nothing beyond the first n: a count alone would hide one missing and one extra.
    std::uint64_t id_terms = 0;
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) ++id_terms;
    if (id_terms != n)
        problems += std::to_string(id_terms) + " id terms, expected " + std::to_string(n);
    return problems;
}

}  // namespace newsdex::test
