/// @file format.cpp
/// @brief Names of the input formats and their detection from file names and content.
#include "corpus/format.hpp"

#include <string>

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

}  // namespace

std::string_view to_string(Format format) noexcept {
    switch (format) {
        case Format::automatic:
            return "auto";
        case Format::jsonl:
            return "jsonl";
        case Format::reuters:
            return "reuters";
    }
    return "auto";
}

std::optional<Format> parse_format(std::string_view text) noexcept {
    try {
        const std::string name = ascii_lower(text);
        if (name == "auto" || name == "automatic") return Format::automatic;
        if (name == "jsonl" || name == "json" || name == "ndjson") return Format::jsonl;
        if (name == "reuters" || name == "sgml") return Format::reuters;
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
    if (ends_with(".jsonl") || ends_with(".ndjson") || ends_with(".json")) return Format::jsonl;

    // Content: skip a UTF-8 byte-order mark and leading white space first.
    if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
    while (!head.empty() && (head.front() == ' ' || head.front() == '\t' || head.front() == '\n' ||
                             head.front() == '\r'))
        head.remove_prefix(1);
    if (starts_with_nocase(head, "<!doctype lewis") || starts_with_nocase(head, "<reuters"))
        return Format::reuters;
    if (head.starts_with("{")) return Format::jsonl;
    return std::nullopt;
}

}  // namespace newsdex::corpus
