/// @file entity_extractor.cpp
/// @brief Entity rules: capitalised runs, titles, organisation cues, gazetteer, coreference.
#include "corpus/analysis/entity_extractor.hpp"

#include <algorithm>
#include <array>
#include <unordered_set>

#include "common/text.hpp"
#include "corpus/analysis/entity_cues.hpp"
#include "corpus/analysis/name_runs.hpp"
#include "corpus/analysis/name_tokenizer.hpp"

namespace newsdex::corpus {

namespace cues = entity_cues;

namespace {

constexpr std::size_t kMaxNameWords = 4;    // "Jose Antonio Ardanza Garro" at most
constexpr std::size_t kMaxPhraseWords = 8;  // longest gazetteer phrase tried
constexpr std::array<EntityType, 3> kTypes = {EntityType::person, EntityType::org,
                                              EntityType::place};

// A name nobody could classify yet; coreference decides at the end of the article.
struct Unresolved {
    std::string name;
    std::string first_key, last_key;
    std::size_t words = 0;
    bool speaker = false;         // had a person cue ("said X", "X told")
    bool sentence_start = false;  // "Asked about it, ..." is no name
};

std::string last_word(std::string_view key) {
    const std::size_t space = key.rfind(' ');
    return std::string(space == std::string_view::npos ? key : key.substr(space + 1));
}

/// The rules over one article's tokens; collects entities, then resolves what is left.
class ArticlePass {
  public:
    ArticlePass(const Gazetteer& gazetteer, const std::vector<NameToken>& tokens)
        : gaz_(gazetteer), toks_(tokens), runs_(gazetteer, tokens) {
        for (const auto& t : toks_)
            if (!t.capitalised) lower_words_.insert(t.key);
    }

    std::vector<Entity> run() {
        for (std::size_t i = 0; i < toks_.size();) {
            if (!toks_[i].capitalised) {
                ++i;
                continue;
            }
            const std::size_t end = runs_.run_end(i);
            if (is_dateline(i, end))
                add_dateline(i, end);
            else
                classify(i, end);
            i = end;
        }
        resolve();
        return std::move(out_);
    }

  private:
    // -- classification ------------------------------------------------------------------
    void classify(std::size_t b, std::size_t e) {
        runs_.trim_connectors(b, e);
        if (b >= e) return;
        if (const GazetteerEntry* known = gaz_.find(runs_.key(b, e))) return add_known(*known);
        // "Republican Party": a word that is no name alone can open a party's.
        const bool party = e - b > 1 && toks_[b + 1].key == "party";
        if (is_common_word(b) && !party && !longest_match(b, e).second) {
            ++b;  // "Shares of Blue Heron Corp": the sentence's first word is not in the name
            return classify(b, e);
        }
        // "Latest Federal Reserve data": a sentence's first word before a known name.
        if (toks_[b].sentence_start && e - b > 1 && !gaz_.find(toks_[b].key)) {
            if (const GazetteerEntry* known = gaz_.find(runs_.key(b + 1, e)))
                return add_known(*known);
        }
        if (toks_[b].in_angle) {
            // "<USW>" is a ticker symbol, "<US West Inc>" a company.
            if (e - b > 1 || !toks_[b].all_caps) add_org(b, e);
            return;
        }
        if (split_at_title(b, e)) return;
        if (split_at_of(b, e)) return;
        if (runs_.has_org_cue(b, e)) return add_org(b, e);
        scan(b, e);
    }

    // "West German Finance Minister Gerhard Stoltenberg": the name after the last title is
    // a person, the words before it are classified on their own.
    bool split_at_title(std::size_t b, std::size_t e) {
        std::size_t title = e;
        for (std::size_t i = e; i-- > b;)
            // "Gov. Jim Justice", "Ministry of Justice": "justice" ending a name is no title.
            if (cues::is_person_title(toks_[i].key) && !(i + 1 == e && toks_[i].key == "justice")) {
                title = i;
                break;
            }
        if (title == e) return false;
        std::size_t a = title + 1;
        while (a < e && (cues::is_title_modifier(toks_[a].key) || !toks_[a].capitalised)) ++a;
        if (a < e && runs_.has_org_cue(a, e)) return false;  // "General Motors Corp"
        // "Mayor of London Sadiq Khan": the place the title is of comes before the name.
        if (a < e && a > title + 1 && toks_[a - 1].key == "of") {
            const auto [match, entry] = longest_match(a, e);
            if (entry && entry->type == EntityType::place && match < e) {
                add_known(*entry);
                a = match;
            }
        }
        if (a < e) add_person_segment(a, e);
        std::size_t before = title;
        while (before > b && cues::is_title_modifier(toks_[before - 1].key)) --before;
        if (before > b) classify(b, before);
        return true;
    }

