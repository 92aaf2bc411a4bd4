/// @file facet_counter.cpp
/// @brief Facet counting with item or stock match spies: ranked, bucketed by date, or split
/// from packed lists.
#include "searcher/facet_counter.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <deque>
#include <map>
#include <memory_resource>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "common/date.hpp"
#include "common/error.hpp"
#include "common/schema.hpp"
#include "common/text.hpp"
#include "searcher/cached/facet_ordinals.hpp"
#include "searcher/cached/ordinal_count_spy.hpp"
#include "searcher/item_count_spy.hpp"

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

using ItemCounts = ItemCountSpy::Counts;

/// Whether an item's facet key is simply its ASCII lower case: ASCII, with single spaces
/// inside only (facet_key collapses white space). Most names are.
bool lowers_to_key(std::string_view item) {
    if (item.empty() || item.front() == ' ' || item.back() == ' ') return false;
    char previous = 'x';
    for (const char c : item) {
        const bool ascii_text = static_cast<unsigned char>(c) < 0x80 && c > ' ';
        if (!ascii_text && !(c == ' ' && previous != ' ')) return false;
        previous = c;
    }
    return true;
}

/// Appends the facet key of `item` (see facet_key) to `out`, without facet_key's two
/// temporary strings in the common case: a facet over all matches keys thousands of names.
void append_key(std::pmr::string& out, std::string_view item) {
    if (!lowers_to_key(item)) {
        out += facet_key(item);
        return;
    }
    for (const char c : item) out += ascii_lower(c);
}

/// A facet value to rank: its total, and the form and entity type it is shown with.
struct Ranked {
    std::string_view display;
    std::optional<EntityType> type;  // set in the mixed entity facet: shown "type:name"
    std::uint64_t total = 0;
};

std::string shown(const Ranked& value) {
    if (!value.type) return std::string(value.display);
    return schema::entity_value(Entity{*value.type, std::string(value.display)});
}

/// Whether `a` is shown before `b` among equal counts: "type:name" compares as the pair
/// (type, name), since no type name is a prefix of another.
bool shown_before(const Ranked& a, const Ranked& b) {
    if (a.type != b.type) return to_string(*a.type) < to_string(*b.type);
    return a.display < b.display;
}

/// Largest first, ties by shown value; the first `limit` (0 = all) kept, the rest counted.
void rank_values(std::vector<Ranked>& ranked, Facet& facet, std::uint32_t limit) {
    const std::size_t kept = limit != 0 && ranked.size() > limit ? limit : ranked.size();
    // Only the kept values are put in order and given strings: the entity facet of a broad
    // query has tens of thousands of values and shows twenty.
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(kept),
                      ranked.end(), [](const Ranked& a, const Ranked& b) {
                          if (a.total != b.total) return a.total > b.total;
                          return shown_before(a, b);
                      });
    facet.other_values = ranked.size() - kept;
    for (std::size_t i = 0; i < kept; ++i)
        facet.values.push_back({shown(ranked[i]), ranked[i].total});
}

/// Counts keyed by facet key (and entity type, in the mixed entity facet), so "Reuters" and
/// "REUTERS" are one value; the display form is the one seen on most documents. Items are
/// views into the spies' counts, which outlive the tally.
class Tally {
  public:
    /// `expected`: about how many distinct items will be added (the table is sized once).
    explicit Tally(std::size_t expected) { entries_.reserve(expected); }

    void add(std::string_view item, std::optional<EntityType> type, std::uint64_t count) {
        key_.clear();
        if (type) key_ += static_cast<char>('0' + static_cast<int>(*type));
        append_key(key_, item);
        Entry& entry = entries_.try_emplace(key_).first->second;
        entry.total += count;
        // Ties go to the smaller form, so the choice does not depend on the order of a hash
        // table (the two kinds of spy fill theirs differently).
        if (count > entry.display_count || (count == entry.display_count && item < entry.display)) {
            entry.display = item;
            entry.type = type;
            entry.display_count = count;
        }
    }

    void rank_into(Facet& facet, std::uint32_t limit) const {
        std::vector<Ranked> ranked;
        ranked.reserve(entries_.size());
        for (const auto& [key, entry] : entries_)
            ranked.push_back({entry.display, entry.type, entry.total});
        rank_values(ranked, facet, limit);
    }

  private:
    struct Entry {
        std::string_view display;
        std::optional<EntityType> type;
        std::uint64_t display_count = 0;
        std::uint64_t total = 0;
    };

    // Entries and their keys come from one arena, freed at once: a broad query's entity facet
    // adds tens of thousands, and allocating and freeing them one by one showed in profiles.
    std::pmr::monotonic_buffer_resource arena_;
    std::pmr::unordered_map<std::pmr::string, Entry> entries_{&arena_};
    std::pmr::string key_{&arena_};  // reused by every add: no allocation per lookup
};

