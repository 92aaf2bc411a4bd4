/// @file input_reader.cpp
/// @brief Dispatches files, folders (walked in sorted order) and stdin to the format readers.
#include "corpus/input_reader.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <streambuf>
#include <system_error>

#include "corpus/compressed_input.hpp"
#include "corpus/csv_reader.hpp"
#include "corpus/json_reader.hpp"
#include "corpus/jsonl_reader.hpp"
#include "corpus/mail_reader.hpp"
#include "corpus/page_reader.hpp"
#include "corpus/reuters_reader.hpp"
#include "corpus/text_reader.hpp"

namespace newsdex::corpus {

namespace fs = std::filesystem;

namespace {

/// Bytes read to detect a format: enough to reach a scraped page's first furniture lines.
constexpr std::size_t head_size = 16384;

/// Serves bytes already taken from a stream (to detect its format), then the rest of it:
/// stdin cannot be rewound, and line numbers must still count from its first line.
class PrefixedBuf : public std::streambuf {
  public:
    PrefixedBuf(std::string head, std::streambuf* rest) : head_(std::move(head)), rest_(rest) {
        setg(head_.data(), head_.data(), head_.data() + head_.size());
    }

  protected:
    int_type underflow() override {
        if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
        const std::streamsize n = rest_->sgetn(buffer_.data(), buffer_.size());
        if (n <= 0) return traits_type::eof();
        setg(buffer_.data(), buffer_.data(), buffer_.data() + n);
        return traits_type::to_int_type(*gptr());
    }

  private:
    std::string head_;
    std::streambuf* rest_;
    std::array<char, 1 << 16> buffer_{};
};

std::string read_head(std::streambuf& in) {
    std::string head(head_size, '\0');
    const std::streamsize n = in.sgetn(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(std::max<std::streamsize>(n, 0)));
    return head;
}

void read_stream(std::istream& in, Format format, const std::string& name,
                 const ReadOptions& options, const ArticleSink& sink) {
    switch (format) {
        case Format::reuters:
            return ReutersReader::read(in, name, sink);
        case Format::page:
            return PageReader::read(in, name, options, sink);
        case Format::json:
            return JsonReader::read(in, name, options, sink);
        case Format::csv:
            return CsvReader::read(in, name, options, sink);
        case Format::text:
            return TextReader::read(in, name, options, sink);
        case Format::mail:
            return MailReader::read(in, name, options, sink);
        case Format::jsonl:
        case Format::automatic:
            return JsonlReader::read(in, name, options, sink);
    }
}

const char* cannot_tell =
    "cannot tell the input format (expected reut2-*.sgm, *.jsonl, *.ndjson, *.json, *.csv, a "
    "*.txt title line then a blank line, a mail header block, or content starting with '{', "
    "'[' or '<REUTERS'); force one with the format option";

/// Reads one decompressed file or archive member (a DecompressedReader); a compressed member
/// is itself decompressed.
void read_member(std::streambuf& raw, const std::string& name, const std::string& detect_name,
                 bool named, const ReadOptions& options, const ArticleSink& sink) {
    std::string head = read_head(raw);
    const bool compressed = is_compressed(detect_name, head);
    const auto detected = compressed ? std::nullopt : detect_format(detect_name, head);
    // Bytes taken to detect the format are served again: stdin and archives cannot rewind.
    PrefixedBuf buf(std::move(head), &raw);
    if (compressed) return read_compressed(buf, name, named, options, read_member, sink);
    if (!named && !detected) return;
    const Format format = options.format != Format::automatic ? options.format
                          : detected                          ? *detected
                                                              : Format::automatic;
    if (format == Format::automatic) {
        sink.on_problem(ParseError(name, 0, cannot_tell));
        return;
    }
    std::istream in(&buf);
    read_stream(in, format, name, options, sink);
}

/// Reads one file. In a folder walk (`named` false) files of unknown format are passed over
/// silently; a file the user named is reported instead.
void read_file(const fs::path& path, const ReadOptions& options, bool named,
               const ArticleSink& sink) {
    const std::string name = path.string();
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        sink.on_problem(ParseError(name, 0, std::string("cannot open: ") + std::strerror(errno)));
        return;
    }
    read_member(*in.rdbuf(), name, name, named, options, sink);
}

void read_stdin(const ReadOptions& options, const ArticleSink& sink) {
    read_member(*std::cin.rdbuf(), "-", "", true, options, sink);
}

void read_folder(const fs::path& root, const ReadOptions& options, const ArticleSink& sink) {
    std::vector<fs::path> files;
    std::error_code ec;
    fs::recursive_directory_iterator it(root, ec), end;
    if (ec) {
        sink.on_problem(ParseError(root.string(), 0, "cannot list folder: " + ec.message()));
        return;
    }
    for (; it != end; it.increment(ec)) {
        if (ec) {
            sink.on_problem(ParseError(root.string(), 0, "cannot list folder: " + ec.message()));
            return;
        }
        // Hidden entries (.git, editor backups) are never corpus content.
        if (it->path().filename().string().starts_with(".")) {
            if (it->is_directory(ec)) it.disable_recursion_pending();
            continue;
        }
        if (it->is_regular_file(ec)) files.push_back(it->path());
    }
    // Directory order is unspecified; sorting makes indexes reproducible.
    std::sort(files.begin(), files.end());
    for (const auto& file : files) read_file(file, options, false, sink);
}

}  // namespace

void read_inputs(const std::vector<std::string>& paths, const ReadOptions& options,
                 const ArticleSink& sink) {
    for (const auto& path : paths) {
        if (path == "-") {
            read_stdin(options, sink);
            continue;
        }
        std::error_code ec;
        const auto status = fs::status(path, ec);
        if (!fs::exists(status)) {
            sink.on_problem(ParseError(path, 0, "no such file or folder"));
        } else if (ec) {
            sink.on_problem(ParseError(path, 0, "cannot read: " + ec.message()));
        } else if (fs::is_directory(status)) {
            read_folder(path, options, sink);
        } else {
            read_file(path, options, true, sink);
        }
    }
}

}  // namespace newsdex::corpus
