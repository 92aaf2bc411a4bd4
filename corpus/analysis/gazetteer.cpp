/// @file gazetteer.cpp
/// @brief Gazetteer loading: built-in tables, ISO 3166 from iso-codes (simdjson), zone.tab.
#include "corpus/analysis/gazetteer.hpp"

#include <simdjson.h>

#include <algorithm>
#include <array>
#include <fstream>

#include "common/text.hpp"
#include "corpus/analysis/gazetteer_data.hpp"

namespace newsdex::corpus {

namespace fs = std::filesystem;
namespace data = gazetteer_data;

namespace {

// Subdivision types that news names on their own (states, provinces, the UK's nations);
// districts, municipalities and Italian provinces are mostly ambiguous small words.
constexpr std::array<std::string_view, 9> kSubdivisionTypes = {
    "State",   "Country",          "Nation", "Land",      "Autonomous community",
    "Emirate", "Federal district", "Canton", "Prefecture"};

// Countries whose provinces are as prominent as other countries' states.
constexpr std::array<std::string_view, 8> kProvinceCountries = {"CA", "CN", "ZA", "AR",
                                                                "NL", "BE", "PK", "SA"};

// ISO names such as "Korea, Republic of" or "Holy See (Vatican City State)": the short form
// before the comma or parenthesis.
std::string short_name(std::string_view name) {
    const std::size_t cut = name.find_first_of(",([");
    return std::string(trim(name.substr(0, cut)));
}

// "Anhui Sheng" -> "Anhui": the Chinese province suffixes news leaves out.
std::string without_suffix(std::string name) {
    for (std::string_view suffix : {" Sheng", " Zizhiqu", " Shi"}) {
        if (name.ends_with(suffix)) name.erase(name.size() - suffix.size());
    }
    return name;
}

std::string_view text_of(simdjson::dom::object object, std::string_view key) {
    std::string_view value;
    if (object.at_key(key).get(value) != simdjson::SUCCESS) return {};
    return value;
}

}  // namespace

std::string gazetteer_key(std::string_view text) {
    std::string lower = to_lower(trim(text));
    if (lower.ends_with("'s") || lower.ends_with("\xE2\x80\x99s")) {
        lower.erase(lower.size() - (lower.ends_with("'s") ? 2 : 4));
    }
    std::string key;
    key.reserve(lower.size());
    for (const char c : lower) {
        if (c == '.') continue;
        const bool space = c == ' ' || c == '\t' || c == '\n';
        if (space && (key.empty() || key.back() == ' ')) continue;
        key += space ? ' ' : c;
    }
    if (!key.empty() && key.back() == ' ') key.pop_back();
    return key;
}

Gazetteer::Gazetteer() {
    add_builtin();
}

Gazetteer::Gazetteer(const std::vector<fs::path>& iso_dirs,
                     const std::vector<fs::path>& zone_tabs) {
    add_builtin();
    std::error_code ec;
    for (const auto& dir : iso_dirs) {
        if (!fs::exists(dir / "iso_3166-1.json", ec)) continue;
        if (add_iso_countries(dir / "iso_3166-1.json")) {
            add_iso_subdivisions(dir / "iso_3166-2.json");
            break;
        }
    }
    for (const auto& file : zone_tabs) {
        if (!fs::exists(file, ec)) continue;
        add_zone_cities(file);
        break;
    }
}

const Gazetteer& Gazetteer::standard() {
    static const Gazetteer gazetteer(
        {"/usr/share/iso-codes/json", "/usr/local/share/iso-codes/json"},
        {"/usr/share/zoneinfo/zone.tab", "/usr/share/zoneinfo/zone1970.tab"});
    return gazetteer;
}

const GazetteerEntry* Gazetteer::find(std::string_view key) const {
    // Heterogeneous lookup needs C++20 transparent hashing; a temporary key is cheap enough
    // for the short phrases asked about.
    const auto found = entries_.find(std::string(key));
    return found == entries_.end() ? nullptr : &found->second;
}

bool Gazetteer::has_prefix(std::string_view key) const {
    return prefixes_.count(std::string(key)) > 0;
}

std::string Gazetteer::canonical_place(std::string_view text) const {
    const GazetteerEntry* entry = find(gazetteer_key(text));
    if (entry == nullptr || entry->type != EntityType::place) return std::string(text);
    return entry->demonym ? entry->country : entry->name;
}

void Gazetteer::add(std::string_view alias, GazetteerEntry entry) {
    std::string key = gazetteer_key(alias);
    if (key.empty()) return;
    for (std::size_t space = key.find(' '); space != std::string::npos;
         space = key.find(' ', space + 1))
        prefixes_.insert(key.substr(0, space));
    entries_.try_emplace(std::move(key), std::move(entry));
}

void Gazetteer::add_builtin() {
    const auto place = [](std::string_view name, std::string_view country = {}) {
        return GazetteerEntry{EntityType::place, std::string(name), std::string(country)};
    };
    for (const auto& [alias, name] : data::place_aliases()) add(alias, place(name));
    for (const auto& [alias, state] : data::us_state_abbreviations())
        add(alias, place(state, "United States"));
    for (const auto& [alias, name] : data::organisations())
        add(alias, {EntityType::org, std::string(name), {}});
    for (const auto& [city, country] : data::cities()) {
        add(city, place(city, country));
        add(country, place(country));  // so the country is known without iso-codes too
    }
    for (const auto& [demonym, country] : data::demonyms()) {
        add(country, place(country));
        auto entry = place(country, country);
        entry.demonym = true;
        add(demonym, std::move(entry));
    }
}

bool Gazetteer::add_iso_countries(const fs::path& file) {
    simdjson::dom::parser parser;
    simdjson::dom::element doc;
    simdjson::dom::array countries;
    if (parser.load(file.string()).get(doc) != simdjson::SUCCESS ||
        doc["3166-1"].get(countries) != simdjson::SUCCESS)
        return false;
    for (simdjson::dom::object country : countries) {
        const std::string_view code = text_of(country, "alpha_2");
        const std::string_view iso_name = text_of(country, "name");
        std::string name = short_name(iso_name);
        if (const auto common = text_of(country, "common_name"); !common.empty())
            name = std::string(common);
        for (const auto& [alpha2, preferred] : data::country_names())
            if (alpha2 == code) name = std::string(preferred);
        if (name.empty()) continue;
        country_by_code_[std::string(code)] = name;
        const GazetteerEntry entry{EntityType::place, name, {}};
        add(name, entry);
        add(iso_name, entry);
        if (const auto official = text_of(country, "official_name"); !official.empty())
            add(official, entry);
    }
    iso_loaded_ = true;
    return true;
}

void Gazetteer::add_iso_subdivisions(const fs::path& file) {
    simdjson::dom::parser parser;
    simdjson::dom::element doc;
    simdjson::dom::array subdivisions;
    if (parser.load(file.string()).get(doc) != simdjson::SUCCESS ||
        doc["3166-2"].get(subdivisions) != simdjson::SUCCESS)
        return;
    for (simdjson::dom::object subdivision : subdivisions) {
        const std::string_view code = text_of(subdivision, "code");
        const std::string_view type = text_of(subdivision, "type");
        const std::string_view country_code = code.substr(0, 2);
        const bool wanted =
            std::find(kSubdivisionTypes.begin(), kSubdivisionTypes.end(), type) !=
                kSubdivisionTypes.end() ||
            (type == "Province" && std::find(kProvinceCountries.begin(), kProvinceCountries.end(),
                                             country_code) != kProvinceCountries.end());
        const auto country = country_by_code_.find(std::string(country_code));
        if (!wanted || country == country_by_code_.end()) continue;
        const std::string name = without_suffix(short_name(text_of(subdivision, "name")));
        // "Mie", "Ain", "Northern": more often words than places.
        const auto denied = data::city_denylist();
        if (name.size() < 4 || std::find(denied.begin(), denied.end(), name) != denied.end())
            continue;
        add(name, {EntityType::place, name, country->second});
    }
}

void Gazetteer::add_zone_cities(const fs::path& file) {
    std::ifstream in(file);
    const auto denied = data::city_denylist();
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') continue;
        // country-code(s) TAB coordinates TAB Area/City[/Sub] ...
        const std::size_t tab1 = line.find('\t');
        const std::size_t tab2 = line.find('\t', tab1 + 1);
        if (tab1 == std::string::npos || tab2 == std::string::npos) continue;
        const std::string zone = line.substr(tab2 + 1, line.find('\t', tab2 + 1) - tab2 - 1);
        const std::size_t slash = zone.find('/');
        if (slash == std::string::npos || zone.find('/', slash + 1) != std::string::npos ||
            zone.starts_with("Antarctica"))
            continue;
        std::string city = zone.substr(slash + 1);
        std::replace(city.begin(), city.end(), '_', ' ');
        const auto country = country_by_code_.find(line.substr(0, std::min<std::size_t>(tab1, 2)));
        if (country == country_by_code_.end() ||
            std::find(denied.begin(), denied.end(), city) != denied.end())
            continue;
        add(city, {EntityType::place, city, country->second});
    }
}

}  // namespace newsdex::corpus
