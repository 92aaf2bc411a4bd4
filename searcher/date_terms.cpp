/// @file date_terms.cpp
/// @brief Date ranges as the OR of the fewest Y/M/D terms of the index that cover them exactly.
///
/// Why terms and not the date slot: Xapian 1.4 checks a value range by reading the value of
/// every document the words match, while an OR of boolean terms under OP_FILTER lets the
/// sparser side drive the match with skip_to. The indexer writes the D/M/Y terms
/// (schema::date_terms_of, which spells them here too) and the date value from the same UTC
/// seconds (indexer/document_builder.cpp, add_date), so for whole UTC days both select the
/// same documents.
#include "searcher/date_terms.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <string_view>

#include "common/date.hpp"
#include "common/schema.hpp"

namespace newsdex::searcher {

namespace {

using namespace std::chrono;

constexpr std::int64_t seconds_per_day = 24 * 60 * 60;

// An open end stands for a year beyond any date an index can hold (the date parsers accept
// years 1 to 9999), yet well inside what std::chrono::year can count.
constexpr int open_first_year = -30000;
constexpr int open_last_year = 30000;

std::int64_t floor_mod(std::int64_t a, std::int64_t b) {
    return ((a % b) + b) % b;
}

sys_days day_of(std::int64_t seconds) {
    return sys_days{days{(seconds - floor_mod(seconds, seconds_per_day)) / seconds_per_day}};
}

bool all_digits(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(),
                                        [](unsigned char c) { return std::isdigit(c) != 0; });
}

/// The indexer's terms of a day (schema::date_terms_of).
schema::DateTerms terms_of(sys_days day) {
    return schema::date_terms_of(format_day(day.time_since_epoch().count() * seconds_per_day));
}

/// Appends the terms from `first` to `last` (same prefix, same width, inclusive) that `db`
/// holds, walking the index's term list from `first` on.
void append_run(const Xapian::Database& db, std::string_view prefix, const std::string& first,
                const std::string& last, std::vector<std::string>& out) {
    const std::string p(prefix);
    auto it = db.allterms_begin(p);
    const auto end = db.allterms_end(p);
    it.skip_to(first);
    for (; it != end; ++it) {
        std::string term = *it;
        if (term > last) break;
        // Same width and digits only: nothing but the indexer's terms of this prefix.
        if (term.size() == first.size() && all_digits(std::string_view(term).substr(p.size())))
            out.push_back(std::move(term));
    }
}

/// Appends the Y terms of `db` for the years from `first` to `last`. Years are compared as
/// numbers: there are few, and a year outside 1-9999 (an offset can move 0001-01-01T00:00+01:00
/// into year 0) would not sort by its digits.
void append_years(const Xapian::Database& db, year first, year last,
                  std::vector<std::string>& out) {
    const std::string p(schema::prefix::year);
    for (auto it = db.allterms_begin(p); it != db.allterms_end(p); ++it) {
        std::string term = *it;
        const std::string_view digits = std::string_view(term).substr(p.size());
        if (!all_digits(digits) || digits.size() > 5) continue;
        const int y = std::stoi(std::string(digits));
        if (y >= static_cast<int>(first) && y <= static_cast<int>(last))
            out.push_back(std::move(term));
    }
}

}  // namespace

std::vector<std::string> date_terms(const Xapian::Database& db,
                                    std::optional<std::int64_t> first_day,
                                    std::optional<std::int64_t> last_day) {
    sys_days from = first_day ? day_of(*first_day) : sys_days{year{open_first_year} / January / 1};
    const sys_days to =
        last_day ? day_of(*last_day) : sys_days{year{open_last_year} / December / 31};
    std::vector<std::string> terms;
    // Greedy from the start: a year when the range holds it whole, else a month, else a day.
    // Each step takes a run of units of one kind, looked up with one walk of the term list.
    while (from <= to) {
        const year_month_day d{from};
        const year_month_day end{to};
        const bool month_start = d.day() == day{1};
        if (month_start && d.month() == January && sys_days{d.year() / December / 31} <= to) {
            const year last_year =
                sys_days{end.year() / December / 31} == to ? end.year() : end.year() - years{1};
            append_years(db, d.year(), last_year, terms);
            from = sys_days{(last_year + years{1}) / January / 1};
        } else if (month_start && sys_days{d.year() / d.month() / last} <= to) {
            const year_month whole_to = sys_days{end.year() / end.month() / last} == to
                                            ? end.year() / end.month()
                                            : end.year() / end.month() - months{1};
            const year_month last_month = std::min(whole_to, d.year() / December);
            append_run(db, schema::prefix::month, terms_of(from).month,
                       terms_of(sys_days{last_month / 1}).month, terms);
            from = sys_days{(last_month + months{1}) / 1};
        } else {
            const sys_days last_of_run = std::min(to, sys_days{d.year() / d.month() / last});
            append_run(db, schema::prefix::day, terms_of(from).day, terms_of(last_of_run).day,
                       terms);
            from = last_of_run + days{1};
        }
    }
    return terms;
}

Xapian::Query date_range_query(const Xapian::Database& db, std::optional<std::int64_t> first,
                               std::optional<std::int64_t> last) {
    const auto serialise = [](std::int64_t seconds) {
        return Xapian::sortable_serialise(static_cast<double>(seconds));
    };
    if (!first && !last) return Xapian::Query::MatchAll;
    // Periods (YYYY, YYYY-MM, YYYY-MM-DD) are whole UTC days. Only a full timestamp
    // (`--from 1987-03-26T12:00:00Z`, `date:..1987-03-26T12:00Z`) bounds a range inside a day,
    // which day terms cannot express: that case keeps the value range, exact to the second.
    const bool whole_days = (!first || floor_mod(*first, seconds_per_day) == 0) &&
                            (!last || floor_mod(*last + 1, seconds_per_day) == 0);
    if (whole_days) {
        const auto terms = date_terms(db, first, last);
        if (terms.empty()) return Xapian::Query::MatchNothing;
        return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
    }
    if (first && last)
        return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::slot::date, serialise(*first),
                             serialise(*last));
    if (first)
        return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::slot::date, serialise(*first));
    return Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::slot::date, serialise(*last));
}

}  // namespace newsdex::searcher
