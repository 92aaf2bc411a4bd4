/// @file fuzz_support.hpp
/// @brief What the reader fuzz targets share: fuzzer bytes read as one file, through a sink
/// that keeps nothing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>

#include "common/text.hpp"
#include "corpus/readers/article_sink.hpp"
#include "corpus/readers/read_options.hpp"

namespace newsdex::fuzz {

/// The reference time of every fuzz read: a fixed `--now`, so a page's "17 minutes ago" does
/// not depend on the clock and a crash replays exactly.
constexpr std::int64_t fixed_now = 1'700'000'000;

/// A sink that drops what it gets: the targets look for crashes, hangs and leaks in the
/// readers, whose results the unit tests check. Readers must report bad records here and
/// never throw, so any exception escapes to libFuzzer as a crash.
inline corpus::ArticleSink discarding_sink() {
    return {[](Article&&) {}, [](const ParseError&) {}};
}

/// The fuzzer's bytes as a string (they may hold NULs and any byte values).
inline std::string as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

/// Reads the bytes with the reader `read(in, name, options, sink)` as the file `name`.
template <auto read>
void read_as_file(const std::uint8_t* data, std::size_t size, const std::string& name) {
    corpus::ReadOptions options;
    options.now = fixed_now;
    std::istringstream in(as_text(data, size));
    read(in, name, options, discarding_sink());
}

/// The bytes as an article's text for the analysers: its first line the title, the rest the
/// body. Readers hand the analysers valid UTF-8 (see to_valid_utf8), so this does too.
class TitleAndBody {
  public:
    TitleAndBody(const std::uint8_t* data, std::size_t size)
        : text_(to_valid_utf8(as_text(data, size))), newline_(text_.find('\n')) {}

    [[nodiscard]] std::string_view title() const {
        return std::string_view(text_).substr(0, newline_);
    }
    [[nodiscard]] std::string_view body() const {
        if (newline_ == std::string::npos) return {};
        return std::string_view(text_).substr(newline_ + 1);
    }

  private:
    std::string text_;
    std::size_t newline_;
};

}  // namespace newsdex::fuzz
