/// @file request_values.cpp
/// @brief Sort orders, date buckets, --now moments and facet lists, as written by users.
#include "searcher/request_values.hpp"

#include <chrono>
#include <optional>

#include "common/date.hpp"
#include "common/error.hpp"
#include "common/text.hpp"

namespace newsdex::searcher {

namespace {

/// "unknown FIELD 'text' (choices)", the field named by each program.
RequestError unknown_value(const char* field, std::string_view text, const char* choices) {
    return RequestError(
        field, std::string(text), std::nullopt,
        {{"unknown "}, {field, true}, {" '" + std::string(text) + "' (" + choices + ")"}});
}

}  // namespace

SortOrder parse_sort_order(std::string_view text) {
    if (text == "relevance") return SortOrder::relevance;
    if (text == "newest") return SortOrder::newest;
    if (text == "oldest") return SortOrder::oldest;
    throw unknown_value("sort", text, "relevance, newest or oldest");
}

DateBucket parse_date_bucket(std::string_view text) {
    if (text == "auto") return DateBucket::automatic;
    if (text == "day") return DateBucket::day;
    if (text == "month") return DateBucket::month;
    if (text == "year") return DateBucket::year;
    throw unknown_value("date_bucket", text, "auto, day, month or year");
}

std::int64_t parse_now(std::string_view text) {
    if (const auto at = parse_date(text)) return at->seconds;
    throw RequestError(
        "now", std::string(text), std::nullopt,
        {{"now", true},
         {" '" + std::string(text) + "' is not a date (use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ)"}});
}

std::int64_t clock_now() {
    using namespace std::chrono;
    return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

std::vector<std::string> split_facet_names(const std::vector<std::string>& values) {
    std::vector<std::string> names;
    for (const auto& value : values) {
        std::size_t start = 0;
        for (std::size_t comma; start <= value.size(); start = comma + 1) {
            comma = value.find(',', start);
            if (comma == std::string::npos) comma = value.size();
            const auto name = trim(std::string_view(value).substr(start, comma - start));
            if (!name.empty()) names.emplace_back(name);
        }
    }
    return names;
}

}  // namespace newsdex::searcher
