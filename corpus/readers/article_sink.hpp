/// @file article_sink.hpp
/// @brief The callbacks through which readers hand over articles and report bad records.
#pragma once

#include <functional>

#include "common/article.hpp"
#include "common/error.hpp"

namespace newsdex::corpus {

/// Receives each article a reader produces, in input order.
using ArticleHandler = std::function<void(Article&&)>;

/// Receives each record a reader had to skip (file, line and reason in the ParseError).
/// It may throw (e.g. the indexer's --strict mode rethrows) to stop reading at once.
using ProblemHandler = std::function<void(const ParseError&)>;

/// The callbacks of a read.
struct ArticleSink {
    ArticleHandler on_article;
    ProblemHandler on_problem;
    /// Receives each article whose body was cut to ReadOptions::max_article_bytes, just before
    /// the article itself (which is still handed over); may throw like on_problem. Optional.
    ProblemHandler on_cut{};
};

}  // namespace newsdex::corpus
