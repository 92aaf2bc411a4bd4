/// @file input_reader.hpp
/// @brief Walks the inputs given on the command line (files, folders, stdin) and reads each.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "corpus/readers/article_sink.hpp"
#include "corpus/readers/format.hpp"
#include "corpus/readers/read_options.hpp"

namespace newsdex::corpus {

/// Throws ParseError (line 0, "no such file or folder") for the first of `paths` that does not
/// exist ("-" is stdin): a path mistyped on the command line is an error before anything is
/// created, not a warning after an empty index was made.
void check_inputs_exist(const std::vector<std::string>& paths);

/// The bytes of the files read_inputs() reads under `paths` (ReadOptions::progress's total):
/// regular files as named and the files of folders as the walk collects them (what it cannot
/// read is reported when it reads); 0 when standard input or a pipe is among them.
[[nodiscard]] std::uint64_t input_bytes(const std::vector<std::string>& paths);

/// Reads every article under `paths`, in order: a file is read as its detected (or forced)
/// format; a folder is walked recursively in sorted order, taking only files whose format is
/// detected (others are silently passed over, e.g. README.txt); "-" is standard input
/// (needs a forced format or content that tells). A path that does not exist or cannot be
/// read, or a named file whose format cannot be told, is reported to sink.on_problem with
/// line 0 and the walk goes on.
void read_inputs(const std::vector<std::string>& paths, const ReadOptions& options,
                 const ArticleSink& sink);

}  // namespace newsdex::corpus