    // "Dana Kim of First Harbour Bank": a name, then the organisation the person speaks for.
    // "Bank of England" and "Group of Seven" have their cue before "of" and stay whole.
    bool split_at_of(std::size_t b, std::size_t e) {
        for (std::size_t k = b + 1; k + 1 < e; ++k) {
            if (toks_[k].key != "of") continue;
            if (runs_.has_org_cue(b, k) || !runs_.has_org_cue(k + 1, e) || k - b > 3) return false;
            // "City of York Council" is one name; "Smith of Salomon Brothers" is two.
            if (k - b == 1 && cues::is_place_noun(toks_[b].key)) return false;
            for (std::size_t i = b; i < k; ++i)
                if (!looks_like_name(toks_[i]) || toks_[i].all_caps) return false;
            unresolved_.push_back({runs_.text(b, k), toks_[b].key, toks_[k - 1].key, k - b, true,
                                   toks_[b].sentence_start});
            classify(k + 1, e);
            return true;
        }
        return false;
    }

    void add_person_segment(std::size_t a, std::size_t e) {
        if (const GazetteerEntry* known = gaz_.find(runs_.key(a, e))) return add_known(*known);
        std::size_t end = a;
        while (end < e && end - a < kMaxNameWords && !toks_[end].all_caps &&
               (!cues::is_not_entity(toks_[end].key) || is_month_surname(end)))
            ++end;
        runs_.trim_connectors(a, end);
        if (a < end) add(EntityType::person, runs_.text(a, end));
    }

    // Known names anywhere in the run; what is between them is classified by rules.
    void scan(std::size_t b, std::size_t e) {
        std::size_t unknown = b;
        for (std::size_t i = b; i < e;) {
            const auto [match, entry] = longest_match(i, e);
            if (entry == nullptr) {
                ++i;
                continue;
            }
            if (unknown < i) classify_unknown(unknown, i);
            add_known(*entry);
            i = unknown = match;
        }
        if (unknown < e) classify_unknown(unknown, e);
    }

    std::pair<std::size_t, const GazetteerEntry*> longest_match(std::size_t i,
                                                                std::size_t e) const {
        std::pair<std::size_t, const GazetteerEntry*> best{i, nullptr};
        // A common word opening a sentence ("Chad", "Jordan" aside) is not a name.
        if (toks_[i].sentence_start && lower_words_.count(toks_[i].key)) return best;
        std::string k;
        for (std::size_t j = i; j < e && j - i < kMaxPhraseWords; ++j) {
            k += (j > i ? " " : "") + toks_[j].key;
            if (const GazetteerEntry* entry = gaz_.find(k)) best = {j + 1, entry};
            if (!gaz_.has_prefix(k)) break;
        }
        return best;
    }

    // "Theresa May", "Brian May": a month right after a given name is a surname.
    bool is_month_surname(std::size_t i) const {
        return i > 0 && cues::is_month(toks_[i].key) && toks_[i - 1].capitalised &&
               !toks_[i].break_before && cues::is_given_name(toks_[i - 1].key);
    }

    // A word that is never a name here, or a common word that opens a sentence.
    bool is_common_word(std::size_t i) const {
        return cues::is_not_entity(toks_[i].key) ||
               (toks_[i].sentence_start && lower_words_.count(toks_[i].key));
    }

    // Splits at words that are never names, then types each piece by its form and cues.
    void classify_unknown(std::size_t b, std::size_t e) {
        std::size_t start = b;
        for (std::size_t i = b; i <= e; ++i) {
            // "Theresa May": a month after a given name is a surname.
            const bool surname = i < e && i > b && is_month_surname(i);
            const bool stop = i == e || (is_common_word(i) && !surname) || toks_[i].key == "and";
            if (!stop) continue;
            std::size_t pb = start, pe = i;
            runs_.trim_connectors(pb, pe);
            if (pb < pe) classify_piece(pb, pe);
            start = i + 1;
        }
    }

