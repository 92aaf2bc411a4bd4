/// @file web_assets.hpp
/// @brief The search page's files (web/index.html, app.js, style.css), compiled into the
/// server: no folder to install or find, no build step, nothing fetched from elsewhere.
#pragma once

#include <optional>
#include <string_view>

namespace newsdex::server {

/// One file of the page.
struct WebAsset {
    std::string_view content_type;
    std::string_view body;
};

/// The file served at `path` ("/" is the page itself); none for any other path.
[[nodiscard]] std::optional<WebAsset> web_asset(std::string_view path);

}  // namespace newsdex::server