/// Adds the groups (items of one facet key) a cached slot counted to `ranked`: each with its
/// total, shown in the form seen on most documents, ties to the smaller form, as Tally does.
/// One pass over the slot's counts (a few instructions per item of the slot, no allocation
/// per group): cheaper for broad queries than listing the items counted during the match.
void add_groups(const SlotOrdinals& slot, const std::vector<std::uint32_t>& counts,
                std::optional<EntityType> type, std::vector<Ranked>& ranked) {
    struct Group {
        std::uint64_t total = 0;
        std::uint32_t display_count = 0;
        std::uint32_t display = 0;  // ordinal
    };
    std::unordered_map<std::uint32_t, Group> shared;  // groups of several forms: a few
    for (std::uint32_t item = 0; item < counts.size(); ++item) {
        const std::uint32_t count = counts[item];
        if (count == 0) continue;
        const std::uint32_t group_id = slot.groups[item];
        if (slot.group_sizes[group_id] == 1) {
            ranked.push_back({slot.items[item], type, count});
            continue;
        }
        Group& group = shared[group_id];
        group.total += count;
        if (count > group.display_count ||
            (count == group.display_count && slot.items[item] < slot.items[group.display])) {
            group.display = item;
            group.display_count = count;
        }
    }
    for (const auto& [group_id, group] : shared)
        ranked.push_back({slot.items[group.display], type, group.total});
}

/// Days ("1987-03-26") and how many matches each has: the date histogram's input.
using DayCounts = std::vector<std::pair<std::string_view, std::uint64_t>>;

/// A cached day slot's counts, the days counted only.
DayCounts day_counts(const SlotOrdinals& days, const std::vector<std::uint32_t>& counts) {
    DayCounts out;
    for (std::size_t day = 0; day < counts.size(); ++day)
        if (counts[day] != 0) out.emplace_back(days.items[day], counts[day]);
    return out;
}

/// A stock spy's counts per value; for a list facet, per item: a packed list value counts once
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
            schema::for_each_list_item(value,
                                       [&](std::string_view item) { counts_[item] += count; });
        }
    }

    [[nodiscard]] const ItemCounts& counts() const noexcept { return counts_; }

  private:
    std::deque<std::string> values_;  // stable addresses for the views in counts_
    ItemCounts counts_;
};

/// The spy of one slot, ours or the stock one, and its counts per item after the match.
class SlotSpy {
  public:
    SlotSpy(Xapian::valueno slot, bool list, FacetSpies kind) : list_(list) {
        if (kind == FacetSpies::items)
            items_ = std::make_unique<ItemCountSpy>(slot, list);
        else
            stock_ = std::make_unique<Xapian::ValueCountMatchSpy>(slot);
    }

    [[nodiscard]] Xapian::MatchSpy* spy() const noexcept {
        return items_ ? static_cast<Xapian::MatchSpy*>(items_.get()) : stock_.get();
    }

    /// The counts per item once the match is over: a stock spy's lists are split on the first
    /// call. The views in them stay valid as long as this object.
    [[nodiscard]] const ItemCounts& counts() const {
        if (items_) return items_->counts();
        if (!raw_) raw_.emplace(*stock_, list_);
        return raw_->counts();
    }

  private:
    bool list_;
    std::unique_ptr<ItemCountSpy> items_;
    std::unique_ptr<Xapian::ValueCountMatchSpy> stock_;
    mutable std::optional<RawCounts> raw_;
};

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
Facet date_histogram(DayCounts days, DateBucket bucket) {
    // One sort and one pass, no ordered map: ordered maps of the days were most of collecting
    // the facets of a search (bench/RESULTS.md, date histogram).
    std::sort(days.begin(), days.end());  // ISO days sort chronologically
    std::erase_if(days, [](const auto& day) { return !parse_day(day.first); });
    if (bucket == DateBucket::automatic)
        bucket = days.empty() ? DateBucket::day
                              : automatic_bucket(*parse_day(days.front().first),
                                                 *parse_day(days.back().first));
    const std::size_t key_length = bucket == DateBucket::day     ? 10
                                   : bucket == DateBucket::month ? 7
                                                                 : 4;
    Facet facet{"date", bucket_name(bucket), {}, 0};
    for (const auto& [text, count] : days) {
        const std::string_view key = text.substr(0, key_length);  // sorted: a bucket's days meet
        if (!facet.values.empty() && facet.values.back().value == key)
            facet.values.back().count += count;
        else
            facet.values.push_back({std::string(key), count});
    }
    return facet;
}

}  // namespace

struct FacetCounter::Spec {
    struct Source {
        Counted counted;
        std::shared_ptr<SlotSpy> spy;            // counting with item or stock spies
        const SlotOrdinals* ordinals = nullptr;  // counting with the ordinal spy: its slot
        std::size_t counted_index = 0;           // and the slot's index in the ordinal spy
    };
    std::string name;
    FacetKind kind;
    std::vector<Source> sources;
};

