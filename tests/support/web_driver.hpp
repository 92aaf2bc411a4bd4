/// @file web_driver.hpp
/// @brief Headless Chromium driven through chromedriver's W3C WebDriver API, for the tests
/// of the search page: chromedriver on a port it picks (127.0.0.1), one browser session.
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "support/child_process.hpp"

namespace newsdex::test {

/// One headless Chromium window (1280x1000), closed with its chromedriver by the destructor.
class WebDriver {
  public:
    /// Starts chromedriver and a session; logs and the browser profile go under `work_dir`.
    explicit WebDriver(const std::filesystem::path& work_dir);
    ~WebDriver();
    WebDriver(const WebDriver&) = delete;
    WebDriver& operator=(const WebDriver&) = delete;

    /// Loads `url` (waits for the document to load, not for the page's own requests).
    void go(const std::string& url);
    [[nodiscard]] std::string current_url();
    /// The browser's Back and Forward buttons.
    void back();
    void forward();

    /// The first element matching a CSS selector (REQUIREd to exist); its WebDriver id.
    [[nodiscard]] std::string find(const std::string& css);
    /// Every element matching it.
    [[nodiscard]] std::vector<std::string> find_all(const std::string& css);
    void click(const std::string& element);
    void clear(const std::string& element);
    void type(const std::string& element, const std::string& text);
    /// The element's rendered text.
    [[nodiscard]] std::string text(const std::string& element);

    /// Runs `script` (a function body) in the page; it must return a string.
    [[nodiscard]] std::string script(const std::string& script);

    /// Waits until `script` returns `expected` (10 s at most); false when it never did.
    [[nodiscard]] bool wait_for(const std::string& script, const std::string& expected,
                                std::chrono::milliseconds timeout = std::chrono::seconds(10));

    /// The window as a PNG file's bytes.
    [[nodiscard]] std::string screenshot_png();

  private:
    /// One WebDriver command; REQUIREs success and returns the answer's "value" as JSON text.
    std::string command(const std::string& method, const std::string& path,
                        const std::string& body = "{}");

    std::unique_ptr<ChildProcess> driver_;
    int port_ = 0;
    std::string session_;
};

}  // namespace newsdex::test