    void classify_piece(std::size_t b, std::size_t e) {
        const NameToken& first = toks_[b];
        if (e - b == 1 && first.all_caps) {
            const bool acronym = first.key.size() >= 2 && first.key.size() <= 6 &&
                                 !cues::is_common_acronym(first.key);
            // "MAR8" is a wire date code, not an acronym.
            const bool date_code = first.key.size() > 3 && first.key[3] >= '0' &&
                                   first.key[3] <= '9' &&
                                   cues::is_month_abbreviation(first.key.substr(0, 3));
            // "IS", "HELP", "WANTED": a word the article also writes in lower case is shouted,
            // not initials.
            const bool shouted = lower_words_.count(first.key) > 0;
            if (acronym && !date_code && !shouted && !is_version(first.key))
                add(EntityType::org, std::string(first.text));
            return;
        }
        // "(Chancellor of the) Exchequer Nigel Lawson": the end of a title is no name.
        while (e - b > 1 && cues::is_title_modifier(toks_[b].key)) ++b;
        // "Attorney General William Barr": a given name after words of a title starts the
        // person's name; "Andres Manuel Lopez Obrador" and "St. Charles County" stay whole.
        for (std::size_t k = b + 1; k + 1 < e; ++k)
            if (cues::is_given_name(toks_[k].key) && !cues::is_given_name(toks_[k - 1].key) &&
                cues::is_title_modifier(toks_[k - 1].key) &&
                !cues::is_not_person_end(toks_[e - 1].key)) {
                classify_piece(b, k);
                return classify_piece(k, e);
            }
        if (e - b > kMaxNameWords) return;
        for (std::size_t i = b; i < e; ++i)
            if (toks_[i].all_caps && toks_[i].key.size() > 1) return;
        for (std::size_t i = b; i < e; ++i)
            if (!looks_like_name(toks_[i])) return;
        if (add_place_by_context(b, e)) return;
        Unresolved u{runs_.text(b, e), toks_[b].key,           toks_[e - 1].key, e - b,
                     is_speaker(b, e), toks_[b].sentence_start};
        unresolved_.push_back(std::move(u));
    }

    // "Kenosha, Wisconsin", "the city of Kamloops", "Lincoln County": a place no list holds,
    // told by the region after it, the word before it or its last word.
    bool add_place_by_context(std::size_t b, std::size_t e) {
        if (e - b > 3) return false;
        if (toks_[e - 1].key == "county" && e - b > 1) {
            add(EntityType::place, runs_.text(b, e));
            return true;
        }
        const bool after_place_noun = b >= 2 && toks_[b - 1].key == "of" &&
                                      !toks_[b - 2].capitalised &&
                                      cues::is_place_noun(toks_[b - 2].key);
        // "Hagan, North Carolina's first senator": a sentence's subject before a comma;
        // "Mary Smith, Texas state director", "said Smith, Texas...": a person's name.
        const bool person_cue = cues::is_given_name(toks_[b].key) || is_speaker(b, e);
        const GazetteerEntry* region =
            toks_[b].sentence_start || person_cue ? nullptr : region_after(e);
        if (!after_place_noun && region == nullptr) return false;
        add(EntityType::place, runs_.text(b, e));
        if (region) add_known(*region);
        if (region && !region->country.empty()) add(EntityType::place, region->country);
        return true;
    }

    // The state or country named right after a comma at `e` ("..., Wisconsin,"), or null.
    const GazetteerEntry* region_after(std::size_t e) const {
        if (e >= toks_.size() || toks_[e].punct_before != ',' || !toks_[e].capitalised)
            return nullptr;
        const auto [match, entry] = longest_match(e, runs_.run_end(e));
        if (entry == nullptr || entry->type != EntityType::place || entry->demonym ||
            toks_[match - 1].possessive)
            return nullptr;
        // A list of places ("Kenosha, Racine and Milwaukee") names no region.
        if (match < toks_.size() && !toks_[match].break_before && toks_[match].capitalised)
            return nullptr;
        return entry;
    }

    // "X11R5", "V2R1": letters and digits that alternate more than once are a version or a
    // part number, not initials ("G7", "3M" and "B52" alternate once).
    static bool is_version(std::string_view key) {
        int changes = 0;
        for (std::size_t i = 1; i < key.size(); ++i)
            changes += (key[i] >= '0' && key[i] <= '9') != (key[i - 1] >= '0' && key[i - 1] <= '9');
        return changes > 1;
    }

    // "O'Brien" and "A." are name words; "We're" and "P" are not.
    static bool looks_like_name(const NameToken& t) {
        const std::size_t apostrophe = t.text.find('\'');
        if (apostrophe != std::string_view::npos && apostrophe + 1 < t.text.size() &&
            !(t.text[apostrophe + 1] >= 'A' && t.text[apostrophe + 1] <= 'Z'))
            return false;
        if (cues::is_title_modifier(t.key) || cues::is_org_cue(t.key)) return false;
        return t.key.size() > 1 || t.text.ends_with(".");
    }

