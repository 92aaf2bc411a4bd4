/// @file text_reader.cpp
/// @brief One plain-text file to one Article: title line, body, labels from the path.
#include "corpus/readers/text_reader.hpp"

#include "common/text.hpp"
#include "corpus/readers/record_support.hpp"

namespace newsdex::corpus {

void read_text(std::istream& in, const std::string& file_name, const ReadOptions& options,
               const ArticleSink& sink) {
    const std::optional<std::string> text = read_utf8_text(*in.rdbuf(), file_name, options, sink);
    if (!text) return;
    const std::string_view all(*text);
    const std::size_t start = all.find_first_not_of(" \t\r\n");
    const std::size_t end = start == std::string_view::npos ? start : all.find('\n', start);
    Article article;
    if (start != std::string_view::npos) {
        article.title = collapse_whitespace(all.substr(start, end - start));
        if (end != std::string_view::npos) article.body = std::string(trim(all.substr(end)));
    }
    const PathLabels labels = path_labels(file_name);
    article.id = labels.id;
    if (!labels.folder.empty()) article.categories.push_back(labels.folder);
    try {
        finish_article(article, options.source.empty() ? labels.parent_folder : options.source);
    } catch (const BadRecord& bad) {
        sink.on_problem(ParseError(file_name, 1, bad.reason));
        return;
    }
    article.origin_file = file_name;
    article.origin_line = 1;
    sink.on_article(std::move(article));
}

}  // namespace newsdex::corpus
