/// @file article_collector.hpp
/// @brief Test helper: an ArticleSink that keeps every article and problem, and file writing.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "corpus/readers/article_sink.hpp"
#include "corpus/readers/read_options.hpp"

namespace newsdex::test {

/// Keeps what a reader produced, in order.
struct ArticleCollector {
    std::vector<Article> articles;
    std::vector<ParseError> problems;

    /// A sink appending to this collector (which must outlive the read).
    [[nodiscard]] corpus::ArticleSink sink() {
        return {[this](Article&& a) { articles.push_back(std::move(a)); },
                [this](const ParseError& e) { problems.push_back(e); }};
    }
};

/// What the reader `read` (read_csv, read_json, read_text, ...) makes of `text` read as file
/// `name`.
template <auto read>
[[nodiscard]] ArticleCollector read_with(const std::string& text, const std::string& name,
                                         const corpus::ReadOptions& options = {}) {
    ArticleCollector got;
    std::istringstream in(text);
    read(in, name, options, got.sink());
    return got;
}

/// Writes `text` to `path`, creating its folders.
inline void write_file(const std::filesystem::path& path, const std::string& text) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
}

}  // namespace newsdex::test
