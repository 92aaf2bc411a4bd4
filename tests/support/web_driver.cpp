/// @file web_driver.cpp
/// @brief chromedriver's W3C WebDriver commands over HTTP (cpp-httplib's client), answers
/// read with simdjson.
#include "support/web_driver.hpp"

#include <httplib.h>
#include <simdjson.h>

#include <catch2/catch.hpp>
#include <csignal>
#include <thread>

#include "common/json_writer.hpp"
#include "support/test_support.hpp"

namespace newsdex::test {

namespace {

/// The key W3C WebDriver names an element by in its answers.
constexpr const char* element_key = "element-6066-11e4-a52e-4f735466cecf";

std::string decode_base64(std::string_view text) {
    static const std::string alphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    std::uint32_t bits = 0;
    int count = 0;
    for (const char c : text) {
        const auto index = alphabet.find(c);
        if (index == std::string::npos) continue;  // padding, line breaks
        bits = (bits << 6) | static_cast<std::uint32_t>(index);
        count += 6;
        if (count >= 8) {
            count -= 8;
            out += static_cast<char>((bits >> count) & 0xff);
        }
    }
    return out;
}

std::string element_id(simdjson::dom::element value) {
    std::string_view id;
    REQUIRE(value[element_key].get(id) == simdjson::SUCCESS);
    return std::string(id);
}

}  // namespace

WebDriver::WebDriver(const std::filesystem::path& work_dir) {
    driver_ = std::make_unique<ChildProcess>(
        std::vector<std::string>{find_on_path("chromedriver"), "--port=0"},
        work_dir / "chromedriver");
    port_ =
        wait_for_port(*driver_, R"(started successfully on port (\d+))", std::chrono::seconds(20));
    INFO("chromedriver: " << driver_->out() << driver_->err());
    REQUIRE(port_ > 0);

    JsonWriter json;
    json.begin_object().key("capabilities").begin_object().key("alwaysMatch").begin_object();
    json.key("browserName").value("chrome");
    json.key("goog:chromeOptions").begin_object();
    json.key("binary").value(find_on_path("chromium"));
    json.key("args").begin_array();
    for (const char* arg :
         {"--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
          "--window-size=1280,1000", "--no-first-run", "--disable-extensions"})
        json.value(arg);
    json.value("--user-data-dir=" + (work_dir / "profile").string());
    json.end_array().end_object().end_object().end_object().end_object();
    const std::string value = command("POST", "/session", json.str());
    simdjson::dom::parser parser;
    std::string_view session;
    REQUIRE(parser.parse(value).get_object()["sessionId"].get(session) == simdjson::SUCCESS);
    session_ = std::string(session);
}

WebDriver::~WebDriver() {
    if (!session_.empty()) {
        httplib::Client client("127.0.0.1", port_);
        client.set_read_timeout(10);
        (void)client.Delete(("/session/" + session_).c_str());
    }
    driver_->send(SIGTERM);
    (void)driver_->wait_for(std::chrono::seconds(10));
}

std::string WebDriver::command(const std::string& method, const std::string& path,
                               const std::string& body) {
    httplib::Client client("127.0.0.1", port_);
    client.set_connection_timeout(10);
    client.set_read_timeout(60);  // starting the browser takes seconds on a loaded machine
    const std::string target =
        session_.empty() || path == "/session" ? path : "/session/" + session_ + path;
    httplib::Result result = method == "GET" ? client.Get(target.c_str())
                             : method == "DELETE"
                                 ? client.Delete(target.c_str())
                                 : client.Post(target.c_str(), body, "application/json");
    INFO("WebDriver " << method << " " << path << " " << body);
    REQUIRE(result);
    INFO("answer: " << result->status << " " << result->body);
    REQUIRE(result->status == 200);
    simdjson::dom::parser parser;
    simdjson::dom::element root;
    REQUIRE(parser.parse(result->body).get(root) == simdjson::SUCCESS);
    return simdjson::minify(root["value"]);
}

void WebDriver::go(const std::string& url) {
    JsonWriter json;
    json.begin_object().key("url").value(url).end_object();
    (void)command("POST", "/url", json.str());
}

void WebDriver::back() {
    (void)command("POST", "/back");
}

void WebDriver::forward() {
    (void)command("POST", "/forward");
}

std::string WebDriver::current_url() {
    simdjson::dom::parser parser;
    std::string_view url;
    REQUIRE(parser.parse(command("GET", "/url")).get(url) == simdjson::SUCCESS);
    return std::string(url);
}

std::string WebDriver::find(const std::string& css) {
    JsonWriter json;
    json.begin_object().key("using").value("css selector").key("value").value(css).end_object();
    simdjson::dom::parser parser;
    return element_id(parser.parse(command("POST", "/element", json.str())));
}

std::vector<std::string> WebDriver::find_all(const std::string& css) {
    JsonWriter json;
    json.begin_object().key("using").value("css selector").key("value").value(css).end_object();
    simdjson::dom::parser parser;
    std::vector<std::string> ids;
    for (const auto item : parser.parse(command("POST", "/elements", json.str())).get_array())
        ids.push_back(element_id(item));
    return ids;
}

void WebDriver::click(const std::string& element) {
    (void)command("POST", "/element/" + element + "/click");
}

void WebDriver::clear(const std::string& element) {
    (void)command("POST", "/element/" + element + "/clear");
}

void WebDriver::type(const std::string& element, const std::string& text) {
    JsonWriter json;
    json.begin_object().key("text").value(text).end_object();
    (void)command("POST", "/element/" + element + "/value", json.str());
}

std::string WebDriver::text(const std::string& element) {
    simdjson::dom::parser parser;
    std::string_view text;
    REQUIRE(parser.parse(command("GET", "/element/" + element + "/text")).get(text) ==
            simdjson::SUCCESS);
    return std::string(text);
}

std::string WebDriver::script(const std::string& body) {
    JsonWriter json;
    json.begin_object()
        .key("script")
        .value(body)
        .key("args")
        .begin_array()
        .end_array()
        .end_object();
    simdjson::dom::parser parser;
    std::string_view value;
    const std::string answer = command("POST", "/execute/sync", json.str());
    INFO("script: " << body << "\nreturned: " << answer);
    REQUIRE(parser.parse(answer).get(value) == simdjson::SUCCESS);
    return std::string(value);
}

bool WebDriver::wait_for(const std::string& body, const std::string& expected,
                         std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (true) {
        if (script(body) == expected) return true;
        if (std::chrono::steady_clock::now() > deadline) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
}

std::string WebDriver::screenshot_png() {
    simdjson::dom::parser parser;
    std::string_view base64;
    REQUIRE(parser.parse(command("GET", "/screenshot")).get(base64) == simdjson::SUCCESS);
    return decode_base64(base64);
}

}  // namespace newsdex::test