    // "said X", "according to X", "chairman X", "X said", "X told".
    bool is_speaker(std::size_t b, std::size_t e) const {
        if (b > 0 && !toks_[b - 1].capitalised) {
            const std::string& prev = toks_[b - 1].key;
            if (prev == "said" || cues::is_person_title(prev)) return true;
            if (prev == "to" && b > 1 && toks_[b - 2].key == "according") return true;
        }
        return e < toks_.size() && !toks_[e].capitalised && cues::is_speech_verb(toks_[e].key);
    }

    // "HAMBURG, March 12 -" or "IRVINE, Calif., March 3 -": the place a story was filed
    // from, opening a paragraph, with a month soon after a comma.
    bool is_dateline(std::size_t b, std::size_t e) const {
        if (!toks_[b].sentence_start || toks_[b].punct_before != 0 || e >= toks_.size() ||
            e - b > 4 || toks_[e].punct_before != ',')
            return false;
        if (cues::is_not_entity(toks_[b].key)) return false;  // "Thursday, March 28, 2019"
        for (std::size_t k = e; k < toks_.size() && k < e + 3; ++k)
            if (toks_[k].punct_before == ',' && cues::is_month(toks_[k].key)) return true;
        return false;
    }

    void add_dateline(std::size_t b, std::size_t e) {
        if (const GazetteerEntry* known = gaz_.find(runs_.key(b, e))) return add_known(*known);
        add(EntityType::place, runs_.text(b, e));
    }

    // -- results -------------------------------------------------------------------------
    void add_org(std::size_t b, std::size_t e) {
        if (const auto [match, entry] = longest_match(b, e);
            entry && entry->type == EntityType::place && match < e && toks_[match].capitalised)
            add_known(*entry);  // "Japanese Finance Ministry" is about Japan too
        if (toks_[b].key == "the") ++b;
        for (std::size_t k = b + 1; k + 2 < e; ++k)
            if (toks_[k].key == "and" && splits_at_and(b, k, e)) {
                add_org(b, k);
                return add_org(k + 1, e);
            }
        // "the Democratic and Republican Party" names two parties.
        if (e - b == 4 && toks_[b + 1].key == "and" && toks_[e - 1].key == "party") {
            const std::string cue(toks_[e - 1].text);
            add_org_name(std::string(toks_[b].text) + " " + cue);
            add_org_name(std::string(toks_[b + 2].text) + " " + cue);
            return;
        }
        // "Lion Air Flight 610" is the airline's flight: the airline is named.
        while (e - b > 1 && (cues::is_corporate_suffix(toks_[e - 1].key) ||
                             (toks_[e - 1].key == "flight" && e - b > 2)))
            --e;
        runs_.trim_connectors(b, e);  // "Goldman Sachs and Co" -> "Goldman Sachs"
        if (const GazetteerEntry* known = gaz_.find(runs_.key(b, e)))
            return add(known->type, known->name);
        // "the Bank", "Corp": a cue word alone names no organisation, "the Treasury" does.
        if (e - b == 1 && cues::is_org_cue(toks_[b].key) && !cues::is_institution(toks_[b].key))
            return;
        add(EntityType::org, runs_.text(b, e));
    }

    // Whether the "and" at `k` joins two organisations, not one name: "the National Guard and
    // Lion Air" (two names of two words or more, each with its cue), "the Workers' Alliance
    // and Northline Rail" (a cue ends the first); not "Securities and Exchange Commission".
    bool splits_at_and(std::size_t b, std::size_t k, std::size_t e) const {
        // "U.S. Securities and Exchange Commission", "Harris Trust and Savings Bank": a cue
        // that also qualifies the next words ends no name.
        if (!cues::is_org_cue(toks_[k - 1].key) || cues::is_org_modifier(toks_[k - 1].key) ||
            e - k - 1 < 2)
            return false;
        return !runs_.has_org_cue(k + 1, e) || k - b >= 2;
    }

    void add_org_name(std::string name) {
        if (const GazetteerEntry* known = gaz_.find(gazetteer_key(name)))
            return add(known->type, known->name);
        add(EntityType::org, std::move(name));
    }

    void add_known(const GazetteerEntry& entry) {
        if (!entry.demonym) add(entry.type, entry.name);
        if (!entry.country.empty()) add(EntityType::place, entry.country);
    }

    void add(EntityType type, std::string name) {
        // "F" and "C" (degrees), "A." (an initial): one letter names nothing.
        if (name.empty() || name.size() == 1 || (name.size() == 2 && name[1] == '.')) return;
        std::string k = facet_key(name);
        if (!seen_.insert(seen_key(type, k)).second) return;
        out_.push_back({type, std::move(name), EntityOrigin::extracted});
    }

