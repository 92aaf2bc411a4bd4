/// @file facet_counter.cpp
/// @brief Facet counting: one ValueCountMatchSpy per slot, summed, ranked or bucketed by date.
#include "searcher/facet_counter.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <map>
#include <optional>
#include <string_view>

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

/// The slots of a multi-valued field that the index uses. The indexer fills them densely from
/// the first, so the first slot no document has ends the list.
std::vector<Xapian::valueno> used_slots(const Xapian::Database& db, Xapian::valueno first,
                                        Xapian::valueno count) {
    std::vector<Xapian::valueno> slots;
    for (Xapian::valueno slot = first; slot < first + count; ++slot) {
        if (db.get_value_freq(slot) == 0) break;
        slots.push_back(slot);
    }
    return slots;
}

std::vector<Xapian::valueno> slots_of(const Xapian::Database& db, FacetKind kind) {
    switch (kind) {
        case FacetKind::source:
            return {schema::slot::source};
        case FacetKind::date:
            return {schema::slot::day};
        case FacetKind::category:
            return used_slots(db, schema::slot::category_first, schema::slot::category_count);
        default:
            return used_slots(db, schema::slot::entity_first, schema::slot::entity_count);
    }
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

/// The display value of a raw slot value for a facet; nullopt to leave it out.
std::optional<std::string> display_value(FacetKind kind, const std::string& raw) {
    if (kind != FacetKind::entity && kind != FacetKind::person && kind != FacetKind::org &&
        kind != FacetKind::place)
        return raw;
    const auto entity = schema::parse_entity_value(raw);
    if (!entity) return std::nullopt;
    if (kind == FacetKind::entity) return raw;
    const EntityType wanted = kind == FacetKind::person ? EntityType::person
                              : kind == FacetKind::org  ? EntityType::org
                                                        : EntityType::place;
    if (entity->type != wanted) return std::nullopt;
    return entity->name;
}

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
    std::string name;
    FacetKind kind;
    std::vector<std::shared_ptr<Xapian::ValueCountMatchSpy>> spies;  // one per used slot
};

FacetCounter::FacetCounter(const Xapian::Database& db, const SearchRequest& request)
    : facet_limit_(request.facet_limit), date_bucket_(request.date_bucket) {
    // Facets over the same slots (entity and person, say) share one spy per slot.
    std::map<Xapian::valueno, std::shared_ptr<Xapian::ValueCountMatchSpy>> spies;
    for (const auto& name : request.facets) {
        const FacetKind kind = parse_kind(name);
        const bool repeated = std::any_of(specs_.begin(), specs_.end(),
                                          [&](const Spec& spec) { return spec.name == name; });
        if (repeated) continue;
        Spec spec{name, kind, {}};
        for (const auto slot : slots_of(db, kind)) {
            auto& spy = spies[slot];
            if (!spy) spy = std::make_shared<Xapian::ValueCountMatchSpy>(slot);
            spec.spies.push_back(spy);
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
        for (const auto& spy : spec.spies) {
            if (std::find(added.begin(), added.end(), spy.get()) != added.end()) continue;
            // The spies stay owned here (no release()): collect() reads them after the match.
            enquire.add_matchspy(spy.get());
            added.push_back(spy.get());
        }
    }
}

std::vector<Facet> FacetCounter::collect() const {
    std::vector<Facet> facets;
    for (const auto& spec : specs_) {
        if (spec.kind == FacetKind::date) {
            std::map<std::string, std::uint64_t> days;
            for (const auto& spy : spec.spies)
                for (auto it = spy->values_begin(); it != spy->values_end(); ++it)
                    days[*it] += it.get_termfreq();
            facets.push_back(date_histogram(days, date_bucket_));
            continue;
        }
        Tally tally;
        for (const auto& spy : spec.spies) {
            for (auto it = spy->values_begin(); it != spy->values_end(); ++it) {
                if (auto shown = display_value(spec.kind, *it))
                    tally.add(*shown, it.get_termfreq());
            }
        }
        Facet facet{spec.name, "", tally.values(), 0};
        rank_and_limit(facet, facet_limit_);
        facets.push_back(std::move(facet));
    }
    return facets;
}

}  // namespace newsdex::searcher
