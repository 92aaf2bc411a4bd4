/// @file name_runs.cpp
/// @brief Runs of capitalised words: where a name candidate ends, its key and display text.
#include "corpus/analysis/name_runs.hpp"

#include <algorithm>

#include "common/text.hpp"
#include "corpus/analysis/entity_cues.hpp"

namespace newsdex::corpus {

namespace cues = entity_cues;

namespace {

constexpr std::size_t kMaxRun = 12;  // longer capitalised runs are headlines

std::string title_case(std::string_view word) {
    std::string out(word);
    for (std::size_t k = 1; k < out.size(); ++k) out[k] = ascii_lower(out[k]);
    return out;
}

}  // namespace

std::size_t NameRuns::run_end(std::size_t b) const {
    std::size_t j = b + 1;
    while (j < toks_.size() && j - b < kMaxRun) {
        if (toks_[j - 1].possessive && !possessive_inside(j)) break;
        const NameToken& t = toks_[j];
        if (t.break_before || t.in_angle != toks_[b].in_angle) break;
        if (t.capitalised) {
            ++j;
        } else if (joins(b, j)) {
            j += 2;
        } else {
            break;
        }
    }
    return j;
}

// Whether the possessive before `j` is inside a name ("Moody's Investors Service") rather
// than ending one ("Japan's Finance Ministry"): an organisation cue must follow.
bool NameRuns::possessive_inside(std::size_t j) const {
    if (gaz_.find(toks_[j - 1].key)) return false;
    for (std::size_t k = j; k < toks_.size() && toks_[k].capitalised; ++k) {
        if (k > j && toks_[k].break_before) break;
        if (cues::is_org_cue(toks_[k].key)) return true;
        if (toks_[k].possessive) break;
    }
    return false;
}

// Whether the connector at `j` joins the run [b, j) to the capitalised word after it.
bool NameRuns::joins(std::size_t b, std::size_t j) const {
    if (j + 1 >= toks_.size() || !cues::is_connector(toks_[j].key)) return false;
    if (!toks_[j + 1].capitalised || toks_[j + 1].break_before) return false;
    if (toks_[j].key != "and" && toks_[j].key != "&") return true;
    // "and" splits lists ("Britain and France") unless a known name or an org goes on.
    return has_org_cue(b, j) || gaz_.has_prefix(key(b, j) + " and") ||
           (!gaz_.find(key(b, j)) && cue_follows(j + 1));
}

// Whether the capitalised words from `j` on include an organisation cue: "Savings and
// Loan Association" is one name.
bool NameRuns::cue_follows(std::size_t j) const {
    for (std::size_t k = j; k < toks_.size() && toks_[k].capitalised; ++k) {
        if (k > j && toks_[k].break_before) break;
        if (cues::is_org_cue(toks_[k].key)) return true;
    }
    return false;
}

std::string NameRuns::key(std::size_t b, std::size_t e) const {
    std::string k;
    for (std::size_t i = b; i < e; ++i) k += (i > b ? " " : "") + toks_[i].key;
    return k;
}

std::string NameRuns::text(std::size_t b, std::size_t e) const {
    std::string name;
    const bool caps = std::all_of(toks_.begin() + b, toks_.begin() + e,
                                  [](const NameToken& t) { return t.all_caps; });
    for (std::size_t i = b; i < e; ++i) {
        name += i > b ? " " : "";
        name += caps ? title_case(toks_[i].text) : std::string(toks_[i].text);
        if (toks_[i].possessive && i + 1 < e) name += "'s";
    }
    return name;
}

bool NameRuns::has_org_cue(std::size_t b, std::size_t e) const {
    for (std::size_t i = b; i < e; ++i)
        if (toks_[i].capitalised && cues::is_org_cue(toks_[i].key)) return true;
    return false;
}

void NameRuns::trim_connectors(std::size_t& b, std::size_t& e) const {
    while (b < e && !toks_[b].capitalised) ++b;
    while (e > b && !toks_[e - 1].capitalised) --e;
}

}  // namespace newsdex::corpus
