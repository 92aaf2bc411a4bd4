/// @file input_reader.cpp
/// @brief Dispatches files, folders (walked in sorted order) and stdin to the format readers.
#include "corpus/readers/input_reader.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <streambuf>
#include <system_error>

#include "common/text.hpp"
#include "corpus/readers/compressed_input.hpp"

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

const char* cannot_tell =
    "cannot tell the input format (expected reut2-*.sgm, *.jsonl, *.ndjson, *.json, *.csv, a "
    "*.txt title line then a blank line, a mail header block, or content starting with '{', "
    "'[' or '<REUTERS'); force one with the format option";

/// What a file that is not a regular file is, for messages.
std::string kind_of(const fs::file_status& status) {
    switch (status.type()) {
        case fs::file_type::not_found:
            return "a broken symbolic link";
        case fs::file_type::fifo:
            return "a FIFO";
        case fs::file_type::socket:
            return "a socket";
        case fs::file_type::character:
            return "a character device";
        case fs::file_type::block:
            return "a block device";
        default:
            return "not a file or folder";
    }
}

/// Files a folder walk would read if their content told a format: *.txt and names without an
/// extension (mail corpora); binary data in them is reported, in an image it is not.
bool may_hold_text(const std::string& detect_name) {
    const fs::path path(detect_name);
    return !path.has_extension() || path.extension() == ".txt" || path.extension() == ".TXT";
}

/// The lines of `text` (without their newlines).
std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        lines.push_back(text.substr(0, end));
        if (end == std::string_view::npos) break;
        text.remove_prefix(end + 1);
    }
    return lines;
}

/// A line of text as a record format writes it: printable (tabs and a CR aside), valid UTF-8.
bool is_clean_line(std::string_view line) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const bool printable = std::none_of(line.begin(), line.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return (byte < 0x20 && byte != '\t') || byte == 0x7F;
    });
    return printable && to_valid_utf8(line) == line;
}

/// Whether a head holding a NUL byte is a JSON Lines or CSV file with a bad record, to be
/// read record by record so that only that record is lost, rather than binary data: the CSV
/// header is a clean line with a comma; some JSON Lines line is a clean line opening an object.
bool is_text_with_bad_records(Format format, std::string_view head) {
    const auto lines = split_lines(head);
    if (format == Format::csv)
        return !lines.empty() && is_clean_line(lines.front()) &&
               lines.front().find(',') != std::string_view::npos;
    if (format != Format::jsonl) return false;
    // The head's last line may be cut short: only lines ended by a newline count.
    const bool last_is_whole = head.ends_with('\n');
    const auto end = lines.end() - (last_is_whole || lines.empty() ? 0 : 1);
    return std::any_of(lines.begin(), end, [](std::string_view line) {
        const std::string_view trimmed = trim(line);
        return trimmed.size() >= 8 && trimmed.front() == '{' && is_clean_line(line);
    });
}

/// Reads one decompressed file or archive member (a DecompressedReader); a compressed member
/// is itself decompressed.
void read_member(std::streambuf& raw, const std::string& name, const std::string& detect_name,
                 bool named, const ReadOptions& options, const ArticleSink& sink) {
    std::string head = read_head(raw);
    const bool compressed = is_compressed(detect_name, head);
    const auto detected = compressed ? std::nullopt : detect_format(detect_name, head);
    const Format forced_or_detected = options.format != Format::automatic ? options.format
                                      : detected                          ? *detected
                                                                          : Format::automatic;
    if (const std::size_t nul = head.find('\0');
        !compressed && nul != std::string::npos &&
        !is_text_with_bad_records(forced_or_detected, head)) {
        // No format newsdex reads holds a NUL byte; a reader would report every "line" of it.
        // JSON Lines and CSV skip the records that hold one instead, keeping their neighbours.
        if (named || detected || may_hold_text(detect_name))
            sink.on_problem(ParseError(
                name, 0, "binary data, not text: a NUL byte at byte " + std::to_string(nul)));
        return;
    }
    // Bytes taken to detect the format are served again: stdin and archives cannot rewind.
    PrefixedBuf buf(std::move(head), &raw);
    if (compressed) return read_compressed(buf, name, named, options, read_member, sink);
    if (!named && !detected) return;
    const Format format = forced_or_detected;
    if (format == Format::automatic) {
        sink.on_problem(ParseError(name, 0, cannot_tell));
        return;
    }
    std::istream in(&buf);
    format_info(format).read(in, name, options, sink);
}

/// Reads one file. In a folder walk (`named` false) files of unknown format are passed over
/// silently; a file the user named is reported instead.
void read_file(const fs::path& path, const ReadOptions& options, bool named,
               const ArticleSink& sink) {
    const std::string name = path.string();
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    // A FIFO, socket or device could block or never end: only regular files are read, and a
    // pipe the user names, which is a stream like stdin (`newsdex-index -d DIR <(zcat x.gz)`).
    if (!ec && !fs::is_regular_file(status) && !(named && fs::is_fifo(status))) {
        sink.on_problem(ParseError(name, 0, "not a regular file (" + kind_of(status) + ")"));
        return;
    }
    std::error_code size_error;
    std::uint64_t size = fs::is_regular_file(status) ? fs::file_size(path, size_error) : 0;
    if (size_error) size = 0;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        sink.on_problem(ParseError(name, 0, std::string("cannot open: ") + std::strerror(errno)));
        if (options.progress) options.progress->finish_file(size);
        return;
    }
    if (options.progress) options.progress->start_file(name, in.rdbuf());
    read_member(*in.rdbuf(), name, name, named, options, sink);
    if (options.progress) options.progress->finish_file(size);
}

