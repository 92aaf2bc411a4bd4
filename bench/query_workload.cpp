/// @file query_workload.cpp
/// @brief Query workload JSONL parsing with simdjson.
#include "bench/query_workload.hpp"

#include <simdjson.h>

#include <fstream>
#include <sstream>

#include "common/error.hpp"

namespace newsdex::bench {

namespace {

std::optional<std::string> optional_string(simdjson::dom::object obj, std::string_view key) {
    std::string_view text;
    if (obj[key].get_string().get(text) != simdjson::SUCCESS) return std::nullopt;  // null too
    return std::string(text);
}

WorkloadQuery to_query(simdjson::dom::object obj) {
    WorkloadQuery query;
    query.query_class = optional_string(obj, "class").value_or("");
    query.q = optional_string(obj, "q").value_or("");
    query.from = optional_string(obj, "from");
    query.to = optional_string(obj, "to");
    query.source = optional_string(obj, "source");
    simdjson::dom::array facets;
    if (obj["facets"].get_array().get(facets) == simdjson::SUCCESS)
        for (auto item : facets) {
            std::string_view name;
            if (item.get_string().get(name) == simdjson::SUCCESS) query.facets.emplace_back(name);
        }
    return query;
}

}  // namespace

std::vector<WorkloadQuery> read_workload(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw ParseError(path, 0, "cannot open the query workload");
    simdjson::dom::parser parser;
    std::vector<WorkloadQuery> out;
    std::string line;
    std::uint64_t number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        simdjson::dom::object obj;
        if (parser.parse(line).get_object().get(obj) != simdjson::SUCCESS)
            throw ParseError(path, number, "not a JSON object");
        out.push_back(to_query(obj));
        if (out.back().query_class.empty() || out.back().q.empty())
            throw ParseError(path, number, "a query needs \"class\" and \"q\"");
    }
    return out;
}

std::vector<std::string> split_words(const std::string& q) {
    std::istringstream in(q);
    std::vector<std::string> words;
    for (std::string word; in >> word;) words.push_back(word);
    return words;
}

}  // namespace newsdex::bench
