/// @file format.cpp
/// @brief Names of the input formats and their detection from file names and content.
#include "corpus/readers/format.hpp"

#include <array>
#include <string>

#include "common/text.hpp"
#include "corpus/readers/mail_reader.hpp"
#include "corpus/readers/page_reader.hpp"

namespace newsdex::corpus {

namespace {

std::string ascii_lower(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

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

std::string_view to_string(Format format) noexcept {
    switch (format) {
        case Format::automatic:
            return "auto";
        case Format::jsonl:
            return "jsonl";
        case Format::json:
            return "json";
        case Format::csv:
            return "csv";
        case Format::text:
            return "text";
        case Format::mail:
            return "mail";
        case Format::reuters:
            return "reuters";
        case Format::page:
            return "page";
    }
    return "auto";
}

std::optional<Format> parse_format(std::string_view text) noexcept {
    try {
        const std::string name = ascii_lower(text);
        if (name == "auto" || name == "automatic") return Format::automatic;
        if (name == "jsonl" || name == "ndjson") return Format::jsonl;
        if (name == "json") return Format::json;
        if (name == "csv") return Format::csv;
        if (name == "text" || name == "txt") return Format::text;
        if (name == "mail" || name == "email") return Format::mail;
        if (name == "reuters" || name == "sgml") return Format::reuters;
        if (name == "page") return Format::page;
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
    if (ends_with(".jsonl") || ends_with(".ndjson")) return Format::jsonl;
    if (ends_with(".json")) return Format::json;
    if (ends_with(".csv")) return Format::csv;

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
