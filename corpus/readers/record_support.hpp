/// @file record_support.hpp
/// @brief Internal helpers the readers share to finish an Article from one input record.
#pragma once

#include <cstdint>
#include <optional>
#include <streambuf>
#include <string>
#include <string_view>

#include "common/article.hpp"
#include "corpus/readers/article_sink.hpp"
#include "corpus/readers/read_options.hpp"

namespace newsdex::corpus {

/// Thrown by the record helpers (and caught by the readers) to turn a bad field into one
/// problem report for its record; `reason` is the message.
struct BadRecord {
    std::string reason;
};

/// The publisher name a source value stands for: a URL (`http://www.nytimes.com/x`, or a bare
/// `www.` host) becomes its host without `www.` (`nytimes.com`); any other text is kept.
[[nodiscard]] std::string site_name(std::string_view source);

/// Whether `source` is a link or a bare `www.` host that names no publisher of its own: not a
/// news organisation's shortener (cnn.it is CNN). A page's own publisher name
/// (`og:site_name`) says more than such a host.
[[nodiscard]] bool is_unnamed_site(std::string_view source);

/// A stable id from an article's content (FNV-1a of title and body, `h` + 16 hex digits).
[[nodiscard]] std::string content_id(std::string_view title, std::string_view body);

/// Parses `text` (trimmed; empty means no date) into article.date; when it does not parse,
/// the article stays undated and article.unreadable_date holds the text.
void set_date(Article& article, std::string_view text);

/// Checks and completes an article read from a record: throws BadRecord when it has neither
/// title nor body; turns a URL-valued source into its site name, or the publisher of a news
/// shortener (cnn.it: CNN; a generic one such as bit.ly names nobody); fills an empty source
/// with `default_source`, else the site of the article's url; derives a missing id from the url
/// (hashed past 200 bytes), else from the content, so that re-indexing replaces rather than
/// duplicates.
void finish_article(Article& article, std::string_view default_source);

/// The problem of a file past options.max_file_bytes: "more than N bytes`what`, the limit on a
/// file read whole ...", `what` naming the part that ran over (" of mail headers") or empty.
[[nodiscard]] ParseError over_file_limit(const std::string& file_name, const ReadOptions& options,
                                         std::string_view what = {});

/// Appends what is left in `buf` to `out` (whole-file formats read their file at once), as long
/// as `out` stays within options.max_file_bytes. Past that, stops reading, reports the file to
/// `sink` and returns false: the caller indexes nothing of it.
[[nodiscard]] bool append_rest(std::streambuf& buf, std::string& out, const std::string& file_name,
                               const ReadOptions& options, const ArticleSink& sink);

/// What is left in `buf` as UTF-8 text: bytes that are not UTF-8 read as Latin-1, a leading
/// byte-order mark dropped (plain-text files carry no declared encoding); nullopt, reported to
/// `sink`, past options.max_file_bytes (see append_rest()).
[[nodiscard]] std::optional<std::string> read_utf8_text(std::streambuf& buf,
                                                        const std::string& file_name,
                                                        const ReadOptions& options,
                                                        const ArticleSink& sink);

/// What a file's path says about it, for formats whose files carry no metadata.
struct PathLabels {
    std::string folder;         ///< name of the folder holding the file ("business")
    std::string parent_folder;  ///< name of the folder above that ("bbc")
    std::string id;  ///< the last three path parts without extension ("bbc/business/001")
};

/// PathLabels of `file_name` (parts that do not exist are left empty).
[[nodiscard]] PathLabels path_labels(std::string_view file_name);

}  // namespace newsdex::corpus
