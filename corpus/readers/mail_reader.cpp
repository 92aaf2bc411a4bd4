/// @file mail_reader.cpp
/// @brief One mail or Usenet post to one Article: header block, body, labels from the path.
#include "corpus/readers/mail_reader.hpp"

#include <algorithm>
#include <map>

#include "common/text.hpp"
#include "corpus/readers/record_support.hpp"

namespace newsdex::corpus {

namespace {

/// A header's (unfolded) value and the line it starts on.
struct Header {
    std::string value;
    std::uint64_t line = 0;
};

/// Headers by lower-case name; the first of repeated headers wins.
using Headers = std::map<std::string, Header>;

/// std::getline that stops after `max` bytes: a line that never ends is read no further.
bool read_line(std::istream& in, std::string& line, std::size_t max) {
    line.clear();
    std::streambuf& buf = *in.rdbuf();
    for (int c = buf.sbumpc(); c != std::char_traits<char>::eof(); c = buf.sbumpc()) {
        if (c == '\n') return true;
        line.push_back(static_cast<char>(c));
        if (line.size() >= max) return true;
    }
    return !line.empty();
}

/// Reads header lines up to the first blank line (or the end); returns what was read of the
/// body: nothing, or its first line when no blank line separated it from the headers. Adds the
/// bytes read to `bytes`, and stops once they pass `max_bytes`, the limit on the whole file.
std::string read_headers(std::istream& in, Headers& headers, std::size_t max_bytes,
                         std::size_t& bytes) {
    std::string line, last;
    std::uint64_t number = 0;
    while (bytes <= max_bytes && read_line(in, line, max_bytes - bytes + 1)) {
        bytes += line.size() + 1;
        ++number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (trim(line).empty()) return {};
        if (line[0] == ' ' || line[0] == '\t') {
            // A folded header; before any header it is the tail of one an archive stripped.
            if (!last.empty()) headers[last].value += " " + std::string(trim(line));
            continue;
        }
        const auto name = mail_header_name(line);
        if (name.empty()) return line + "\n";  // the body starts without a blank line
        last = to_lower(name);
        headers.try_emplace(last, Header{std::string(trim(line.substr(name.size() + 1))), number});
    }
    return {};
}

std::string header(const Headers& headers, const std::string& name) {
    const auto it = headers.find(name);
    return it == headers.end() ? std::string() : to_valid_utf8(it->second.value);
}

/// `Jane Doe <jd@x.org>` and `jd@x.org (Jane Doe)` give "Jane Doe"; a bare address stays.
std::string author_of(std::string_view from) {
    const std::size_t angle = from.find('<'), paren = from.find('(');
    std::string_view name = from;
    if (angle != std::string_view::npos && angle > 0) {
        name = from.substr(0, angle);
    } else if (paren != std::string_view::npos) {
        name = from.substr(paren + 1, from.find(')', paren) - paren - 1);
    }
    std::string out = collapse_whitespace(name);
    if (out.size() >= 2 && out.front() == '"' && out.back() == '"')
        out = out.substr(1, out.size() - 2);
    return out.empty() ? collapse_whitespace(from) : out;
}

std::vector<std::string> newsgroups_of(std::string_view list) {
    std::vector<std::string> out;
    for (std::size_t start = 0; start < list.size();) {
        const std::size_t end = std::min(list.find(',', start), list.size());
        std::string group = collapse_whitespace(list.substr(start, end - start));
        if (!group.empty()) out.push_back(std::move(group));
        start = end + 1;
    }
    return out;
}

/// The Message-ID without its angle brackets, or "".
std::string message_id(const Headers& headers) {
    std::string id(trim(header(headers, "message-id")));
    if (id.size() > 2 && id.front() == '<' && id.back() == '>') id = id.substr(1, id.size() - 2);
    return id;
}

Article to_article(const Headers& headers, std::string body, const std::string& file_name,
                   const ReadOptions& options) {
    Article article;
    article.title = collapse_whitespace(header(headers, "subject"));
    article.body = std::string(trim(to_valid_utf8(body)));
    if (const auto from = header(headers, "from"); !from.empty())
        article.authors.push_back(author_of(from));
    const auto date = headers.find("date");
    if (date != headers.end()) set_date(article, date->second.value);
    const PathLabels labels = path_labels(file_name);
    article.id = message_id(headers);
    if (article.id.empty()) article.id = labels.id;
    article.categories = newsgroups_of(header(headers, "newsgroups"));
    if (article.categories.empty() && !labels.folder.empty())
        article.categories.push_back(labels.folder);
    const std::string venue = article.categories.empty() ? std::string() : article.categories[0];
    finish_article(article, options.source.empty() ? venue : options.source);
    return article;
}

}  // namespace

std::string_view mail_header_name(std::string_view line) noexcept {
    const std::size_t colon = line.find(':');
    if (colon == 0 || colon == std::string_view::npos) return {};
    for (std::size_t k = 0; k < colon; ++k)
        if (line[k] <= ' ' || line[k] > '~') return {};
    return line.substr(0, colon);
}

void read_mail(std::istream& in, const std::string& file_name, const ReadOptions& options,
               const ArticleSink& sink) {
    Headers headers;
    std::size_t header_bytes = 0;
    std::string body = read_headers(in, headers, options.max_file_bytes, header_bytes);
    if (header_bytes > options.max_file_bytes) {
        sink.on_problem(over_file_limit(file_name, options, " of mail headers"));
        return;
    }
    if (headers.empty()) {
        sink.on_problem(
            ParseError(file_name, 1, "no mail header block (From and Subject lines) at the top"));
        return;
    }
    if (!append_rest(*in.rdbuf(), body, file_name, options, sink)) return;
    if (in.bad()) {
        sink.on_problem(ParseError(file_name, 0, "read error"));
        return;
    }
    try {
        Article article = to_article(headers, std::move(body), file_name, options);
        article.origin_file = file_name;
        article.origin_line = 1;
        sink.on_article(std::move(article));
    } catch (const BadRecord& bad) {
        sink.on_problem(ParseError(file_name, 1, bad.reason));
    }
}

}  // namespace newsdex::corpus
