/// @file search_parameters.cpp
/// @brief GET /search's parameters: the same fields, values and limits as newsdex-search.
#include "searcher/server/search_parameters.hpp"

#include <charconv>
#include <functional>
#include <map>
#include <optional>
#include <set>

#include "common/error.hpp"
#include "searcher/request_values.hpp"

namespace newsdex::server {

namespace {

using searcher::SearchRequest;

RequestError bad_value(const std::string& name, const std::string& value, std::string rest) {
    return RequestError(name, value, std::nullopt,
                        {{name, true}, {" '" + value + "' " + std::move(rest)}});
}

/// A count as the CLI's count options read it: 0 to 1,000,000,000, digits only.
std::uint32_t parse_count(const std::string& name, const std::string& value) {
    constexpr std::uint64_t max = 1'000'000'000;
    std::uint64_t count = 0;
    const char* end = value.data() + value.size();
    const auto [stop, error] = std::from_chars(value.data(), end, count);
    if (value.empty() || error != std::errc() || stop != end || count > max)
        throw RequestError(
            name, value, max,
            {{name, true},
             {" must be a number from 0 to " + std::to_string(max) + ", not '" + value + "'"}});
    return static_cast<std::uint32_t>(count);
}

/// `true` or `false` (also 1 and 0), for the CLI's switches.
bool parse_switch(const std::string& name, const std::string& value) {
    if (value == "true" || value == "1") return true;
    if (value == "false" || value == "0") return false;
    throw bad_value(name, value, "is not true or false");
}

/// How each parameter sets the request; `repeatable` ones add a value each time.
struct ParameterRule {
    bool repeatable = false;
    std::function<void(SearchRequest&, const std::string& name, const std::string& value)> set;
};

const std::map<std::string, ParameterRule, std::less<>>& parameter_rules() {
    using R = SearchRequest;
    using S = const std::string&;
    static const std::map<std::string, ParameterRule, std::less<>> rules = {
        {"q", {false, [](R& r, S, S v) { r.query = v; }}},
        {"source", {true, [](R& r, S, S v) { r.sources.push_back(v); }}},
        {"entity", {true, [](R& r, S, S v) { r.entities.push_back(v); }}},
        {"category", {true, [](R& r, S, S v) { r.categories.push_back(v); }}},
        {"from", {false, [](R& r, S, S v) { r.from = v; }}},
        {"to", {false, [](R& r, S, S v) { r.to = v; }}},
        {"now", {false, [](R& r, S, S v) { r.now = searcher::parse_now(v); }}},
        {"sort", {false, [](R& r, S, S v) { r.sort = searcher::parse_sort_order(v); }}},
        {"limit", {false, [](R& r, S n, S v) { r.limit = parse_count(n, v); }}},
        {"offset", {false, [](R& r, S n, S v) { r.offset = parse_count(n, v); }}},
        {"facets",
         {true,
          [](R& r, S, S v) {
              for (auto& name : searcher::split_facet_names({v})) r.facets.push_back(name);
          }}},
        {"facet_limit", {false, [](R& r, S n, S v) { r.facet_limit = parse_count(n, v); }}},
        {"date_bucket",
         {false, [](R& r, S, S v) { r.date_bucket = searcher::parse_date_bucket(v); }}},
        {"synonyms", {false, [](R& r, S n, S v) { r.synonyms = parse_switch(n, v); }}},
        {"language", {false, [](R& r, S, S v) { r.language = v; }}},
        {"collapse", {false, [](R& r, S n, S v) { r.collapse = parse_switch(n, v); }}},
        {"explain", {false, [](R& r, S n, S v) { r.explain = parse_switch(n, v); }}},
    };
    return rules;
}

std::string known_parameters() {
    std::string names;
    for (const auto& [name, rule] : parameter_rules()) names += (names.empty() ? "" : ", ") + name;
    return names;
}

}  // namespace

SearchRequest search_request_from(const Parameters& parameters, std::int64_t now) {
    SearchRequest request;
    std::set<std::string, std::less<>> seen;
    for (const auto& [name, value] : parameters) {
        const auto rule = parameter_rules().find(name);
        if (rule == parameter_rules().end())
            throw RequestError(
                name, value, std::nullopt,
                {{"unknown parameter '" + name + "' (known: " + known_parameters() + ")"}});
        if (!rule->second.repeatable && !seen.insert(name).second)
            throw RequestError(name, value, std::nullopt,
                               {{name, true}, {" is given twice; it takes one value"}});
        rule->second.set(request, name, value);
    }
    if (!request.now) request.now = now;
    return request;
}

}  // namespace newsdex::server
