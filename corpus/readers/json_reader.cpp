/// @file json_reader.cpp
/// @brief JSON documents and streamed JSON arrays to Articles; JSON Lines handed to its reader.
#include "corpus/readers/json_reader.hpp"

#include <sstream>

#include "corpus/readers/json_article.hpp"
#include "corpus/readers/jsonl_reader.hpp"
#include "corpus/readers/record_support.hpp"

namespace newsdex::corpus {

namespace {

using Buf = std::streambuf;

bool is_space(int c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/// Splits the top-level elements of a JSON array, read from `buf` just after its `[`, and
/// hands each element's text with the line it starts on to `emit`. Tracks strings and nesting
/// only: each element is validated by the parser afterwards. An element over `max_bytes` is
/// read through to its end unkept (overlong() tells), so an endless one takes bounded memory.
class ArraySplitter {
  public:
    ArraySplitter(Buf& buf, std::uint64_t line, std::size_t max_bytes)
        : buf_(buf), line_(line), max_bytes_(max_bytes) {}

    /// Reads up to the closing `]`; returns false when the input ends before it.
    template <typename Emit>
    bool split(Emit&& emit) {
        for (int c = buf_.sbumpc(); c != Buf::traits_type::eof(); c = buf_.sbumpc()) {
            if (c == '\n') ++line_;
            if (in_string_) {
                take(c);
                continue;
            }
            if (depth_ == 0 && (c == ',' || c == ']')) {
                if (!element_.empty() || c == ',') emit(element_, start_line_);
                element_.clear();
                overlong_ = false;
                if (c == ']') return true;
                continue;
            }
            if (depth_ == 0 && element_.empty() && is_space(c)) continue;
            take(c);
        }
        return false;
    }

    /// The element being read when the input ended, and its first line.
    [[nodiscard]] const std::string& partial() const { return element_; }
    [[nodiscard]] std::uint64_t partial_line() const { return start_line_; }
    [[nodiscard]] std::uint64_t line() const { return line_; }
    /// Whether the element handed to `emit` was over the limit (its text is only its start).
    [[nodiscard]] bool overlong() const { return overlong_; }

  private:
    void take(int c) {
        if (element_.empty()) start_line_ = line_;
        if (element_.size() < max_bytes_)
            element_.push_back(static_cast<char>(c));
        else
            overlong_ = true;
        if (in_string_) {
            if (escaped_) {
                escaped_ = false;
            } else if (c == '\\') {
                escaped_ = true;
            } else if (c == '"') {
                in_string_ = false;
            }
        } else if (c == '"') {
            in_string_ = true;
        } else if (c == '{' || c == '[') {
            ++depth_;
        } else if ((c == '}' || c == ']') && depth_ > 0) {
            --depth_;
        }
    }

    Buf& buf_;
    std::uint64_t line_;
    std::size_t max_bytes_;
    std::uint64_t start_line_ = 0;
    std::string element_;
    bool overlong_ = false;
    int depth_ = 0;
    bool in_string_ = false;
    bool escaped_ = false;
};

void read_array(Buf& buf, std::uint64_t line, const std::string& file_name,
                const ReadOptions& options, JsonRecordReader& records, const ArticleSink& sink) {
    const std::size_t max_bytes = max_json_record_bytes(options);
    ArraySplitter splitter(buf, line, max_bytes);
    const bool closed = splitter.split([&](std::string& element, std::uint64_t at) {
        if (splitter.overlong()) {
            sink.on_problem(ParseError(
                file_name, at,
                "array element longer than " + std::to_string(max_bytes) + " bytes, skipped"));
            return;
        }
        if (element.empty()) {
            sink.on_problem(ParseError(file_name, splitter.line(), "empty array element"));
            return;
        }
        records.read(element, file_name, at, sink);
    });
    if (!closed) {
        const bool in_element = !splitter.partial().empty();
        sink.on_problem(ParseError(file_name,
                                   in_element ? splitter.partial_line() : splitter.line(),
                                   in_element ? "array element not closed at end of file"
                                              : "array not closed at end of file"));
        return;
    }
    for (int c = buf.sbumpc(); c != Buf::traits_type::eof(); c = buf.sbumpc()) {
        if (!is_space(c)) {
            sink.on_problem(ParseError(file_name, splitter.line(), "content after the array"));
            return;
        }
    }
}

/// Whether `text` is JSON Lines: its first non-blank line is a whole JSON value by itself and
/// more non-blank text follows it.
bool is_json_lines(const std::string& text) {
    const std::size_t start = text.find_first_not_of(" \t\r\n");
    const std::size_t end = text.find('\n', start);
    if (end == std::string::npos || text.find_first_not_of(" \t\r\n", end) == std::string::npos)
        return false;
    simdjson::dom::parser parser;
    simdjson::dom::element ignored;
    return parser.parse(text.substr(start, end - start)).get(ignored) == simdjson::SUCCESS;
}

}  // namespace

void read_json(std::istream& in, const std::string& file_name, const ReadOptions& options,
               const ArticleSink& sink) {
    Buf& buf = *in.rdbuf();
    std::uint64_t line = 1;
    std::string skipped;  // what came before the value, kept so JSON Lines keep their numbers
    if (buf.sgetc() == 0xEF) {
        for (int k = 0; k < 3; ++k) buf.sbumpc();  // UTF-8 byte-order mark
    }
    for (int c = buf.sgetc(); is_space(c); c = buf.snextc()) {
        if (c == '\n') ++line;
        skipped.push_back(static_cast<char>(c));
        if (skipped.size() > options.max_file_bytes) {  // endless white space
            sink.on_problem(over_file_limit(file_name, options, " of white space"));
            return;
        }
    }
    JsonRecordReader records(options.field_map, options.source);
    if (buf.sgetc() == '[') {
        buf.sbumpc();
        read_array(buf, line, file_name, options, records, sink);
        return;
    }
    std::string text = std::move(skipped);
    if (!append_rest(buf, text, file_name, options, sink)) return;
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
        sink.on_problem(ParseError(file_name, 0, "empty file: no JSON object or array"));
    } else if (is_json_lines(text)) {
        std::istringstream lines(std::move(text));
        read_jsonl(lines, file_name, options, sink);
    } else {
        records.read(text, file_name, line, sink);
    }
}

}  // namespace newsdex::corpus
