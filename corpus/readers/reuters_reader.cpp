/// @file reuters_reader.cpp
/// @brief Reuters-21578 SGML stories to Articles: element extraction, text clean-up, names.
#include "corpus/readers/reuters_reader.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <utility>

#include "common/text.hpp"
#include "corpus/readers/record_support.hpp"

namespace newsdex::corpus {

namespace {

using Overrides = std::array<std::pair<std::string_view, std::string_view>, 8>;

/// The text between `<NAME>` and `</NAME>` (the first such element), or nullopt.
std::optional<std::string_view> element(std::string_view in, std::string_view name,
                                        std::size_t* end_out = nullptr) {
    const std::string open = "<" + std::string(name) + ">";
    const std::string close = "</" + std::string(name) + ">";
    const std::size_t start = in.find(open);
    if (start == std::string_view::npos) return std::nullopt;
    const std::size_t body = start + open.size();
    const std::size_t end = in.find(close, body);
    if (end == std::string_view::npos) return std::nullopt;
    if (end_out) *end_out = end + close.size();
    return in.substr(body, end - body);
}

/// The value of `NAME="..."` inside a start tag.
std::string_view attribute(std::string_view tag, std::string_view name) {
    const std::string key = " " + std::string(name) + "=\"";
    const std::size_t start = tag.find(key);
    if (start == std::string_view::npos) return {};
    const std::size_t value = start + key.size();
    const std::size_t end = tag.find('"', value);
    return end == std::string_view::npos ? std::string_view{} : tag.substr(value, end - value);
}

/// Every `<D>value</D>` of a category element such as PLACES.
std::vector<std::string_view> d_values(std::string_view list) {
    std::vector<std::string_view> values;
    std::size_t end = 0;
    while (const auto value = element(list, "D", &end)) {
        if (!trim(*value).empty()) values.push_back(trim(*value));
        list.remove_prefix(end);
    }
    return values;
}

/// SGML text as clean UTF-8: references decoded (dropping the wire's control codes), then
/// stray bytes read as Latin-1.
std::string clean(std::string_view raw) {
    return to_valid_utf8(decode_html_entities(raw));
}

std::string capitalised(std::string_view word) {
    std::string out(word);
    for (std::size_t k = 0; k < out.size(); ++k) {
        const char c = out[k];
        if (k == 0 && c >= 'a' && c <= 'z') out[k] = static_cast<char>(c - 'a' + 'A');
        if (k > 0) out[k] = ascii_lower(c);
    }
    return out;
}

std::string upper(std::string_view word) {
    std::string out(word);
    for (char& c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return out;
}

std::vector<std::string_view> split(std::string_view text, char separator,
                                    bool keep_empty = false) {
    std::vector<std::string_view> parts;
    for (std::size_t start = 0;;) {
        const std::size_t end = text.find(separator, start);
        const auto part = text.substr(start, end == std::string_view::npos ? end : end - start);
        if (keep_empty || !part.empty()) parts.push_back(part);
        if (end == std::string_view::npos) return parts;
        start = end + 1;
    }
}

template <typename Table>
std::optional<std::string> override_for(const Table& table, std::string_view code) {
    for (const auto& [from, to] : table)
        if (!from.empty() && from == code) return std::string(to);
    return std::nullopt;
}

/// "west-germany" -> "West Germany". The codes the rule gets wrong are listed, with the
/// canonical names the entity extractor's gazetteer gives (corpus/gazetteer_data.cpp), so a
/// given label and an extracted mention build the same filter term.
std::string place_name(std::string_view code) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 15> table = {
        {{"usa", "United States"},
         {"uk", "United Kingdom"},
         {"ussr", "Soviet Union"},
         {"uae", "United Arab Emirates"},
         {"us-virgin-islands", "US Virgin Islands"},
         {"trinidad-tobago", "Trinidad and Tobago"},
         {"guinea-bissau", "Guinea-Bissau"},
         {"yemen-demo-republic", "Yemen Democratic Republic"},
         {"antigua", "Antigua and Barbuda"},
         {"burma", "Myanmar"},
         {"kampuchea", "Cambodia"},
         {"swaziland", "Eswatini"},
         {"western-samoa", "Samoa"},
         {"zaire", "DR Congo"},
         {"vatican", "Vatican"}}};
    if (auto name = override_for(table, code)) return *name;
    std::string out;
    for (const auto word : split(code, '-')) out += (out.empty() ? "" : " ") + capitalised(word);
    return out;
}

/// "opec" -> "OPEC", "adb-asia" -> "ADB Asia": a short first word is an acronym.
std::string org_name(std::string_view code) {
    static constexpr Overrides table = {{{"worldbank", "World Bank"},
                                         {"unctad", "UNCTAD"},
                                         {"geplacea", "GEPLACEA"},
                                         {"euratom", "Euratom"},
                                         {"comecon", "Comecon"}}};
    if (auto name = override_for(table, code)) return *name;
    std::string out;
    for (const auto word : split(code, '-')) {
        if (out.empty()) {
            out = word.size() <= 5 ? upper(word) : capitalised(word);
        } else {
            out += " " + capitalised(word);
        }
    }
    return out;
}

/// "de-la-madrid" -> "De la Madrid", "o-kennedy" -> "O'Kennedy", "leigh-pemberton" kept joined.
std::string person_name(std::string_view code) {
    static constexpr Overrides table = {{{"leigh-pemberton", "Leigh-Pemberton"},
                                         {"macsharry", "MacSharry"},
                                         {"von-weizsaecker", "von Weizsaecker"}}};
    static constexpr std::array<std::string_view, 8> particles = {"de",  "la",  "del", "du",
                                                                  "von", "van", "al",  "ul"};
    if (auto name = override_for(table, code)) return *name;
    std::string out;
    bool apostrophe = false;
    for (const auto word : split(code, '-')) {
        const bool particle =
            std::find(particles.begin(), particles.end(), word) != particles.end();
        if (!out.empty() && !apostrophe) out += ' ';
        out += (particle && !out.empty()) ? std::string(word) : capitalised(word);
        apostrophe = word == "o";  // Irish "o-kennedy"
        if (apostrophe) out += '\'';
    }
    return out;
}

/// "By SUSAN SHERER, Reuters" -> {"Susan Sherer"}; "By A and B" -> {"A", "B"}.
std::vector<std::string> author_names(std::string_view raw) {
    std::string text = collapse_whitespace(clean(raw));
    if (text.size() > 3 && (text[0] == 'B' || text[0] == 'b') &&
        (text[1] == 'Y' || text[1] == 'y') && text[2] == ' ')
        text.erase(0, 3);
    for (std::string_view suffix : {", reuters", ", reuter"}) {
        if (to_lower(text).ends_with(suffix)) text.erase(text.size() - suffix.size());
    }
    std::vector<std::string> names;
    std::size_t start = 0;
    for (;;) {
        std::size_t sep = text.find(" and ", start);
        if (sep == std::string::npos) sep = text.find(" AND ", start);
        std::string name(trim(std::string_view(text).substr(start, sep - start)));
        // Upper-case bylines ("PATTI DOMM") would otherwise be a second facet value.
        if (std::none_of(name.begin(), name.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
            std::string cased;
            for (const auto word : split(name, ' '))
                cased += (cased.empty() ? "" : " ") + capitalised(word);
            name = cased;
        }
        if (!name.empty()) names.push_back(std::move(name));
        if (sep == std::string::npos) return names;
        start = sep + 5;
    }
}

/// Whether a word is the wire's sign-off: "Reuter", "REUTER...", "reuter^M", "REUTE".
/// Mixed-case "Reuters" is left alone: as a last word it is more likely prose ("told Reuters"),
/// and so is "Reuter." ending a sentence, unless it stands on a line of its own.
bool is_signoff(std::string_view word, bool own_line) {
    word = trim(word);
    if (word.ends_with("^M")) word.remove_suffix(2);
    if (word.ends_with("...")) word.remove_suffix(3);
    if (own_line)
        while (word.ends_with(".")) word.remove_suffix(1);
    const std::string lower = to_lower(word);
    return lower == "reuter" || lower == "reute" || word == "REUTERS";
}

/// The text without its trailing sign-off(s), which may stand on their own lines (sometimes
/// twice) or end the last line of text.
std::vector<std::string_view> without_signoff(std::vector<std::string_view> lines) {
    const auto drop_blank = [&] {
        while (!lines.empty() && trim(lines.back()).empty()) lines.pop_back();
    };
    drop_blank();
    while (!lines.empty() && is_signoff(lines.back(), true)) {
        lines.pop_back();
        drop_blank();
    }
    if (!lines.empty()) {
        const std::string_view last = trim(lines.back());
        const std::size_t space = last.find_last_of(" \t");
        if (space != std::string_view::npos && is_signoff(last.substr(space + 1), false))
            lines.back() = last.substr(0, space);
    }
    return lines;
}

/// Cleaned story text as readable prose. BODY text is hard-wrapped at ~70 columns with
/// indented paragraphs, so wrapped lines are joined and each paragraph becomes one line;
/// UNPROC text is tables and lists, so there every line is kept. Runs of spaces are folded.
std::string reflow(std::string_view text, bool keep_lines) {
    const std::vector<std::string_view> lines = without_signoff(split(text, '\n', true));
    std::string out, paragraph;
    const auto flush = [&] {
        std::string folded = collapse_whitespace(paragraph);
        if (!folded.empty()) out += (out.empty() ? "" : "\n") + folded;
        paragraph.clear();
    };
    for (const auto line : lines) {
        const bool indented = !line.empty() && (line.front() == ' ' || line.front() == '\t');
        if (keep_lines || indented || trim(line).empty()) flush();
        paragraph += ' ';
        paragraph += line;
    }
    flush();
    return out;
}

/// The first line of a story's text, shortened at a word boundary to about 100 bytes.
std::string title_from_text(std::string_view text) {
    constexpr std::size_t limit = 100;
    std::string_view line = text.substr(0, text.find('\n'));
    if (line.size() <= limit) return std::string(line);
    std::size_t cut = line.rfind(' ', limit);
    if (cut == std::string_view::npos || cut < limit / 2) cut = utf8_prefix_size(line, limit);
    return std::string(trim(line.substr(0, cut))) + "...";
}

/// `text` without the first `<NAME>...</NAME>` element.
std::string without_element(std::string_view text, std::string_view name) {
    const std::string open = "<" + std::string(name) + ">";
    std::size_t end = 0;
    if (!element(text, name, &end)) return std::string(text);
    return std::string(text.substr(0, text.find(open))) + std::string(text.substr(end));
}

/// One `<REUTERS ...>` start tag and its content, as an Article; reason is set on failure.
std::optional<Article> story_to_article(std::string_view tag, std::string_view story,
                                        std::string& reason) {
    const std::string_view newid = attribute(tag, "NEWID");
    std::uint64_t number = 0;
    const auto [end, ec] = std::from_chars(newid.data(), newid.data() + newid.size(), number);
    if (newid.empty() || ec != std::errc{} || end != newid.data() + newid.size()) {
        reason = "story without a numeric NEWID attribute";
        return std::nullopt;
    }
    Article article;
    article.id = "reuters-" + std::string(newid);
    article.source = "Reuters";

    if (const auto date = element(story, "DATE")) {
        article.date = parse_date(*date);
        // "31-MAR-1987 605:12:19.12": the day is still good when the time is not.
        if (!article.date) {
            const std::string_view day = trim(*date);
            article.date = parse_date(day.substr(0, day.find_first_of(" \t")));
        }
    }
    if (const auto topics = element(story, "TOPICS"))
        for (const auto code : d_values(*topics)) article.categories.emplace_back(code);
    const std::array<std::pair<std::string_view, EntityType>, 3> lists = {
        {{"PLACES", EntityType::place}, {"PEOPLE", EntityType::person}, {"ORGS", EntityType::org}}};
    for (const auto& [name, type] : lists) {
        const auto list = element(story, name);
        if (!list) continue;
        for (const auto code : d_values(*list)) {
            std::string display = type == EntityType::place ? place_name(code)
                                  : type == EntityType::org ? org_name(code)
                                                            : person_name(code);
            article.entities.push_back({type, std::move(display), EntityOrigin::given});
        }
    }

    // TEXT carries attributes (TYPE="BRIEF"), so it is found by hand.
    const std::size_t text_tag = story.find("<TEXT");
    const std::size_t text_open = story.find('>', text_tag);
    const std::size_t text_close = story.rfind("</TEXT>");
    std::string_view text;
    bool unprocessed = false;
    if (text_tag != std::string_view::npos && text_open != std::string_view::npos &&
        text_close != std::string_view::npos && text_close > text_open) {
        text = story.substr(text_open + 1, text_close - text_open - 1);
        unprocessed = attribute(story.substr(text_tag, text_open - text_tag), "TYPE") == "UNPROC";
    }

    if (const auto title = element(text, "TITLE"))
        article.title = collapse_whitespace(clean(*title));
    if (const auto author = element(text, "AUTHOR")) article.authors = author_names(*author);
    if (const auto body = element(text, "BODY")) {
        article.body = reflow(clean(*body), false);
    } else {
        std::string rest = without_element(without_element(text, "TITLE"), "AUTHOR");
        rest = clean(without_element(rest, "DATELINE"));
        // BRIEF stories put a row of asterisks where the title was cut out.
        const std::size_t first = rest.find_first_not_of(" \t\n*");
        article.body = reflow(first == std::string::npos ? "" : rest.substr(first), unprocessed);
    }
    if (const auto dateline = element(text, "DATELINE")) {
        const std::string place = collapse_whitespace(clean(*dateline));
        if (!place.empty())
            article.body = article.body.empty() ? place : place + " " + article.body;
    }
    if (article.title.empty()) article.title = title_from_text(article.body);
    // A story with no text at all (NEWID 12793) is still one of the collection's 21,578
    // records, with an id, a date and labels: it is indexed, not reported as malformed.
    return article;
}

}  // namespace

void read_reuters(std::istream& in, const std::string& file_name, const ReadOptions& options,
                  const ArticleSink& sink) {
    std::string data;
    if (!append_rest(*in.rdbuf(), data, file_name, options, sink)) return;
    const std::string_view all(data);
    std::uint64_t line = 1;
    std::size_t counted = 0;  // line is the line number of all[counted]
    std::size_t pos = 0;
    for (;;) {
        const std::size_t start = all.find("<REUTERS", pos);
        if (start == std::string_view::npos) break;
        line += static_cast<std::uint64_t>(
            std::count(all.begin() + counted, all.begin() + start, '\n'));
        counted = start;
        const std::size_t tag_end = all.find('>', start);
        const std::size_t close = all.find("</REUTERS>", start);
        const std::size_t next = all.find("<REUTERS", start + 1);
        if (tag_end == std::string_view::npos || close == std::string_view::npos ||
            close < tag_end || next < close) {
            sink.on_problem(ParseError(file_name, line, "<REUTERS> element is not closed"));
            // Resume at the next story, if any: one truncated story must not take the rest.
            if (next == std::string_view::npos) break;
            pos = next;
            continue;
        }
        pos = close + std::string_view("</REUTERS>").size();
        const std::string_view tag = all.substr(start, tag_end - start + 1);
        const std::string_view story = all.substr(tag_end + 1, close - tag_end - 1);
        std::string reason;
        auto article = story_to_article(tag, story, reason);
        if (!article) {
            sink.on_problem(ParseError(file_name, line, reason));
            continue;
        }
        article->origin_file = file_name;
        article->origin_line = line;
        sink.on_article(std::move(*article));
    }
}

}  // namespace newsdex::corpus
