/// @file stored_fields.hpp
/// @brief What a document stores for display: the fields of a hit, packed into document data.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/article.hpp"

namespace newsdex {

/// The stored part of an article: everything a search result shows.
struct StoredFields {
    std::string id;
    std::string title;
    std::string source;
    std::string date;            ///< ISO-8601 as format_iso() writes it; empty when unknown
    bool date_inferred = false;  ///< the date was worked out, not stated (Article::date_inferred)
    std::string url;
    std::string body;  ///< the text snippets are cut from
    std::vector<Entity> entities;
    std::vector<std::string> categories;

    /// The stored fields of an article.
    [[nodiscard]] static StoredFields from_article(const Article& article);
    /// Packs the fields into document data (a versioned, length-prefixed binary layout).
    [[nodiscard]] std::string encode() const;
    /// Whether decode() copies the body out (for snippets) or steps over it.
    enum class Body { copy, skip };
    /// Unpacks document data written by encode(); throws IndexError when it is not ours.
    /// With Body::skip, `body` stays empty: a hit shown without a snippet needs no copy of it.
    [[nodiscard]] static StoredFields decode(std::string_view data, Body body = Body::copy);
};

}  // namespace newsdex
