/// @file facet_counter.cpp
/// @brief Facet counting with stock ValueCountMatchSpys: ranked, bucketed by date, or split
/// from packed lists.
#include "searcher/facet_counter.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <deque>
#include <map>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "common/date.hpp"
#include "common/error.hpp"
#include "common/schema.hpp"
#include "common/text.hpp"

namespace newsdex::searcher {

namespace {

enum class FacetKind { source, date, entity, person, org, place, category };

struct KnownFacet {
    std::string_view name;
    FacetKind kind;
};

constexpr std::array<KnownFacet, 7> known_facets{{{"source", FacetKind::source},
                                                  {"date", FacetKind::date},
                                                  {"entity", FacetKind::entity},
                                                  {"person", FacetKind::person},
                                                  {"org", FacetKind::org},
                                                  {"place", FacetKind::place},
                                                  {"category", FacetKind::category}}};

FacetKind parse_kind(const std::string& name) {
    for (const auto& known : known_facets)
        if (known.name == name) return known.kind;
    throw UsageError("unknown facet \"" + name +
                     "\" (known facets: source, date, entity, person, org, place, category)");
}

/// A slot a facet counts, and the entity type its items have (none for other facets).
struct Counted {
    Xapian::valueno slot;
    std::optional<EntityType> type;
};

/// The slots a facet counts: single values for source and date, packed lists otherwise; the
/// entity facet counts the three typed lists.
std::vector<Counted> counted_slots(FacetKind kind) {
    const auto typed = [](EntityType type) { return Counted{schema::slot::entities(type), type}; };
    switch (kind) {
        case FacetKind::source:
            return {{schema::slot::source, std::nullopt}};
        case FacetKind::date:
            return {{schema::slot::day, std::nullopt}};
        case FacetKind::category:
            return {{schema::slot::categories, std::nullopt}};
        case FacetKind::person:
            return {typed(EntityType::person)};
        case FacetKind::org:
            return {typed(EntityType::org)};
        case FacetKind::place:
            return {typed(EntityType::place)};
        case FacetKind::entity:
            break;
    }
    return {typed(EntityType::person), typed(EntityType::org), typed(EntityType::place)};
}

bool is_list(FacetKind kind) {
    return kind != FacetKind::source && kind != FacetKind::date;
}

/// Counts keyed by facet_key, so "Reuters" and "REUTERS" are one value; the display form is
/// the one seen on most documents.
class Tally {
  public:
    void add(const std::string& display, std::uint64_t count) {
        auto& entry = entries_[facet_key(display)];
        entry.total += count;
        if (count > entry.display_count) {
            entry.display = display;
            entry.display_count = count;
        }
    }

    [[nodiscard]] std::vector<FacetValue> values() const {
        std::vector<FacetValue> out;
        out.reserve(entries_.size());
        for (const auto& [key, entry] : entries_) out.push_back({entry.display, entry.total});
        return out;
    }

  private:
    struct Entry {
        std::string display;
        std::uint64_t display_count = 0;
        std::uint64_t total = 0;
    };
    std::map<std::string, Entry> entries_;
};

/// How a counted item is shown: "type:name" in the mixed entity facet, else as stored.
std::string display_value(FacetKind kind, const Counted& counted, std::string_view raw) {
    if (kind == FacetKind::entity && counted.type)
        return schema::entity_value(Entity{*counted.type, std::string(raw)});
    return std::string(raw);
}

/// The spy's counts per value; for a list facet, per item: a packed list value counts once
/// for each of its items (the items of one document are distinct, so the sums are exact).
class RawCounts {
  public:
    RawCounts(const Xapian::ValueCountMatchSpy& spy, bool list) {
        for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
            // Keys are views into the kept values: no string is built per item.
            const std::string_view value = values_.emplace_back(*it);
            const auto count = it.get_termfreq();
            if (!list) {
                counts_[value] += count;
                continue;
            }
            for (const auto item : schema::unpack_list(value)) counts_[item] += count;
        }
    }

    [[nodiscard]] const auto& counts() const noexcept { return counts_; }

