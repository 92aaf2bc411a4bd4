/// @file test_text.cpp
/// @brief Text helpers (UTF-8 repair, entities, white space, case) and the JSON writer.
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "common/json_writer.hpp"
#include "common/text.hpp"

using namespace newsdex;

namespace {

struct TextCase {
    std::string input;
    std::string expected;
};

}  // namespace

TEST_CASE("to_valid_utf8 keeps UTF-8, reads stray bytes as Latin-1, drops controls", "[text]") {
    const std::vector<TextCase> cases = {
        {"plain ASCII", "plain ASCII"},
        {"caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80", "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80"},
        {"caf\xE9", "caf\xC3\xA9"},                            // Latin-1 e-acute
        {"M\xFCnchen", "M\xC3\xBCnchen"},                      // the one such byte in Reuters
        {"\x93quoted\x94", "\xE2\x80\x9Cquoted\xE2\x80\x9D"},  // Windows-1252 curly quotes
        {"a\x81z", "az"},                                      // undefined in Windows-1252
        {"\xC0\xAF", "\xC3\x80\xC2\xAF"},                      // overlong '/' is not UTF-8
        // Not UTF-8, so each byte is a character; 0x80-0x9F are Windows-1252's (0x80 is the
        // euro sign, 0x82 a low quote).
        {"\xED\xA0\x80", "\xC3\xAD\xC2\xA0\xE2\x82\xAC"},                      // a UTF-16 surrogate
        {"\xE2\x82", "\xC3\xA2\xE2\x80\x9A"},                                  // truncated sequence
        {"\xF5\x80\x80\x80", "\xC3\xB5\xE2\x82\xAC\xE2\x82\xAC\xE2\x82\xAC"},  // > U+10FFFF
        {"tab\tnew\nline", "tab\tnew\nline"},
        {std::string("nul\0x", 5), "nulx"},
        {"cr\r\nbell\x07, del\x7F!", "cr\nbell, del!"},
        {"\x02\x03\x1F", ""},
        {"", ""},
    };
    for (const auto& c : cases) {
        INFO("input: \"" << c.input << "\"");
        CHECK(to_valid_utf8(c.input) == c.expected);
    }
}

TEST_CASE("decode_html_entities", "[text]") {
    const std::vector<TextCase> cases = {
        {"&lt;BAC&gt;", "<BAC>"},
        {"AT&amp;T", "AT&T"},
        {"&quot;q&quot; &apos;a&apos;", "\"q\" 'a'"},
        {"a&nbsp;z", "a\xC2\xA0z"},
        {"&#39;&#x27;&#X27;", "'''"},
        {"&#233;&#xE9;", "\xC3\xA9\xC3\xA9"},
        {"&#128512;", "\xF0\x9F\x98\x80"},
        {"x&#5;&#5;&#3;&#127;&#150;y", "xy"},  // control characters are dropped
        {"a&#10;b&#9;c", "a\nb\tc"},           // but not newline and tab
        {"&#0;&#xD800;&#x110000;", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},
        {"&amp;lt;", "&lt;"},  // decoded once only
        {"&copy; &bogus; &#; &#x; &#12a;", "&copy; &bogus; &#; &#x; &#12a;"},
        {"fish & chips; & more", "fish & chips; & more"},
        {"trailing &", "trailing &"},
        {"&lt", "&lt"},
        {"no entities", "no entities"},
    };
    for (const auto& c : cases) {
        INFO("input: \"" << c.input << "\"");
        CHECK(decode_html_entities(c.input) == c.expected);
    }
}

TEST_CASE("collapse_whitespace and trim", "[text]") {
    CHECK(collapse_whitespace("  a \t\n b\r\n\nc  ") == "a b c");
    CHECK(collapse_whitespace("one") == "one");
    CHECK(collapse_whitespace(" \n\t ") == "");
    CHECK(collapse_whitespace("") == "");
    CHECK(trim("  a b \n") == "a b");
    CHECK(trim("\t\r\n") == "");
    CHECK(trim("x") == "x");
}

TEST_CASE("to_lower folds the case of any script", "[text]") {
    CHECK(to_lower("Paul VOLCKER") == "paul volcker");
    CHECK(to_lower("\xC3\x89TAT") == "\xC3\xA9tat");               // ÉTAT
    CHECK(to_lower("M\xC3\x9CNCHEN") == "m\xC3\xBCnchen");         // MÜNCHEN
    CHECK(to_lower("\xCE\x91\xCE\x98\xCE\x97\xCE\x9D\xCE\x91") ==  // ΑΘΗΝΑ
          "\xCE\xB1\xCE\xB8\xCE\xB7\xCE\xBD\xCE\xB1");
    CHECK(to_lower("\xD0\x9C\xD0\x9E\xD0\xA1\xD0\x9A\xD0\x92\xD0\x90") ==  // МОСКВА
          "\xD0\xBC\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0");
    CHECK(to_lower("123 +-") == "123 +-");
    CHECK(to_lower("") == "");
}

TEST_CASE("facet_key is case- and space-insensitive", "[text]") {
    CHECK(facet_key("Reuters") == "reuters");
    CHECK(facet_key(" reuters ") == "reuters");
    CHECK(facet_key("REUTERS") == "reuters");
    CHECK(facet_key("West   Germany") == "west germany");
    CHECK(facet_key("\tPaul\nVolcker ") == "paul volcker");
}

TEST_CASE("JsonWriter writes nested containers with commas in the right places", "[json]") {
    JsonWriter w;
    w.begin_object();
    w.key("id").value("reuters-1");
    w.key("count").value(3);
    w.key("big").value(std::uint64_t{18446744073709551615ULL});
    w.key("neg").value(std::int64_t{-42});
    w.key("ok").value(true);
    w.key("none").null();
    w.key("list").begin_array().value(1).value("two").begin_object().end_object().end_array();
    w.key("empty").begin_array().end_array();
    w.end_object();
    CHECK(w.str() ==
          R"({"id":"reuters-1","count":3,"big":18446744073709551615,"neg":-42,"ok":true,)"
          R"("none":null,"list":[1,"two",{}],"empty":[]})");
}

TEST_CASE("JsonWriter formats doubles finitely and NaN/infinity as null", "[json]") {
    JsonWriter w;
    w.begin_array()
        .value(0.1)
        .value(3.0)
        .value(-2.5)
        .value(1e20)
        .value(std::nan(""))
        .value(std::numeric_limits<double>::infinity())
        .value(-std::numeric_limits<double>::infinity())
        .end_array();
    CHECK(w.str() == "[0.1,3,-2.5,1e+20,null,null,null]");
    // Enough digits to read the same double back.
    JsonWriter precise;
    precise.value(0.123456789012345);
    CHECK(std::stod(precise.str()) == 0.123456789012345);
}

TEST_CASE("json_quote escapes per RFC 8259", "[json]") {
    CHECK(json_quote("plain") == "\"plain\"");
    CHECK(json_quote("a\"b\\c") == R"("a\"b\\c")");
    CHECK(json_quote("\n\r\t\b\f") == R"("\n\r\t\b\f")");
    CHECK(json_quote(std::string("\x01\x1f\0", 3)) == R"("\u0001\u001f\u0000")");
    CHECK(json_quote("caf\xC3\xA9 /") == "\"caf\xC3\xA9 /\"");  // UTF-8 and '/' pass through
    JsonWriter w;
    w.begin_object().key("k\"ey").value("v\x02").end_object();
    CHECK(w.str() == R"({"k\"ey":"v\u0002"})");
}