    // -- coreference ---------------------------------------------------------------------
    // Unresolved names meet the people and organisations found anywhere in the article:
    // "Volcker" after "Paul Volcker", "Chrysler" after "Chrysler Corp".
    void resolve() {
        std::unordered_set<std::string> surnames;  // one-word names, later in a sentence
        for (const Unresolved& u : unresolved_)
            if (u.words == 1 && !u.sentence_start) surnames.insert(u.last_key);
        for (const Unresolved& u : unresolved_) {
            if (found_already(u)) {
                continue;  // "Kamloops" after "the city of Kamloops"
            } else if (const Entity* org = org_starting_with(u)) {
                add(EntityType::org, org->name);
            } else if (const Entity* person = person_ending_with(u.last_key)) {
                add(EntityType::person, u.words > 1 ? u.name : person->name);
            } else if (!person_shaped(u)) {
                continue;  // "River Ouse said", "Dublin Airport said"
            } else if (u.speaker && (u.words > 1 || !u.sentence_start) && u.name.size() > 1) {
                add(EntityType::person, u.name);
            } else if (u.words > 1 &&
                       (cues::is_given_name(u.first_key) || surnames.count(u.last_key))) {
                // "Joe Biden has", or "Tony Evers ... Evers lacked authority".
                add(EntityType::person, u.name);
            }
        }
        merge_surnames();
    }

    static bool person_shaped(const Unresolved& u) {
        return !cues::is_not_person_end(u.last_key) && !cues::is_not_person_start(u.first_key);
    }

    // Whether the name was found already as written, as an entity of any type.
    bool found_already(const Unresolved& u) const {
        const std::string k = facet_key(u.name);
        return std::any_of(kTypes.begin(), kTypes.end(),
                           [&](EntityType type) { return seen_.count(seen_key(type, k)) > 0; });
    }

    // The key of seen_: type and facet key, "person:paul volcker".
    static std::string seen_key(EntityType type, const std::string& key) {
        return std::string(to_string(type)) + ':' + key;
    }

    const Entity* person_ending_with(const std::string& last) const {
        const Entity* best = nullptr;
        for (const Entity& e : out_)
            if (e.type == EntityType::person && last_word(facet_key(e.name)) == last &&
                (!best || e.name.size() > best->name.size()))
                best = &e;
        return best;
    }

    // "Chrysler" or "Blue Heron" after "Chrysler Corp" or "Blue Heron Corp".
    const Entity* org_starting_with(const Unresolved& u) const {
        const std::string k = facet_key(u.name);
        for (const Entity& e : out_) {
            const std::string org = facet_key(e.name);
            if (e.type == EntityType::org && org.starts_with(k) &&
                (org.size() == k.size() || org[k.size()] == ' ' || org[k.size()] == '\''))
                return &e;
        }
        return nullptr;
    }

    // "Volcker" (from "Volcker said") is dropped when "Paul Volcker" was found too.
    void merge_surnames() {
        std::erase_if(out_, [this](const Entity& e) {
            if (e.type != EntityType::person || e.name.find(' ') != std::string::npos) return false;
            const std::string k = facet_key(e.name);
            return std::any_of(out_.begin(), out_.end(), [&](const Entity& other) {
                return other.type == EntityType::person && &other != &e &&
                       other.name.find(' ') != std::string::npos &&
                       last_word(facet_key(other.name)) == k;
            });
        });
    }

    const Gazetteer& gaz_;
    const std::vector<NameToken>& toks_;
    NameRuns runs_;
    std::unordered_set<std::string> lower_words_;
    std::unordered_set<std::string> seen_;
    std::vector<Unresolved> unresolved_;
    std::vector<Entity> out_;
};

}  // namespace

EntityExtractor::EntityExtractor() : gazetteer_(&Gazetteer::standard()) {}

EntityExtractor::EntityExtractor(const Gazetteer& gazetteer) : gazetteer_(&gazetteer) {}

std::vector<Entity> EntityExtractor::extract(std::string_view title, std::string_view body) const {
    std::vector<NameToken> tokens;
    tokens.reserve(body.size() / 5 + 16);
    tokenize_names(title, tokens);
    const std::size_t title_words = tokens.size();
    tokenize_names(body, tokens);
    // The body's first word starts a sentence and a run of its own, whatever the title was.
    if (tokens.size() > title_words) {
        tokens[title_words].sentence_start = tokens[title_words].break_before = true;
    }
    return ArticlePass(*gazetteer_, tokens).run();
}

}  // namespace newsdex::corpus