  private:
    std::deque<std::string> values_;  // stable addresses for the views in counts_
    std::unordered_map<std::string_view, std::uint64_t> counts_;
};

/// Largest first, ties by value; the first `limit` (0 = all) kept, the rest counted.
void rank_and_limit(Facet& facet, std::uint32_t limit) {
    std::sort(facet.values.begin(), facet.values.end(), [](const auto& a, const auto& b) {
        return a.count != b.count ? a.count > b.count : a.value < b.value;
    });
    if (limit != 0 && facet.values.size() > limit) {
        facet.other_values = facet.values.size() - limit;
        facet.values.resize(limit);
    }
}

/// Year, month and day of "1987-03-26"; nullopt for anything else.
struct Day {
    int year = 0;
    int month = 0;
    int day = 0;
};

std::optional<Day> parse_day(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    Day d;
    const auto number = [&](std::size_t pos, std::size_t len, int& out) {
        const char* begin = text.data() + pos;
        const auto [end, ec] = std::from_chars(begin, begin + len, out);
        return ec == std::errc() && end == begin + len;
    };
    if (!number(0, 4, d.year) || !number(5, 2, d.month) || !number(8, 2, d.day))
        return std::nullopt;
    if (!is_valid_date(d.year, d.month, d.day)) return std::nullopt;
    return d;
}

DateBucket automatic_bucket(const Day& first, const Day& last) {
    const auto seconds = [](const Day& d) { return to_epoch_seconds(d.year, d.month, d.day); };
    const auto days = (seconds(last) - seconds(first)) / 86400 + 1;
    if (days <= 62) return DateBucket::day;
    const int months = (last.year * 12 + last.month) - (first.year * 12 + first.month) + 1;
    return months <= 36 ? DateBucket::month : DateBucket::year;
}

const char* bucket_name(DateBucket bucket) {
    switch (bucket) {
        case DateBucket::day:
            return "day";
        case DateBucket::month:
            return "month";
        default:
            return "year";
    }
}

/// Day counts rolled up to `bucket` (automatic: chosen from the span), in chronological order.
Facet date_histogram(const std::map<std::string, std::uint64_t>& days, DateBucket bucket) {
    std::map<std::string, std::uint64_t> valid;
    std::optional<Day> first;
    std::optional<Day> last;
    for (const auto& [text, count] : days) {
        const auto day = parse_day(text);
        if (!day) continue;
        if (!first) first = day;
        last = day;  // the map is ordered, and ISO days sort chronologically
        valid[text] += count;
    }
    if (bucket == DateBucket::automatic)
        bucket = first ? automatic_bucket(*first, *last) : DateBucket::day;
    const std::size_t key_length = bucket == DateBucket::day     ? 10
                                   : bucket == DateBucket::month ? 7
                                                                 : 4;
    std::map<std::string, std::uint64_t> buckets;
    for (const auto& [text, count] : valid) buckets[text.substr(0, key_length)] += count;
    Facet facet{"date", bucket_name(bucket), {}, 0};
    for (const auto& [key, count] : buckets) facet.values.push_back({key, count});
    return facet;
}

}  // namespace

struct FacetCounter::Spec {
    struct Source {
        Counted counted;
        std::shared_ptr<Xapian::ValueCountMatchSpy> spy;
    };
    std::string name;
    FacetKind kind;
    std::vector<Source> sources;
};

FacetCounter::FacetCounter(const SearchRequest& request)
    : facet_limit_(request.facet_limit), date_bucket_(request.date_bucket) {
    // Facets over the same slot (entity and person, say) share one spy.
    std::map<Xapian::valueno, std::shared_ptr<Xapian::ValueCountMatchSpy>> spies;
    for (const auto& name : request.facets) {
        const FacetKind kind = parse_kind(name);
        const bool repeated = std::any_of(specs_.begin(), specs_.end(),
                                          [&](const Spec& spec) { return spec.name == name; });
        if (repeated) continue;
        Spec spec{name, kind, {}};
        for (const Counted& counted : counted_slots(kind)) {
            auto& spy = spies[counted.slot];
            if (!spy) spy = std::make_shared<Xapian::ValueCountMatchSpy>(counted.slot);
            spec.sources.push_back({counted, spy});
        }
        specs_.push_back(std::move(spec));
    }
}

FacetCounter::~FacetCounter() = default;
FacetCounter::FacetCounter(FacetCounter&&) noexcept = default;
FacetCounter& FacetCounter::operator=(FacetCounter&&) noexcept = default;

void FacetCounter::attach(Xapian::Enquire& enquire) {
    std::vector<const Xapian::ValueCountMatchSpy*> added;
    for (const auto& spec : specs_) {
        for (const auto& source : spec.sources) {
            const auto* spy = source.spy.get();
            if (std::find(added.begin(), added.end(), spy) != added.end()) continue;
            // The spies stay owned here (no release()): collect() reads them after the match.
            enquire.add_matchspy(source.spy.get());
            added.push_back(spy);
        }
    }
}

std::vector<Facet> FacetCounter::collect() const {
    std::vector<Facet> facets;
    for (const auto& spec : specs_) {
        if (spec.kind == FacetKind::date) {
            std::map<std::string, std::uint64_t> days;
            const auto& spy = *spec.sources.front().spy;
            for (auto it = spy.values_begin(); it != spy.values_end(); ++it)
                days[*it] += it.get_termfreq();
            facets.push_back(date_histogram(days, date_bucket_));
            continue;
        }
        Tally tally;
        for (const auto& source : spec.sources) {
            const RawCounts raw_counts(*source.spy, is_list(spec.kind));
            for (const auto& [raw, count] : raw_counts.counts())
                tally.add(display_value(spec.kind, source.counted, raw), count);
        }
        Facet facet{spec.name, "", tally.values(), 0};
        rank_and_limit(facet, facet_limit_);
        facets.push_back(std::move(facet));
    }
    return facets;
}

}  // namespace newsdex::searcher