void read_stdin(const ReadOptions& options, const ArticleSink& sink) {
    if (options.progress) options.progress->start_file("-", nullptr);
    read_member(*std::cin.rdbuf(), "-", "", true, options, sink);
    if (options.progress) options.progress->finish_file(0);
}

/// Collects the files under `folder` (recursively; hidden entries and links to folders left
/// out) into `files`. What cannot be listed or read is reported and the walk goes on.
void collect_files(const fs::path& folder, std::vector<fs::path>& files, const ArticleSink& sink) {
    std::error_code ec;
    fs::directory_iterator it(folder, ec), end;
    if (ec) {
        sink.on_problem(ParseError(folder.string(), 0, "cannot list folder: " + ec.message()));
        return;
    }
    for (; it != end; it.increment(ec)) {
        if (ec) {
            sink.on_problem(ParseError(folder.string(), 0, "cannot list folder: " + ec.message()));
            return;
        }
        const fs::path& path = it->path();
        // Hidden entries (.git, editor backups) are never corpus content.
        if (path.filename().string().starts_with(".")) continue;
        std::error_code link_error, target_error;
        const fs::file_status link = it->symlink_status(link_error);
        const fs::file_status target = it->status(target_error);
        if (fs::is_directory(link)) {
            collect_files(path, files, sink);
        } else if (fs::is_regular_file(target)) {
            files.push_back(path);
        } else if (fs::is_directory(target)) {
            // Following links to folders could loop (a link to its own parent).
            sink.on_problem(ParseError(path.string(), 0,
                                       "link to a folder, not followed (name the folder itself "
                                       "to read it)"));
        } else if (target_error && target.type() != fs::file_type::not_found) {
            sink.on_problem(ParseError(path.string(), 0, "cannot read: " + target_error.message()));
        } else {
            sink.on_problem(
                ParseError(path.string(), 0, "not a regular file (" + kind_of(target) + ")"));
        }
    }
}

void read_folder(const fs::path& root, const ReadOptions& options, const ArticleSink& sink) {
    std::vector<fs::path> files;
    collect_files(root, files, sink);
    // Directory order is unspecified; sorting makes indexes reproducible.
    std::sort(files.begin(), files.end());
    for (const auto& file : files) read_file(file, options, false, sink);
}

/// `sink` with article bodies over `max_bytes` cut (at a UTF-8 character boundary) and each cut
/// reported to sink.on_cut: one runaway record must not cost minutes or gigabytes to index.
ArticleSink limit_size(const ArticleSink& sink, std::size_t max_bytes) {
    ArticleSink limited = sink;
    limited.on_article = [&sink, max_bytes](Article&& article) {
        if (article.body.size() > max_bytes) {
            const std::size_t size = article.body.size();
            article.body.resize(utf8_prefix_size(article.body, max_bytes));
            if (sink.on_cut)
                sink.on_cut(ParseError(article.origin_file, article.origin_line,
                                       "article body cut: " + std::to_string(size) +
                                           " bytes, over the limit of " +
                                           std::to_string(max_bytes) + " (--max-article-bytes)"));
        }
        sink.on_article(std::move(article));
    };
    return limited;
}

}  // namespace

void check_inputs_exist(const std::vector<std::string>& paths) {
    for (const auto& path : paths) {
        if (path == "-") continue;
        std::error_code ec;
        // A broken symbolic link is there to be reported by the read, as in a folder walk.
        if (!fs::exists(fs::symlink_status(path, ec)))
            throw ParseError(path, 0, "no such file or folder");
    }
}

std::uint64_t input_bytes(const std::vector<std::string>& paths) {
    const ArticleSink quiet{[](Article&&) {}, [](const ParseError&) {}};
    std::uint64_t total = 0;
    for (const auto& path : paths) {
        std::error_code ec;
        const fs::file_status status = fs::status(path, ec);
        if (path == "-" || fs::is_fifo(status)) return 0;
        std::vector<fs::path> files;
        if (fs::is_directory(status))
            collect_files(path, files, quiet);
        else if (fs::is_regular_file(status))
            files.emplace_back(path);
        for (const auto& file : files)
            if (const std::uintmax_t size = fs::file_size(file, ec); !ec) total += size;
    }
    return total;
}

void read_inputs(const std::vector<std::string>& paths, const ReadOptions& options,
                 const ArticleSink& unlimited_sink) {
    const ArticleSink sink = limit_size(unlimited_sink, options.max_article_bytes);
    if (options.progress) options.progress->set_total_bytes(input_bytes(paths));
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
