/// @file record_support.cpp
/// @brief Source names, derived ids, dates and path labels shared by the readers.
#include "corpus/readers/record_support.hpp"

#include <cstdio>
#include <filesystem>

#include "common/text.hpp"
#include "corpus/readers/compressed_input.hpp"
#include "corpus/readers/link_shorteners.hpp"

namespace newsdex::corpus {

namespace {

/// Longest author name kept, in bytes.
constexpr std::size_t max_name = 100;

/// Longest URL used as an id as it is, in bytes; longer ones are hashed.
constexpr std::size_t max_id = 200;

/// The path labels come from: an archive member ("news.tar.gz:./bbc/001.txt") as if the
/// archive were a folder ("news/bbc/001.txt"), and without a compression suffix ("001.txt.gz").
std::string label_path(std::string_view file_name) {
    std::string path(file_name);
    for (std::size_t colon = path.find(':'); colon != std::string::npos;
         colon = path.find(':', colon + 1)) {
        const std::string archive = path.substr(0, colon);
        std::string folder = strip_compression_suffix(archive);
        if (folder.ends_with(".tar")) {
            folder.resize(folder.size() - 4);
        } else if (folder == archive) {
            continue;  // a colon in a plain file name
        }
        std::string_view member = std::string_view(path).substr(colon + 1);
        while (member.starts_with("./")) member.remove_prefix(2);
        path = folder + "/" + std::string(member);
        break;
    }
    return strip_compression_suffix(path);
}

bool is_link(std::string_view text) {
    return text.starts_with("http://") || text.starts_with("https://");
}

/// The publisher a source value or link names: a news organisation's shortener stands for it
/// (cnn.it, CNN); a generic one (bit.ly) names nobody, so the result is empty.
std::string publisher_of(std::string_view source) {
    std::string site = site_name(source);
    const std::string host = to_lower(site);
    if (const auto publisher = shortener_publisher(host)) return std::string(*publisher);
    return is_generic_shortener(host) ? std::string() : site;
}

}  // namespace

bool is_unnamed_site(std::string_view source) {
    source = trim(source);
    if (!is_link(source) && !source.starts_with("www.")) return false;
    return !shortener_publisher(to_lower(site_name(source)));
}

std::string site_name(std::string_view source) {
    std::string_view text = trim(source);
    const auto strip_prefix_nocase = [&](std::string_view prefix) {
        if (text.size() < prefix.size()) return false;
        for (std::size_t k = 0; k < prefix.size(); ++k)
            if ((text[k] | 0x20) != prefix[k]) return false;
        text.remove_prefix(prefix.size());
        return true;
    };
    const bool is_url = strip_prefix_nocase("http://") || strip_prefix_nocase("https://");
    if (!is_url && !strip_prefix_nocase("www.")) return collapse_whitespace(source);
    strip_prefix_nocase("www.");
    const std::size_t end = text.find_first_of("/:?#");
    return to_lower(text.substr(0, end));
}

std::string content_id(std::string_view title, std::string_view body) {
    const std::uint64_t hash = fnv1a(body, fnv1a("\n", fnv1a(title)));
    char buf[24];
    std::snprintf(buf, sizeof buf, "h%016llx", static_cast<unsigned long long>(hash));
    return buf;
}

void set_date(Article& article, std::string_view text) {
    text = trim(text);
    if (text.empty()) return;
    article.date = parse_date(text);
    // The text is good without its date: the article is kept undated, and the indexer says so.
    if (!article.date) article.unreadable_date = std::string(text);
}

void finish_article(Article& article, std::string_view default_source) {
    if (article.title.empty() && article.body.empty()) throw BadRecord{"no title or body"};
    // Scrapers sometimes put a whole paragraph in the author field; that is no name, and a
    // boolean term made from it would pass Xapian's term length limit.
    std::erase_if(article.authors, [](const std::string& name) { return name.size() > max_name; });
    article.source = publisher_of(article.source);
    if (article.source.empty()) article.source = collapse_whitespace(default_source);
    // With no publisher named, the article's own link is the evidence left.
    if (article.source.empty() && is_link(article.url)) article.source = publisher_of(article.url);
    if (!article.id.empty()) return;
    // Tracking-laden URLs can pass Xapian's 245-byte term limit; the id term must not.
    article.id = article.url.empty()           ? content_id(article.title, article.body)
                 : article.url.size() > max_id ? content_id(article.url, "")
                                               : article.url;
}

ParseError over_file_limit(const std::string& file_name, const ReadOptions& options,
                           std::string_view what) {
    return ParseError(file_name, 0,
                      "more than " + std::to_string(options.max_file_bytes) + " bytes" +
                          std::string(what) +
                          ", the limit on a file read whole (a JSON object, text, mail, SGML "
                          "or a page); nothing of it is indexed. JSON Lines, CSV and JSON "
                          "arrays are read record by record, with no such limit");
}

bool append_rest(std::streambuf& buf, std::string& out, const std::string& file_name,
                 const ReadOptions& options, const ArticleSink& sink) {
    char chunk[1 << 16];
    for (std::streamsize n; (n = buf.sgetn(chunk, sizeof chunk)) > 0;) {
        if (out.size() + static_cast<std::size_t>(n) > options.max_file_bytes) {
            sink.on_problem(over_file_limit(file_name, options));
            return false;
        }
        out.append(chunk, static_cast<std::size_t>(n));
    }
    return true;
}

std::optional<std::string> read_utf8_text(std::streambuf& buf, const std::string& file_name,
                                          const ReadOptions& options, const ArticleSink& sink) {
    std::string raw;
    if (!append_rest(buf, raw, file_name, options, sink)) return std::nullopt;
    std::string text = to_valid_utf8(raw);
    if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
    return text;
}

PathLabels path_labels(std::string_view file_name) {
    PathLabels labels;
    if (file_name == "-") return labels;  // stdin has no path to learn from
    const std::filesystem::path path(label_path(file_name));
    labels.folder = path.parent_path().filename().string();
    labels.parent_folder = path.parent_path().parent_path().filename().string();
    // Three parts keep ids unique across category folders (business/001, sport/001) and
    // across corpora with the same layout.
    for (const auto& part : {labels.parent_folder, labels.folder})
        if (!part.empty()) labels.id += part + "/";
    labels.id += path.stem().string();
    return labels;
}

}  // namespace newsdex::corpus
