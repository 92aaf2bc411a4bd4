/// @file test_search_page.cpp
/// @brief The search page in a real browser (Debian's headless Chromium through
/// chromedriver): typing a query, ticking a facet, paging and reloading from the URL, each
/// checked against the JSON API; what scraped titles hold is shown as text.
#include <simdjson.h>

#include <catch2/catch.hpp>
#include <fstream>

#include "support/served_index.hpp"
#include "support/test_support.hpp"
#include "support/web_driver.hpp"

using newsdex::test::ServedIndex;
using newsdex::test::url_encode;
using newsdex::test::WebDriver;
namespace fs = std::filesystem;

namespace {

/// What the page asks the API for, beside the state in its address (app.js).
const std::string page_parameters =
    "&limit=10&facets=source,date,person,org,place,category"
    "&facet_limit=8";

/// The ids and total of an API answer.
struct Answer {
    std::uint64_t total = 0;
    std::vector<std::string> ids;
};

Answer api(const ServedIndex& server, const std::string& state) {
    const auto http = server.get("/search?" + state + page_parameters);
    REQUIRE(http.status == 200);
    simdjson::dom::parser parser;
    simdjson::dom::element root;
    REQUIRE(parser.parse(http.body).get(root) == simdjson::SUCCESS);
    Answer answer;
    REQUIRE(root["total"].get(answer.total) == simdjson::SUCCESS);
    for (const auto hit : root["hits"].get_array()) {
        std::string_view id;
        REQUIRE(hit["id"].get(id) == simdjson::SUCCESS);
        answer.ids.emplace_back(id);
    }
    return answer;
}

/// Waits until the page has drawn its `searches`-th answer.
void wait_drawn(WebDriver& browser, int searches) {
    const bool drawn = browser.wait_for(
        "return document.body.dataset.state + ' ' + document.body.dataset.searches;",
        "ready " + std::to_string(searches));
    INFO("page state: " << browser.script("return document.body.dataset.state + ' ' + "
                                          "document.body.dataset.searches + ' ' + "
                                          "document.getElementById('error').textContent;"));
    REQUIRE(drawn);
}

/// What the page shows: the total it drew and its hits' ids.
Answer shown(WebDriver& browser) {
    Answer answer;
    answer.total =
        std::stoull(browser.script("return document.getElementById('summary').dataset.total;"));
    const std::string ids = browser.script(
        "return [...document.querySelectorAll('#hits li')].map(li => li.dataset.id).join(' ');");
    std::istringstream in(ids);
    for (std::string id; in >> id;) answer.ids.push_back(id);
    return answer;
}

void check_same(const Answer& page, const Answer& api) {
    CHECK(page.total == api.total);
    CHECK(page.ids == api.ids);
}

}  // namespace

