/// @file page_reader.hpp
/// @brief Reads scraped news pages: a main article and related-article teasers per file.
#pragma once

#include <istream>
#include <string>

#include "corpus/readers/article_sink.hpp"
#include "corpus/readers/read_options.hpp"

namespace newsdex::corpus {

/// Reads the plain text a scraper saved from a news page (Format::page) as one article per
/// story on it: the main article (its first line of text is the title), then each teaser an
/// aggregator listing introduces ("Yahoo" / "17 minutes ago" / "- Yahoo", then a title line
/// and the text). Page furniture is dropped: widget headings and promotions ("Related
/// Articles", "Comments", "Try our ..."), bare date lines, listing lines, short section
/// headings, and a closing pitch with its "Read also" link.
///
/// Publisher: a wire dateline ("WASHINGTON (Reuters) -") or a sign-off naming the publication
/// ("Consider supporting the Kyiv Independent."), else the aggregator of the listing, else
/// ReadOptions::source, else none (the folder holding the file is no publisher). Authors: a
/// "By ..." byline.
///
/// Date, the first that applies: a date line beside the title; a date in the lead (first two
/// sentences: "said on May 28", "3/5/2025"); the listing age ("17 minutes ago") before the
/// reference time. The reference time is ReadOptions::now, else the file's modification time,
/// else the current time. A missing year is inferred from the latest full date the page states
/// (see resolve_date). Article::date_inferred is true unless the date was written with its
/// year. Ids are the file's path id (see PathLabels) and "#1", "#2", ... in page order.
///
/// Reads all of `in` as one page; `file_name` is its path ("-" for stdin: ids derived from the
/// content, no folder). A page with no text is a problem (line 1).
void read_page(std::istream& in, const std::string& file_name, const ReadOptions& options,
               const ArticleSink& sink);

}  // namespace newsdex::corpus
