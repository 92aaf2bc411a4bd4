/// @file jsonl_reader.cpp
/// @brief JSON Lines to Articles, one line at a time through the shared JSON record reader.
#include "corpus/jsonl_reader.hpp"

#include "corpus/json_article.hpp"

namespace newsdex::corpus {

namespace {

bool is_blank(std::string_view line) {
    return line.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

}  // namespace

void JsonlReader::read(std::istream& in, const std::string& file_name, const ReadOptions& options,
                       const ArticleSink& sink) {
    JsonRecordReader records(options.field_map, options.source);
    std::string line;
    std::uint64_t number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (number == 1 && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);
        if (!is_blank(line)) records.read(line, file_name, number, sink);
    }
    if (in.bad()) sink.on_problem(ParseError(file_name, 0, "read error"));
}

}  // namespace newsdex::corpus
