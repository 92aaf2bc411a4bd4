/// @file page_stories.cpp
/// @brief Splits a scraped page into its stories: lines, listings, titles, credits and dates.
#include "corpus/page/page_stories.hpp"

#include <optional>
#include <string>
#include <utility>

#include "common/text.hpp"
#include "corpus/page/page_credits.hpp"
#include "corpus/page/page_dates.hpp"
#include "corpus/page/page_lines.hpp"

namespace newsdex::corpus {

namespace {

/// A first line longer than this is the start of the text, not a title.
constexpr std::size_t max_title = 300;
/// The lead, where a story says when it happened: two sentences, at most this many bytes.
constexpr std::size_t max_lead = 600;

/// The aggregator listing that introduces a teaser.
struct Listing {
    std::string source;
    std::optional<std::int64_t> age_seconds;
};

/// One story's lines: [begin, end) of the page's lines.
struct Segment {
    std::size_t begin = 0;
    std::size_t end = 0;
    Listing listing;
};

/// What every story of a page shares.
struct PageContext {
    std::int64_t reference = 0;                 ///< "now" for listing ages and missing years
    std::optional<std::int64_t> latest_stated;  ///< latest full date on the page
};

bool is_content(LineKind kind) {
    return kind == LineKind::prose || kind == LineKind::heading;
}

std::size_t skip_blank(const std::vector<PageLine>& lines, std::size_t k, std::size_t end) {
    while (k < end && lines[k].kind == LineKind::blank) ++k;
    return k;
}

/// The listing block around the age line `k`: an optional credit line before it ("Yahoo") and
/// after it ("- Yahoo"). Sets [begin, end) to the block's lines.
Listing read_listing(const std::vector<PageLine>& lines, std::size_t k, std::size_t floor,
                     std::size_t& begin, std::size_t& end) {
    const auto age_line = parse_listing_line(lines[k].text);
    Listing listing{age_line->source, age_line->age_seconds};
    begin = k;
    std::size_t prev = k;
    while (prev > floor && lines[prev - 1].kind == LineKind::blank) --prev;
    if (prev > floor && lines[prev - 1].kind == LineKind::heading) {
        begin = prev - 1;
        if (listing.source.empty()) listing.source = std::string(lines[begin].text);
    }
    end = skip_blank(lines, k + 1, lines.size());
    if (end < lines.size() && lines[end].kind == LineKind::via) {
        if (listing.source.empty()) listing.source = parse_listing_line(lines[end].text)->source;
        ++end;
    } else {
        end = k + 1;
    }
    return listing;
}

/// The main article, then one segment per listing block.
std::vector<Segment> split_stories(const std::vector<PageLine>& lines) {
    std::vector<Segment> stories(1);
    for (std::size_t k = 0; k < lines.size(); ++k) {
        if (lines[k].kind != LineKind::age) continue;
        std::size_t begin = 0, end = 0;
        Listing listing = read_listing(lines, k, stories.back().begin, begin, end);
        stories.back().end = begin;
        stories.push_back({end, lines.size(), std::move(listing)});
        k = end - 1;
    }
    stories.back().end = lines.size();
    return stories;
}

/// The story's date and whether any of it was inferred rather than read.
void date_story(Article& article, const std::optional<DateMention>& date_line,
                const Listing& listing, const PageContext& page) {
    const std::int64_t listed =
        page.reference - (listing.age_seconds ? *listing.age_seconds : std::int64_t{0});
    std::optional<DateMention> mention = date_line;
    if (!mention) {
        const std::string_view text = article.body.empty() ? article.title : article.body;
        for (const auto& found : find_dates(lead_of(text, 2, max_lead)))
            if (found.day != 0 && !mention) mention = found;
    }
    if (mention) article.date = resolve_date(*mention, page.latest_stated, listed);
    if (article.date) {
        article.date_inferred = mention->year == 0;
    } else if (listing.age_seconds) {
        // An age under a day is precise to the hour; older ones are not.
        article.date = Timestamp{listed, *listing.age_seconds < 86400};
        article.date_inferred = true;
    }
}

/// One story as an Article, or nullopt when it has no text.
std::optional<Article> read_story(const std::vector<PageLine>& lines, const Segment& story,
                                  const PageContext& page) {
    std::optional<DateMention> date_line;
    std::size_t k = story.begin;
    for (; k < story.end && !is_content(lines[k].kind); ++k)
        if (lines[k].kind == LineKind::date) date_line = line_date(lines[k].text);
    if (k == story.end) return std::nullopt;
    Article article;
    article.origin_line = lines[k].number;
    if (lines[k].text.size() <= max_title) article.title = collapse_whitespace(lines[k++].text);
    if (const std::size_t next = skip_blank(lines, k, story.end);
        next < story.end && lines[next].kind == LineKind::date)
        date_line = line_date(lines[next].text);
    for (; k < story.end; ++k) {
        if (lines[k].kind != LineKind::prose) continue;
        if (!article.body.empty()) article.body += '\n';
        article.body += lines[k].text;
    }
    Credits credits = take_credits(article.body);
    article.authors = std::move(credits.authors);
    article.source = !credits.publisher.empty() ? credits.publisher : story.listing.source;
    date_story(article, date_line, story.listing, page);
    return article;
}

}  // namespace

std::vector<Article> page_stories(std::string_view text, std::int64_t reference) {
    const PageContext page{reference, latest_stated(find_dates(text), reference)};
    const std::vector<PageLine> lines = classify_page(text);
    std::vector<Article> stories;
    for (const Segment& story : split_stories(lines))
        if (auto article = read_story(lines, story, page)) stories.push_back(std::move(*article));
    return stories;
}

bool looks_like_page(std::string_view head, std::size_t min_signals) {
    // The last line of a head cut short may be half a line: leave it out.
    if (const std::size_t end = head.rfind('\n'); end != std::string_view::npos)
        head = head.substr(0, end);
    return page_signal_count(classify_page(head)) >= min_signals;
}

}  // namespace newsdex::corpus
