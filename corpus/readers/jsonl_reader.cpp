/// @file jsonl_reader.cpp
/// @brief JSON Lines to Articles, one line at a time through the shared JSON record reader.
#include "corpus/readers/jsonl_reader.hpp"

#include <algorithm>
#include <array>
#include <limits>

#include "corpus/readers/json_article.hpp"

namespace newsdex::corpus {

namespace {

bool is_blank(std::string_view line) {
    return line.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

/// What LineReader::next found.
enum class LineRead { line, too_long, end };

/// Reads lines of at most a given length, so that an endless input with no newline (a pipe
/// from /dev/zero, a corrupt file) cannot grow one line without limit.
class LineReader {
  public:
    LineReader(std::istream& in, std::size_t max_bytes, const ReadOptions& options)
        : in_(in), max_bytes_(max_bytes), options_(options) {}

    /// The next line into `line`; too_long as soon as it passes max_bytes (the rest of it is
    /// still unread: skip_rest() drops it), end at the end of the input or on a read error.
    LineRead next(std::string& line) {
        line.clear();
        bool any = false;
        for (;;) {
            const Chunk chunk = read_chunk();
            any = any || chunk.extracted > 0;
            rest_unread_ = !chunk.ends_line && !chunk.ends_input;
            if (line.size() + chunk.stored > max_bytes_) return LineRead::too_long;
            line.append(chunk_.data(), chunk.stored);
            if (chunk.ends_line) return LineRead::line;
            if (chunk.ends_input) return any ? LineRead::line : LineRead::end;
        }
    }

    /// Reads through the end of the line next() found too long, without keeping it; an
    /// endless one (a pipe with no newline) until a stop is requested.
    void skip_rest() {
        while (rest_unread_ && !options_.stopped()) {
            const Chunk chunk = read_chunk();
            rest_unread_ = !chunk.ends_line && !chunk.ends_input;
        }
    }

  private:
    /// One istream::getline into chunk_: the fast path of libstdc++ (memchr over the buffer).
    struct Chunk {
        std::size_t stored = 0;     ///< bytes of the line in chunk_
        std::size_t extracted = 0;  ///< bytes taken from the input, the newline included
        bool ends_line = false;     ///< a newline ended it
        bool ends_input = false;    ///< the input ended (or failed) instead
    };

    Chunk read_chunk() {
        in_.getline(chunk_.data(), static_cast<std::streamsize>(chunk_.size()));
        Chunk chunk;
        chunk.extracted = static_cast<std::size_t>(in_.gcount());
        if (in_.bad() || in_.eof()) {
            chunk.stored = chunk.extracted;
            chunk.ends_input = true;
        } else if (in_.fail()) {  // chunk_ is full and the line goes on
            chunk.stored = chunk.extracted;
            in_.clear();
        } else {
            chunk.stored = chunk.extracted - 1;
            chunk.ends_line = true;
        }
        return chunk;
    }

    std::istream& in_;
    std::size_t max_bytes_;
    const ReadOptions& options_;
    bool rest_unread_ = false;  ///< the last line read is not read to its end
    std::array<char, 1 << 16> chunk_{};
};

}  // namespace

// An article at the cut, twice over for JSON escapes, plus 1 MiB of title and metadata; but at
// least 64 MiB, because an article far over the cut is still cut and indexed rather than lost
// (the 50 MB one of tests/cli/test_bad_input.cpp), and a 64 MiB record parses in well under a
// gigabyte.
std::size_t max_json_record_bytes(const ReadOptions& options) {
    constexpr std::size_t floor = std::size_t{64} << 20;
    constexpr std::size_t metadata = std::size_t{1} << 20;
    constexpr std::size_t most = (std::numeric_limits<std::size_t>::max() - metadata) / 2;
    const std::size_t article = std::min(options.max_article_bytes, most);
    return std::max(floor, 2 * article + metadata);
}

void read_jsonl(std::istream& in, const std::string& file_name, const ReadOptions& options,
                const ArticleSink& sink) {
    JsonRecordReader records(options.field_map, options.source);
    const std::size_t max_bytes = max_json_record_bytes(options);
    LineReader lines(in, max_bytes, options);
    std::string line;
    std::uint64_t number = 0;
    for (LineRead read = lines.next(line); read != LineRead::end; read = lines.next(line)) {
        ++number;
        if (read == LineRead::too_long) {
            sink.on_problem(
                ParseError(file_name, number,
                           "line longer than " + std::to_string(max_bytes) + " bytes, skipped"));
            lines.skip_rest();
            if (options.stopped()) return;
            continue;
        }
        if (const std::size_t nul = line.find('\0'); nul != std::string::npos) {
            sink.on_problem(ParseError(
                file_name, number,
                "binary data, not text: a NUL byte at column " + std::to_string(nul + 1)));
            continue;
        }
        if (number == 1 && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);
        if (!is_blank(line)) records.read(line, file_name, number, sink);
    }
    if (in.bad()) sink.on_problem(ParseError(file_name, 0, "read error"));
}

}  // namespace newsdex::corpus
