/// @file format.cpp
/// @brief The table of input formats, and their detection from file names and content.
#include "corpus/readers/format.hpp"

#include <array>
#include <string>

#include "common/text.hpp"
#include "corpus/page/page_stories.hpp"
#include "corpus/readers/csv_reader.hpp"
#include "corpus/readers/json_reader.hpp"
#include "corpus/readers/jsonl_reader.hpp"
#include "corpus/readers/mail_reader.hpp"
#include "corpus/readers/page_reader.hpp"
#include "corpus/readers/reuters_reader.hpp"
#include "corpus/readers/text_reader.hpp"

namespace newsdex::corpus {

namespace {

/// Every format, Format::automatic first. Suffixes are matched on the lower-cased file name;
/// reut2-*.sgm and the content rules are in detect_format.
const std::array<FormatInfo, 8> format_table{{
    {Format::automatic, "auto", {"automatic"}, {}, nullptr},
    {Format::jsonl, "jsonl", {"ndjson"}, {".jsonl", ".ndjson"}, read_jsonl},
    {Format::json, "json", {}, {".json"}, read_json},
    {Format::csv, "csv", {}, {".csv"}, read_csv},
    {Format::text, "text", {"txt"}, {}, read_text},
    {Format::mail, "mail", {"email"}, {}, read_mail},
    {Format::reuters, "reuters", {"sgml"}, {}, read_reuters},
    {Format::page, "page", {}, {}, read_page},
}};

bool starts_with_nocase(std::string_view text, std::string_view prefix) {
    return text.size() >= prefix.size() && ascii_lower(text.substr(0, prefix.size())) == prefix;
}

std::string_view skip_space(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\n' ||
                             text.front() == '\r'))
        text.remove_prefix(1);
    return text;
}

/// The next line of `text` (without its line end), consumed from it.
std::string_view next_line(std::string_view& text) {
    const std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    if (line.ends_with('\r')) line.remove_suffix(1);
    return line;
}

/// Header lines from the first byte, with From: and Subject: among them before the first blank
/// line (or the end of the head: a long header block may not fit in it).
bool is_mail(std::string_view head) {
    bool from = false, subject = false;
    while (!head.empty()) {
        const bool complete = head.find('\n') != std::string_view::npos;
        const std::string_view line = next_line(head);
        if (line.empty() || !complete) break;
        if (line.front() == ' ' || line.front() == '\t') continue;  // folded header
        const auto name = ascii_lower(mail_header_name(line));
        if (name.empty()) return false;
        from = from || name == "from";
        subject = subject || name == "subject";
    }
    return from && subject;
}

/// README, LICENSE and similar files beside the articles are not articles, whatever their
/// layout.
bool is_notes_file(const std::string& base) {
    static const std::array<std::string_view, 7> not_articles = {
        "readme", "license", "licence", "copying", "changelog", "changes", "source"};
    const std::string_view stem = std::string_view(base).substr(0, base.find('.'));
    for (const auto name : not_articles)
        if (stem == name) return true;
    return false;
}

/// A title line, then a blank line: the layout of one-article-per-file text corpora.
bool is_text_article(std::string_view head) {
    const std::string_view title = next_line(head);
    return !trim(title).empty() && !head.empty() && trim(next_line(head)).empty();
}

}  // namespace

const FormatInfo& format_info(Format format) noexcept {
    for (const FormatInfo& info : format_table)
        if (info.format == format) return info;
    return format_table.front();
}

std::string_view to_string(Format format) noexcept {
    return format_info(format).name;
}

std::optional<Format> parse_format(std::string_view text) noexcept {
    try {
        const std::string name = ascii_lower(text);
        for (const FormatInfo& info : format_table) {
            if (name == info.name) return info.format;
            for (const std::string_view alias : info.aliases)
                if (name == alias) return info.format;
        }
    } catch (...) {
        // Only std::bad_alloc can get here; "no format" is the honest noexcept answer.
    }
    return std::nullopt;
}

std::optional<Format> detect_format(std::string_view file_name, std::string_view head) {
    const std::size_t slash = file_name.find_last_of("/\\");
    const std::string base =
        ascii_lower(slash == std::string_view::npos ? file_name : file_name.substr(slash + 1));
    const auto ends_with = [&](std::string_view suffix) { return base.ends_with(suffix); };
    if (base.starts_with("reut2-") && ends_with(".sgm")) return Format::reuters;
    for (const FormatInfo& info : format_table)
        for (const std::string_view suffix : info.suffixes)
            if (ends_with(suffix)) return info.format;

    // Content: skip a UTF-8 byte-order mark first.
    if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
    if (is_mail(head)) return Format::mail;
    if (ends_with(".txt") && !is_notes_file(base)) {
        // Page furniture outweighs layout: a scraped page may well start "title, blank line".
        if (looks_like_page(head, 2)) return Format::page;
        if (is_text_article(head)) return Format::text;
        if (looks_like_page(head, 1)) return Format::page;
    }
    head = skip_space(head);
    if (starts_with_nocase(head, "<!doctype lewis") || starts_with_nocase(head, "<reuters"))
        return Format::reuters;
    if (head.starts_with("{")) return Format::jsonl;
    if (head.starts_with("[") && skip_space(head.substr(1)).starts_with("{")) return Format::json;
    return std::nullopt;
}

}  // namespace newsdex::corpus
