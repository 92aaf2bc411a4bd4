/// @file compressed_input.hpp
/// @brief Compressed files and archives (gzip, bzip2, xz, zstd; tar, zip) read as streams.
#pragma once

#include <functional>
#include <streambuf>
#include <string>
#include <string_view>

#include "corpus/readers/article_sink.hpp"
#include "corpus/readers/read_options.hpp"

namespace newsdex::corpus {

/// Reads one decompressed file: `in` holds its bytes; `name` names it in messages and ids
/// ("dump.jsonl.gz", "dump.tar.gz:2024/a.jsonl"); `detect_name` tells its format ("dump.jsonl",
/// "2024/a.jsonl"); `named` says whether a file of unknown format is reported (else passed
/// over, as in a folder walk); `options` may carry an archive member's time as `now`.
using DecompressedReader =
    std::function<void(std::streambuf& in, const std::string& name, const std::string& detect_name,
                       bool named, const ReadOptions& options, const ArticleSink& sink)>;

/// Whether a file is compressed or an archive, by its name (.gz, .bz2, .xz, .zst, .tar, .tgz,
/// .tbz2, .txz, .tzst, .zip) or its first bytes (gzip, bzip2, xz, zstd, zip or tar magic).
[[nodiscard]] bool is_compressed(std::string_view file_name, std::string_view head);

/// `file_name` without its compression suffix: "a.jsonl.gz" gives "a.jsonl", "a.tgz" "a.tar".
[[nodiscard]] std::string strip_compression_suffix(std::string_view file_name);

/// Reads the compressed stream `raw` of file `name` through libarchive, never unpacking it to
/// disk: a single compressed file is handed to `read_file` as one file named without its
/// suffix; an archive member by member (regular files only, hidden ones left out), each named
/// "name:member/path" and timed by the archive unless ReadOptions::now is set. Data that ends
/// early or is corrupt is one problem, with the line and byte offset where the readable data
/// ends (problems the reader reports about that cut-off tail are left out); whatever was read
/// before it is kept.
void read_compressed(std::streambuf& raw, const std::string& name, bool named,
                     const ReadOptions& options, const DecompressedReader& read_file,
                     const ArticleSink& sink);

}  // namespace newsdex::corpus
