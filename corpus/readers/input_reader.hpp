/// @file input_reader.hpp
/// @brief Walks the inputs given on the command line (files, folders, stdin) and reads each.
#pragma once

#include <string>
#include <vector>

#include "corpus/readers/article_sink.hpp"
#include "corpus/readers/format.hpp"
#include "corpus/readers/read_options.hpp"

namespace newsdex::corpus {

/// Reads every article under `paths`, in order: a file is read as its detected (or forced)
/// format; a folder is walked recursively in sorted order, taking only files whose format is
/// detected (others are silently passed over, e.g. README.txt); "-" is standard input
/// (needs a forced format or content that tells). A path that does not exist or cannot be
/// read, or a named file whose format cannot be told, is reported to sink.on_problem with
/// line 0 and the walk goes on.
void read_inputs(const std::vector<std::string>& paths, const ReadOptions& options,
                 const ArticleSink& sink);

}  // namespace newsdex::corpus
