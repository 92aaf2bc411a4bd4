/// @file result_format.cpp
/// @brief Text (for terminals and pipes) and JSON (for scripts) renderings of a SearchResult.
#include "searcher/result_format.hpp"

#include <algorithm>
#include <cstdio>
#include <string_view>
#include <vector>

#include "common/date.hpp"
#include "common/json_writer.hpp"
#include "common/text.hpp"

namespace newsdex::searcher {

namespace {

constexpr std::string_view bold_on = "\033[1m";
constexpr std::string_view bold_off = "\033[0m";
constexpr std::size_t histogram_width = 40;  // characters of the longest date bar
constexpr std::size_t max_label_width = 40;  // facet values wider than this are not padded
constexpr std::size_t snippet_width = 96;    // columns of snippet text, after a 3-space indent

std::string_view origin_name(EntityOrigin origin) {
    return origin == EntityOrigin::given ? "given" : "extracted";
}

/// The article's own fields, in the order a hit and a document both show them (`Fields`: a
/// Hit or StoredFields).
template <typename Fields>
void write_article_fields(JsonWriter& json, const Fields& fields) {
    json.key("id").value(fields.id);
    json.key("title").value(fields.title);
    json.key("source").value(fields.source);
    json.key("date").value(fields.date);
    json.key("date_inferred").value(fields.date_inferred);
    json.key("url").value(fields.url);
}

void write_entities_and_categories(JsonWriter& json, const std::vector<Entity>& entities,
                                   const std::vector<std::string>& categories) {
    json.key("entities").begin_array();
    for (const auto& entity : entities) {
        json.begin_object();
        json.key("type").value(to_string(entity.type));
        json.key("name").value(entity.name);
        json.key("origin").value(origin_name(entity.origin));
        json.end_object();
    }
    json.end_array();
    json.key("categories").begin_array();
    for (const auto& category : categories) json.value(category);
    json.end_array();
}

void write_hit(JsonWriter& json, const Hit& hit) {
    json.begin_object();
    json.key("rank").value(static_cast<std::uint64_t>(hit.rank));
    write_article_fields(json, hit);
    json.key("score").value(hit.score);
    json.key("snippet").value(hit.snippet);
    write_entities_and_categories(json, hit.entities, hit.categories);
    json.key("cluster").value(hit.cluster);
    json.key("copies").begin_object();
    json.key("count").value(hit.copy_count);
    json.key("items").begin_array();
    for (const auto& copy : hit.copies)
        json.begin_object()
            .key("id")
            .value(copy.id)
            .key("source")
            .value(copy.source)
            .key("date")
            .value(copy.date)
            .end_object();
    json.end_array();
    json.end_object();
    json.end_object();
}

/// Characters of the widest count, for right-aligning the column.
std::size_t count_width(const std::vector<FacetValue>& values) {
    std::size_t width = 0;
    for (const auto& v : values) width = std::max(width, grouped_digits(v.count).size());
    return width;
}

/// Display width of UTF-8 text, one column per code point (good enough for names).
std::size_t columns(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

std::string padded(std::string_view text, std::size_t width) {
    std::string out(text);
    const std::size_t used = columns(text);
    if (used < width) out.append(width - used, ' ');
    return out;
}

std::string bold(std::string_view text, const TextStyle& style) {
    if (!style.color) return std::string(text);
    return std::string(bold_on) + std::string(text) + std::string(bold_off);
}

/// The [[ ]] highlight markers as bold, or dropped when plain. `open` carries a highlight
/// across a line break, so that each line ends with bold switched off.
std::string highlighted(std::string_view line, const TextStyle& style, bool& open) {
    std::string out;
    if (open && style.color) out += bold_on;
    for (std::size_t i = 0; i < line.size();) {
        const auto marker = line.substr(i, 2);
        if (marker == "[[" || marker == "]]") {
            open = marker == "[[";
            if (style.color) out += open ? bold_on : bold_off;
            i += 2;
        } else {
            out += line[i++];
        }
    }
    if (open && style.color) out += bold_off;
    return out;
}

/// Columns a word takes on screen: highlight markers take none.
std::size_t visible_columns(std::string_view word) {
    std::size_t markers = 0;
    for (std::size_t i = 0; i + 1 < word.size(); ++i) {
        if ((word[i] == '[' && word[i + 1] == '[') || (word[i] == ']' && word[i + 1] == ']')) {
            ++markers;
            ++i;
        }
    }
    return columns(word) - 2 * markers;
}

/// `text` broken at spaces into lines of at most `width` columns (a longer word stays whole).
std::vector<std::string> wrapped(std::string_view text, std::size_t width) {
    std::vector<std::string> lines;
    std::string line;
    std::size_t used = 0;
    for (std::size_t start = 0; start < text.size();) {
        auto end = text.find(' ', start);
        if (end == std::string_view::npos) end = text.size();
        const auto word = text.substr(start, end - start);
        start = end + 1;
        if (word.empty()) continue;
        const std::size_t needed = visible_columns(word);
        if (!line.empty() && used + 1 + needed > width) {
            lines.push_back(std::move(line));
            line.clear();
            used = 0;
        }
        if (!line.empty()) {
            line += ' ';
            ++used;
        }
        line += word;
        used += needed;
    }
    if (!line.empty()) lines.push_back(std::move(line));
    return lines;
}

std::string header(const SearchResult& result) {
    const std::string total = grouped_digits(result.total);
    const std::string what = result.total_exact ? " (exact)" : " (estimated)";
    if (result.total == 0) return "No matches.\n";
    const std::string matches = total + (result.total == 1 ? " match" : " matches") + what;
    if (result.hits.empty() && result.offset > 0 && result.offset >= result.total)
        return "No results at offset " + grouped_digits(result.offset) + ": there are " + matches +
               ".\n";
    if (result.hits.empty()) return matches + "\n";  // --limit 0: counts and facets only
    const std::string first = grouped_digits(result.hits.front().rank);
    const std::string last = grouped_digits(result.hits.back().rank);
    return "Showing " + first + "-" + last + " of " + matches + "\n";
}

/// "people: A, B · orgs: C · places: D", wrapped like a snippet; empty without entities.
std::vector<std::string> entity_lines(const Hit& hit) {
    std::string line;
    const std::pair<EntityType, const char*> groups[] = {
        {EntityType::person, "people"}, {EntityType::org, "orgs"}, {EntityType::place, "places"}};
    for (const auto& [type, label] : groups) {
        std::string names;
        for (const auto& entity : hit.entities)
            if (entity.type == type) names += (names.empty() ? "" : ", ") + entity.name;
        if (names.empty()) continue;
        line += (line.empty() ? "" : " · ") + std::string(label) + ": " + names;
    }
    return wrapped(line, snippet_width);
}

/// "+2 copies: Reuters 1987-03-05 reuters-123, ... (cluster:KEY)", wrapped; none without.
std::vector<std::string> copy_lines(const Hit& hit) {
    if (hit.copy_count == 0) return {};
    std::string line =
        "+" + grouped_digits(hit.copy_count) + (hit.copy_count == 1 ? " copy: " : " copies: ");
    for (std::size_t i = 0; i < hit.copies.size(); ++i) {
        const Copy& copy = hit.copies[i];
        line += (i ? ", " : "") +
                (copy.source.empty() ? std::string("unknown source") : copy.source) + " " +
                (copy.date.empty() ? std::string("undated") : copy.date.substr(0, 10)) + " " +
                copy.id;
    }
    if (hit.copies.size() < hit.copy_count) line += ", ...";
    return wrapped(line + " (cluster:" + hit.cluster + ")", snippet_width);
}

void append_hit(std::string& out, const Hit& hit, const TextStyle& style) {
    char score[32];
    std::snprintf(score, sizeof score, "%.2f", hit.score);
    out += "\n" + std::to_string(hit.rank) + ". " +
           bold(hit.title.empty() ? "(untitled)" : hit.title, style) + "\n";
    std::string meta = hit.source.empty() ? "unknown source" : hit.source;
    meta += " · " + (hit.date.empty() ? std::string("undated") : hit.date.substr(0, 10));
    if (hit.date_inferred) meta += " (inferred)";
    meta += " · score " + std::string(score) + " · " + hit.id;
    out += "   " + meta + "\n";
    bool open = false;
    for (const auto& line : wrapped(hit.snippet, snippet_width))
        out += "   " + highlighted(line, style, open) + "\n";
    for (const auto& line : entity_lines(hit)) out += "   " + line + "\n";
    for (const auto& line : copy_lines(hit)) out += "   " + line + "\n";
}

void append_values(std::string& out, const Facet& facet) {
    std::size_t width = 0;
    for (const auto& v : facet.values)
        width = std::max(width, std::min(columns(v.value), max_label_width));
    const std::size_t digits = count_width(facet.values);
    for (const auto& v : facet.values) {
        const std::string count = grouped_digits(v.count);
        out += "  " + padded(v.value, width) + "  " + std::string(digits - count.size(), ' ') +
               count + (v.selected ? "  (selected)" : "") + "\n";
    }
}

/// The bucket after `key` ("1987", "1987-03" or "1987-03-26"); empty when `key` is malformed.
std::string next_bucket(const std::string& key) {
    int year = 0;
    int month = 1;
    int day = 1;
    if (std::sscanf(key.c_str(), "%4d-%2d-%2d", &year, &month, &day) < 1) return {};
    char text[16];
    if (key.size() == 4) std::snprintf(text, sizeof text, "%04d", year + 1);
    if (key.size() == 7)
        std::snprintf(text, sizeof text, "%04d-%02d", month == 12 ? year + 1 : year,
                      month % 12 + 1);
    if (key.size() == 10) {
        if (!is_valid_date(year, month, day)) return {};
        return format_day(to_epoch_seconds(year, month, day) + 86400);
    }
    return key.size() == 4 || key.size() == 7 ? std::string(text) : std::string();
}

/// The buckets from first to last with the empty ones in between, so that a gap in the
/// coverage shows as a gap; left as they are when that would make an unreadably long list.
std::vector<FacetValue> with_empty_buckets(const std::vector<FacetValue>& values) {
    constexpr std::size_t max_rows = 120;
    if (values.size() < 2) return values;
    std::vector<FacetValue> out;
    std::size_t next = 0;
    for (std::string key = values.front().value; out.size() <= max_rows; key = next_bucket(key)) {
        if (key.empty() || key > values.back().value) break;
        const bool present = values[next].value == key;
        out.push_back({key, present ? values[next].count : 0});
        if (present && ++next == values.size()) return out;
    }
    return values;
}

void append_histogram(std::string& out, const Facet& facet, const TextStyle& style) {
    const auto values = with_empty_buckets(facet.values);
    std::uint64_t largest = 0;
    for (const auto& v : values) largest = std::max(largest, v.count);
    const std::size_t digits = count_width(values);
    const std::string_view block = style.color ? "█" : "#";  // '#' stays ASCII in files
    for (const auto& v : values) {
        // Round up, so that a bucket with any matches always shows a mark.
        const auto length = largest == 0 ? 0 : (v.count * histogram_width + largest - 1) / largest;
        std::string bar;
        for (std::uint64_t i = 0; i < length; ++i) bar += block;
        const std::string count = grouped_digits(v.count);
        out += "  " + v.value + "  " + std::string(digits - count.size(), ' ') + count +
               (bar.empty() ? "" : " " + bar) + "\n";
    }
}

void append_facet(std::string& out, const Facet& facet, const TextStyle& style) {
    const std::string title =
        facet.bucket.empty() ? facet.name : facet.name + " (by " + facet.bucket + ")";
    out += "\n" + bold(title + ":", style) + "\n";
    if (facet.values.empty())
        out += "  (none)\n";
    else if (facet.name == "date")
        append_histogram(out, facet, style);
    else
        append_values(out, facet);
    if (facet.other_values > 0)
        out += "  ... and " + grouped_digits(facet.other_values) + " more (see --facet-limit)\n";
    if (facet.undated > 0) out += "  undated: " + grouped_digits(facet.undated) + "\n";
}

/// "Note: no place "atlantis" in this index" and "Also searched: usa -> united states, us".
std::string notes_text(const SearchResult& result) {
    std::string out;
    for (const auto& notice : result.notices) out += "Note: " + notice.message + "\n";
    for (const auto& use : result.synonyms_used) {
        std::string to;
        for (const auto& name : use.to) to += (to.empty() ? "" : ", ") + name;
        const std::string where = use.field == "text" ? "" : use.field + ":";
        out += "Also searched: " + where + use.from + " -> " + to + "\n";
    }
    return out;
}

void write_notes(JsonWriter& json, const SearchResult& result) {
    json.key("notices").begin_array();
    for (const auto& notice : result.notices)
        json.begin_object()
            .key("field")
            .value(notice.field)
            .key("value")
            .value(notice.value)
            .key("message")
            .value(notice.message)
            .end_object();
    json.end_array();
    json.key("synonyms_used").begin_array();
    for (const auto& use : result.synonyms_used) {
        json.begin_object().key("field").value(use.field).key("from").value(use.from);
        json.key("to").begin_array();
        for (const auto& name : use.to) json.value(name);
        json.end_array().end_object();
    }
    json.end_array();
}

// "Did you mean: inflation (1,234 matches)", after the header; empty without a suggestion.
std::string suggestion_line(const SearchResult& result) {
    if (!result.suggestion) return {};
    const auto total = result.suggestion->total;
    return "Did you mean: " + result.suggestion->query + " (" + grouped_digits(total) +
           (total == 1 ? " match" : " matches") + ")\n";
}

}  // namespace

std::string format_text(const SearchResult& result, const TextStyle& style) {
    std::string out;
    if (!result.parsed_query.empty()) out += "Query: " + result.parsed_query + "\n";
    out += notes_text(result) + header(result) + suggestion_line(result);
    for (const auto& hit : result.hits) append_hit(out, hit, style);
    for (const auto& facet : result.facets) append_facet(out, facet, style);
    return out;
}

std::string format_json(const SearchResult& result) {
    JsonWriter json;
    json.begin_object();
    json.key("total").value(result.total);
    json.key("total_exact").value(result.total_exact);
    json.key("offset").value(static_cast<std::uint64_t>(result.offset));
    if (!result.parsed_query.empty()) json.key("parsed_query").value(result.parsed_query);
    write_notes(json, result);
    if (result.suggestion) {  // absent when there is none
        json.key("suggestion").begin_object();
        json.key("query").value(result.suggestion->query);
        json.key("total").value(result.suggestion->total);
        json.end_object();
    }
    json.key("hits").begin_array();
    for (const auto& hit : result.hits) write_hit(json, hit);
    json.end_array();
    json.key("facets").begin_object();
    for (const auto& facet : result.facets) {
        json.key(facet.name).begin_array();
        for (const auto& v : facet.values) {
            json.begin_object().key("value").value(v.value).key("count").value(v.count);
            if (v.selected) json.key("selected").value(true);  // only where true
            json.end_object();
        }
        json.end_array();
    }
    json.end_object();
    // Beside "facets" so that each facet stays a plain list of {value, count}.
    json.key("facets_omitted").begin_object();
    for (const auto& facet : result.facets)
        if (facet.bucket.empty()) json.key(facet.name).value(facet.other_values);
    json.end_object();
    for (const auto& facet : result.facets) {
        if (facet.bucket.empty()) continue;
        json.key("date_bucket").value(facet.bucket);
        json.key("date_undated").value(facet.undated);  // matches no bucket counts
    }
    json.end_object();
    return json.str() + "\n";
}

std::string format_document_json(const StoredFields& fields) {
    JsonWriter json;
    json.begin_object();
    write_article_fields(json, fields);
    write_entities_and_categories(json, fields.entities, fields.categories);
    json.key("body").value(fields.body);
    json.end_object();
    return json.str() + "\n";
}

}  // namespace newsdex::searcher
