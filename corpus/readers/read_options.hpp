/// @file read_options.hpp
/// @brief How inputs are read: the forced format, column overrides and a default source.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "corpus/readers/article_field.hpp"
#include "corpus/readers/format.hpp"
#include "corpus/readers/input_progress.hpp"

namespace newsdex::corpus {

/// The default of ReadOptions::max_article_bytes: 4 MiB, twenty times the longest story in the
/// shared corpora, and indexed in about a second.
constexpr std::size_t default_max_article_bytes = 4 << 20;

/// The default of ReadOptions::max_file_bytes: 1 GiB, which a 2-core, 24 GB machine holds
/// several times over; Reuters' largest SGML file is 1.4 MB.
constexpr std::size_t default_max_file_bytes = std::size_t{1} << 30;

/// How inputs are read.
struct ReadOptions {
    Format format = Format::automatic;  ///< forced format, or detect per file
    /// Column (CSV) or key (JSON) that fills a field, overriding its aliases:
    /// `{"title": "headline"}` from `--field title=headline`; see parse_field_map().
    FieldMap field_map{};
    /// Publisher for articles whose input names none (`--source`); formats whose files carry
    /// no metadata fall back to their folder names instead (see read_text, read_mail).
    std::string source{};
    /// The moment relative dates are counted from (`--now`, seconds since the epoch), e.g. a
    /// scraped page's "17 minutes ago"; unset: each file's modification time.
    std::optional<std::int64_t> now{};
    /// Longest article body indexed, in bytes (`--max-article-bytes`); a longer one is cut at
    /// a UTF-8 character boundary and reported (ArticleSink::on_cut).
    std::size_t max_article_bytes = default_max_article_bytes;
    /// Longest file read whole, in bytes (`--max-file-bytes`): a JSON object or a JSON file
    /// holding JSON Lines, text, mail, Reuters SGML and pages are read into memory before
    /// they are parsed, so a longer one (an endless standard input) is skipped and reported
    /// without being read to its end. JSON Lines, CSV and JSON arrays are read record by
    /// record and have no such limit.
    std::size_t max_file_bytes = default_max_file_bytes;
    /// Set by a caller that can be interrupted (the indexer's Ctrl-C): a reader reading
    /// through data that yields no article, such as a JSON Lines line over the limit, stops
    /// when it turns true, as the caller's article handler would at the next article.
    const std::atomic<bool>* stop_requested = nullptr;
    /// Kept up to date by read_inputs() when set, for a caller's progress line.
    InputProgress* progress = nullptr;

    [[nodiscard]] bool stopped() const { return stop_requested && stop_requested->load(); }
};

}  // namespace newsdex::corpus