FacetCounter::FacetCounter(const SearchRequest& request, FacetSpies spy_kind,
                           FacetOrdinals* ordinals)
    : facet_limit_(request.facet_limit), date_bucket_(request.date_bucket) {
    if (ordinals) ordinal_spy_ = std::make_unique<OrdinalCountSpy>();
    // Facets over the same slot (entity and person, say) share one spy, or one counted slot.
    std::map<Xapian::valueno, std::shared_ptr<SlotSpy>> spies;
    std::map<Xapian::valueno, std::size_t> counted_slots_of_spy;
    for (const auto& name : request.facets) {
        const FacetKind kind = parse_kind(name);
        const bool repeated = std::any_of(specs_.begin(), specs_.end(),
                                          [&](const Spec& spec) { return spec.name == name; });
        if (repeated) continue;
        Spec spec{name, kind, {}};
        for (const Counted& counted : counted_slots(kind)) {
            Spec::Source source{counted, nullptr};
            if (ordinal_spy_) {
                source.ordinals = &ordinals->slot(counted.slot, is_list(kind));
                const auto added = counted_slots_of_spy.try_emplace(counted.slot, 0);
                if (added.second) added.first->second = ordinal_spy_->add_slot(*source.ordinals);
                source.counted_index = added.first->second;
            } else {
                auto& spy = spies[counted.slot];
                if (!spy) spy = std::make_shared<SlotSpy>(counted.slot, is_list(kind), spy_kind);
                source.spy = spy;
            }
            spec.sources.push_back(std::move(source));
        }
        specs_.push_back(std::move(spec));
    }
}

FacetCounter::~FacetCounter() = default;
FacetCounter::FacetCounter(FacetCounter&&) noexcept = default;
FacetCounter& FacetCounter::operator=(FacetCounter&&) noexcept = default;

void FacetCounter::attach(Xapian::Enquire& enquire) {
    if (ordinal_spy_) {
        if (!specs_.empty()) enquire.add_matchspy(ordinal_spy_.get());  // stays owned here
        return;
    }
    std::vector<const Xapian::MatchSpy*> added;
    for (const auto& spec : specs_) {
        for (const auto& source : spec.sources) {
            Xapian::MatchSpy* spy = source.spy->spy();
            if (std::find(added.begin(), added.end(), spy) != added.end()) continue;
            // The spies stay owned here (no release()): collect() reads them after the match.
            enquire.add_matchspy(spy);
            added.push_back(spy);
        }
    }
}

bool FacetCounter::counts_docids() const noexcept {
    return ordinal_spy_ && !specs_.empty();
}

void FacetCounter::count(const std::vector<Xapian::docid>& docids) {
    if (!counts_docids()) throw Error("FacetCounter::count needs the facet cache");
    ordinal_spy_->count(docids);
}

std::vector<Facet> FacetCounter::collect() const {
    std::vector<Facet> facets;
    for (const auto& spec : specs_)
        facets.push_back(ordinal_spy_ ? collect_ordinals(spec) : collect_spies(spec));
    return facets;
}

Facet FacetCounter::collect_spies(const Spec& spec) const {
    if (spec.kind == FacetKind::date) {
        const ItemCounts& days = spec.sources.front().spy->counts();
        return date_histogram(DayCounts(days.begin(), days.end()), date_bucket_);
    }
    std::size_t expected = 0;
    for (const auto& source : spec.sources) expected += source.spy->counts().size();
    Tally tally(expected);
    for (const auto& source : spec.sources) {
        // The mixed entity facet shows "type:name"; the others the stored value.
        const auto type = spec.kind == FacetKind::entity ? source.counted.type : std::nullopt;
        for (const auto& [item, count] : source.spy->counts()) tally.add(item, type, count);
    }
    Facet facet{spec.name, "", {}, 0};
    tally.rank_into(facet, facet_limit_);
    return facet;
}

Facet FacetCounter::collect_ordinals(const Spec& spec) const {
    const auto counts = [&](const Spec::Source& source) -> const std::vector<std::uint32_t>& {
        return ordinal_spy_->counts(source.counted_index);
    };
    if (spec.kind == FacetKind::date) {
        const auto& days = spec.sources.front();
        return date_histogram(day_counts(*days.ordinals, counts(days)), date_bucket_);
    }
    std::vector<Ranked> ranked;
    for (const auto& source : spec.sources) {
        const auto type = spec.kind == FacetKind::entity ? source.counted.type : std::nullopt;
        add_groups(*source.ordinals, counts(source), type, ranked);
    }
    Facet facet{spec.name, "", {}, 0};
    rank_values(ranked, facet, facet_limit_);
    return facet;
}

}  // namespace newsdex::searcher
