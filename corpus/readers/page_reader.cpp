/// @file page_reader.cpp
/// @brief Reads a scraped page: its stories (corpus/page) with ids, file and default source.
#include "corpus/readers/page_reader.hpp"

#include <sys/stat.h>

#include <ctime>

#include "corpus/page/page_stories.hpp"
#include "corpus/readers/record_support.hpp"

namespace newsdex::corpus {

namespace {

/// ReadOptions::now, else the file's modification time, else now.
std::int64_t reference_time(const std::string& file_name, const ReadOptions& options) {
    if (options.now) return *options.now;
    struct stat info {};
    if (file_name != "-" && ::stat(file_name.c_str(), &info) == 0) return info.st_mtime;
    return static_cast<std::int64_t>(std::time(nullptr));
}

}  // namespace

void read_page(std::istream& in, const std::string& file_name, const ReadOptions& options,
               const ArticleSink& sink) {
    const std::optional<std::string> whole = read_utf8_text(*in.rdbuf(), file_name, options, sink);
    if (!whole) return;
    const std::string& text = *whole;
    const PathLabels labels = path_labels(file_name);
    const std::string id_base = labels.id.empty() ? content_id(text, "") : labels.id;
    // A page whose publisher cannot be found has none (or the one given): its folder's name
    // is where it was saved, not who published it.
    const std::string& default_source = options.source;
    int count = 0;
    for (Article& article : page_stories(text, reference_time(file_name, options))) {
        article.id = id_base + "#" + std::to_string(++count);
        article.origin_file = file_name;
        try {
            finish_article(article, default_source);
        } catch (const BadRecord& bad) {
            sink.on_problem(ParseError(file_name, article.origin_line, bad.reason));
            continue;
        }
        sink.on_article(std::move(article));
    }
    if (count == 0) sink.on_problem(ParseError(file_name, 1, "no text on the page"));
}

}  // namespace newsdex::corpus
