/// @file test_id_list.cpp
/// @brief read_id_list: the --delete-from list, blank lines, CRLF and bad lines by number.
#include <catch2/catch.hpp>
#include <sstream>

#include "common/error.hpp"
#include "indexer/delete_run.hpp"

using namespace newsdex;

namespace {

std::vector<std::string> ids(const std::string& text) {
    std::istringstream in(text);
    return indexer::read_id_list(in, "ids.txt");
}

std::string problem(const std::string& text) {
    try {
        (void)ids(text);
    } catch (const ParseError& e) {
        return e.what();
    }
    return "(none)";
}

}  // namespace

TEST_CASE("read_id_list reads one id a line, passing over blank lines") {
    CHECK(ids("reuters-1\n\nreuters-2\r\n \t\nhttps://example.com/a b\n") ==
          std::vector<std::string>{"reuters-1", "reuters-2", "https://example.com/a b"});
    CHECK(ids("").empty());
    CHECK(ids("last-without-newline") == std::vector<std::string>{"last-without-newline"});
}

TEST_CASE("read_id_list names the line that cannot be an id") {
    CHECK(problem("a\n b\n") ==
          "ids.txt:2: not an id: spaces or tabs around the id (write the id alone on its line)");
    CHECK(problem("a\tb\n") ==
          "ids.txt:1: not an id: a control character (byte 0x09) at column 2; write one id a "
          "line");
    CHECK(problem("ok\n\nbad\xff\n") ==
          "ids.txt:3: not an id: not valid UTF-8 (ids are UTF-8 text)");
}