TEST_CASE("the search page searches, filters by a facet, pages and reloads from its address",
          "[browser]") {
    const fs::path work = newsdex::test::fresh_dir("browser-search-page");
    ServedIndex server(newsdex::test::sample_index(), "browser-search-page-server");
    WebDriver browser(work);

    // The whole archive first: no query.
    browser.go(server.base_url() + "/");
    wait_drawn(browser, 1);
    check_same(shown(browser), api(server, ""));
    CHECK(shown(browser).total == 60);

    // Type a query and press the button.
    browser.type(browser.find("#q"), "election");
    browser.click(browser.find("#search-form button[type=submit]"));
    wait_drawn(browser, 2);
    check_same(shown(browser), api(server, "q=election"));
    CHECK(browser.current_url() == server.base_url() + "/?q=election");
    CHECK(browser.script("return document.querySelector('#hits mark').textContent;") == "elected");

    // Tick the second source: its hits, and every source still counted (multi-select).
    const auto sources = browser.find_all("section[data-facet=source] input");
    REQUIRE(sources.size() >= 2);
    const std::string source = browser.script(
        "return document.querySelectorAll('section[data-facet=source] input')[1].value;");
    const std::string counted_before = browser.script(
        "return String(document.querySelectorAll('section[data-facet=source] input').length);");
    browser.click(sources[1]);
    wait_drawn(browser, 3);
    const std::string state = "q=election&source=" + url_encode(source);
    check_same(shown(browser), api(server, state));
    CHECK(shown(browser).total < 4);
    CHECK(browser.script("return String(document.querySelectorAll('section[data-facet=source] "
                         "input').length);") == counted_before);
    CHECK(browser.script("return String(document.querySelectorAll('section[data-facet=source] "
                         "input')[1].checked);") == "true");
    CHECK(browser.text(browser.find("#filters .chip")) == "source: " + source + " \u00d7");

    // Page 2 of everything from the archive's newest.
    browser.go(server.base_url() + "/?sort=newest");
    wait_drawn(browser, 1);
    check_same(shown(browser), api(server, "sort=newest"));
    CHECK(browser.text(browser.find("#page")) == "Page 1");
    browser.click(browser.find("#next"));
    wait_drawn(browser, 2);
    check_same(shown(browser), api(server, "sort=newest&offset=10"));
    CHECK(browser.text(browser.find("#page")) == "Page 2");
    const std::string address = browser.current_url();
    CHECK(address == server.base_url() + "/?sort=newest&offset=10");

    // The browser's Back goes to page 1 again (the page's own history entry), and Forward
    // to page 2.
    browser.back();
    wait_drawn(browser, 3);
    CHECK(browser.current_url() == server.base_url() + "/?sort=newest");
    check_same(shown(browser), api(server, "sort=newest"));
    browser.forward();
    wait_drawn(browser, 4);
    check_same(shown(browser), api(server, "sort=newest&offset=10"));

    // The last page (60 articles) has no Next: a story's copies are no hits of their own, so
    // a page count from the total would promise pages that come up empty.
    browser.go(server.base_url() + "/?sort=newest&offset=50");
    wait_drawn(browser, 1);
    CHECK(browser.find_all("#next").empty());
    CHECK(browser.text(browser.find("#page")) == "Page 6");

    // The address holds the whole state: loaded afresh, the same page.
    browser.go(address);
    wait_drawn(browser, 1);
    check_same(shown(browser), api(server, "sort=newest&offset=10"));
    CHECK(browser.script("return document.getElementById('sort').value;") == "newest");

    // A filter in the address is ticked in its facet, and the query is in the box.
    browser.go(server.base_url() + "/?q=rain&entity=" + url_encode("place:York"));
    wait_drawn(browser, 1);
    check_same(shown(browser), api(server, "q=rain&entity=" + url_encode("place:York")));
    CHECK(browser.script("return document.getElementById('q').value;") == "rain");
    CHECK(browser.script("return [...document.querySelectorAll('section[data-facet=place] input')]"
                         ".filter(i => i.checked).map(i => i.value).join('|');") == "York");

    // A bar of the date histogram narrows the search to its month.
    browser.go(server.base_url() + "/");
    wait_drawn(browser, 1);
    const std::string month = browser.script(
        "return document.querySelector('.histogram button:not([data-count=\"0\"])')"
        ".dataset.value;");
    browser.click(browser.find(".histogram button[data-value='" + month + "']"));
    wait_drawn(browser, 2);
    check_same(shown(browser), api(server, "from=" + month + "&to=" + month));

    // A query error is shown, not a blank page.
    browser.go(server.base_url() + "/?q=" + url_encode("\"unclosed"));
    CHECK(browser.wait_for("return document.body.dataset.state;", "error"));
    CHECK(browser.text(browser.find("#error")).starts_with("query error at position 1"));

    // What a user looks at: the screenshot, kept beside the test's work.
    browser.go(server.base_url() + "/?q=" + url_encode("rain OR flood"));
    wait_drawn(browser, 1);
    const std::string png = browser.screenshot_png();
    CHECK(png.starts_with("\x89PNG\r\n\x1a\n"));
    CHECK(png.size() > 20'000);  // a drawn page, not a blank one
    std::ofstream(work / "search-page.png", std::ios::binary) << png;
    CHECK(server.stop() == 0);
}

TEST_CASE("the search page shows markup in titles and snippets as text", "[browser]") {
    const fs::path work = newsdex::test::fresh_dir("browser-escaping");
    const fs::path input = work / "hostile.jsonl";
    std::ofstream(input)
        << R"({"id": "hostile-1", "title": "<script>window.pwned = 1</script>", "source": )"
           R"("<b>Bold Source</b>", "date": "2024-05-01", "url": "javascript:window.pwned=2", )"
           R"("body": "A story about <img src=x onerror=\"window.pwned=3\"> markup in scraped pages."})"
        << "\n";
    const auto indexed = newsdex::test::run_command(
        {newsdex::test::index_program(), "-q", "-d", (work / "index").string(), input.string()});
    REQUIRE(indexed.exit_code == 0);
    ServedIndex server(work / "index", "browser-escaping-server");
    WebDriver browser(work);
    browser.go(server.base_url() + "/?q=markup");
    wait_drawn(browser, 1);
    CHECK(browser.text(browser.find("#hits h3")) == "<script>window.pwned = 1</script>");
    CHECK(browser.script("return String(document.querySelectorAll('#hits script, #hits img, "
                         "#hits a, #facets b').length);") == "0");
    CHECK(browser.text(browser.find("#hits .snippet")).find("<img src=x") != std::string::npos);
    CHECK(browser.script("return String(window.pwned);") == "undefined");
    CHECK(browser.script("return document.querySelector('section[data-facet=source] .name')"
                         ".textContent;") == "<b>Bold Source</b>");
    CHECK(server.stop() == 0);
}
