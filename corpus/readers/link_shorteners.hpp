/// @file link_shorteners.hpp
/// @brief Link-shortener hosts: news publishers' own (cnn.it is CNN) and generic ones (bit.ly).
#pragma once

#include <optional>
#include <string_view>

namespace newsdex::corpus {

/// The publisher a news organisation's own shortener stands for: "politi.co" gives "Politico",
/// "cnn.it" "CNN", "nyti.ms" "The New York Times"; nullopt for any other host. `host` is lower
/// case without "www." (as site_name() gives it).
[[nodiscard]] std::optional<std::string_view> shortener_publisher(std::string_view host) noexcept;

/// Whether `host` is a generic link shortener (bit.ly, t.co, goo.gl, tinyurl.com, ...): a link
/// through it says nothing about who published the article.
[[nodiscard]] bool is_generic_shortener(std::string_view host) noexcept;

}  // namespace newsdex::corpus
