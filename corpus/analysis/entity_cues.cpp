/// @file entity_cues.cpp
/// @brief The cue-word lists behind entity_cues.hpp, as sorted tables searched by bisection.
#include "corpus/analysis/entity_cues.hpp"

#include <algorithm>
#include <array>

namespace newsdex::corpus::entity_cues {

namespace {

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& sorted, std::string_view word) {
    return std::binary_search(sorted.begin(), sorted.end(), word);
}

// Each table must stay sorted: they are searched by bisection (checked below).
constexpr std::array<std::string_view, 46> kTitles = {"adm",          "admiral",
                                                      "ambassador",   "analyst",
                                                      "bishop",       "cardinal",
                                                      "chairman",     "chairwoman",
                                                      "chancellor",   "chief",
                                                      "col",          "colonel",
                                                      "commissioner", "dr",
                                                      "economist",    "emir",
                                                      "gen",          "gov",
                                                      "governor",     "judge",
                                                      "king",         "lady",
                                                      "leader",       "lord",
                                                      "mayor",        "minister",
                                                      "mr",           "mrs",
                                                      "ms",           "pope",
                                                      "premier",      "president",
                                                      "prince",       "prof",
                                                      "professor",    "queen",
                                                      "rep",          "representative",
                                                      "secretary",    "sen",
                                                      "senator",      "sheikh",
                                                      "sir",          "spokesman",
                                                      "spokeswoman",  "treasurer"};

constexpr std::array<std::string_view, 43> kTitleModifiers = {
    "acting",    "agriculture", "assistant", "commerce",       "defence",  "defense",   "deputy",
    "designate", "economic",    "economics", "economy",        "energy",   "exchequer", "executive",
    "finance",   "first",       "foreign",   "former",         "general",  "health",    "home",
    "house",     "industry",    "interior",  "justice",        "labor",    "labour",    "managing",
    "oil",       "petroleum",   "planning",  "prime",          "senate",   "senior",    "staff",
    "state",     "trade",       "transport", "transportation", "treasury", "under",     "vice",
    "works"};

constexpr std::array<std::string_view, 66> kOrgCues = {"administration",
                                                       "agency",
                                                       "airlines",
                                                       "airways",
                                                       "army",
                                                       "assembly",
                                                       "association",
                                                       "authority",
                                                       "bancorp",
                                                       "bancshares",
                                                       "bank",
                                                       "board",
                                                       "brothers",
                                                       "bureau",
                                                       "cabinet",
                                                       "chamber",
                                                       "club",
                                                       "co",
                                                       "commission",
                                                       "committee",
                                                       "community",
                                                       "company",
                                                       "congress",
                                                       "corp",
                                                       "corporation",
                                                       "cos",
                                                       "council",
                                                       "court",
                                                       "department",
                                                       "embassy",
                                                       "exchange",
                                                       "federation",
                                                       "foundation",
                                                       "fund",
                                                       "group",
                                                       "holdings",
                                                       "inc",
                                                       "industries",
                                                       "institute",
                                                       "institution",
                                                       "journal",
                                                       "league",
                                                       "ltd",
                                                       "markets",
                                                       "ministry",
                                                       "motors",
                                                       "navy",
                                                       "office",
                                                       "organisation",
                                                       "organization",
                                                       "parliament",
                                                       "partners",
                                                       "party",
                                                       "plc",
                                                       "police",
                                                       "reserve",
                                                       "secretariat",
                                                       "securities",
                                                       "senate",
                                                       "service",
                                                       "society",
                                                       "systems",
                                                       "times",
                                                       "treasury",
                                                       "trust",
                                                       "university"};

constexpr std::array<std::string_view, 13> kCorporateSuffixes = {
    "ag",      "co", "corp", "corporation", "cos", "inc", "incorporated",
    "limited", "lp", "ltd",  "nv",          "plc", "sa"};

// Organisations known by their cue word alone ("the Treasury"); "the Bank" names none.
constexpr std::array<std::string_view, 8> kInstitutions = {
    "army", "cabinet", "congress", "navy", "parliament", "police", "senate", "treasury"};

constexpr std::array<std::string_view, 12> kMonths = {
    "april", "august", "december", "february", "january", "july",
    "june",  "march",  "may",      "november", "october", "september"};

constexpr std::array<std::string_view, 137> kNotEntities = {
    "a",           "about",    "according", "after",      "again",     "all",       "also",
    "although",    "among",    "an",        "analysts",   "and",       "another",   "any",
    "apr",         "are",      "as",        "asked",      "at",        "aug",       "because",
    "before",      "both",     "but",       "by",         "company",   "daily",     "dealers",
    "dec",         "democrat", "democrats", "despite",    "during",    "each",      "earlier",
    "economists",  "either",   "end",       "even",       "every",     "feb",       "for",
    "friday",      "from",     "further",   "government", "he",        "her",       "here",
    "his",         "however",  "i",         "if",         "in",        "including", "it",
    "it's",        "its",      "jan",       "jul",        "jun",       "last",      "later",
    "many",        "mar",      "meanwhile", "monday",     "more",      "most",      "much",
    "my",          "net",      "new",       "next",       "no",        "nor",       "not",
    "note",        "nov",      "now",       "oct",        "officials", "on",        "one",
    "only",        "or",       "other",     "our",        "over",      "proceeds",  "republican",
    "republicans", "reuter",   "reuters",   "saturday",   "sep",       "sept",      "shares",
    "she",         "since",    "so",        "some",       "sources",   "speaking",  "still",
    "such",        "sunday",   "that",      "the",        "their",     "there",     "these",
    "they",        "this",     "those",     "thursday",   "to",        "top",       "total",
    "traders",     "tuesday",  "under",     "unlike",     "until",     "we",        "we're",
    "wednesday",   "what",     "when",      "where",      "while",     "with",      "year",
    "yesterday",   "yet",      "you",       "your"};

// Upper-case words that name no organisation: wire abbreviations (MLN, PCT), bond ratings (AA,
// AAA), party labels (IND), US state codes (CA, MO, TX), and computing jargon (PC, DOS, SCSI,
// FAQ, IMHO, UUCP), which fills the organisations of 20 Newsgroups otherwise.
constexpr std::array<std::string_view, 172> kCommonAcronyms = {
    "aa",   "aaa",  "ac",   "ad",   "adr",  "aids", "ak",   "al",   "am",  "ar",   "asap", "ascii",
    "avg",  "az",   "bbs",  "bd",   "bios", "bln",  "bpd",  "btw",  "ca",  "cd",   "ceo",  "cfo",
    "cif",  "co",   "cpi",  "cpu",  "cs",   "ct",   "cts",  "de",   "dlr", "dlrs", "dm",   "dos",
    "dram", "ecu",  "edt",  "eisa", "ems",  "eps",  "est",  "faq",  "fax", "fl",   "fob",  "ftp",
    "fwiw", "fx",   "fyi",  "ga",   "gdp",  "gif",  "gmt",  "gnp",  "gui", "hd",   "hi",   "hst",
    "html", "http", "ia",   "id",   "ide",  "ii",   "iii",  "iirc", "il",  "imho", "imo",  "ind",
    "ipo",  "iv",   "ix",   "jpeg", "ks",   "ky",   "la",   "lan",  "lbo", "lc",   "led",  "libor",
    "loss", "ltd",  "m1",   "m2",   "m3",   "ma",   "mb",   "md",   "mhz", "mi",   "mln",  "mn",
    "mo",   "mpeg", "ms",   "msg",  "mt",   "mths", "na",   "nav",  "nc",  "nd",   "ne",   "nh",
    "nil",  "nj",   "nm",   "nntp", "note", "nt",   "nv",   "ny",   "oh",  "ok",   "os",   "ot",
    "otc",  "otoh", "pa",   "pc",   "pcs",  "pct",  "pm",   "ppi",  "ps",  "qtr",  "ram",  "rev",
    "revs", "rgb",  "ri",   "rom",  "rtfm", "sc",   "scsi", "sd",   "sdr", "sdrs", "shr",  "shrs",
    "st",   "svga", "tcp",  "tiff", "tn",   "tv",   "tx",   "url",  "ut",  "uucp", "va",   "vga",
    "vi",   "vii",  "viii", "vs",   "vt",   "wa",   "wi",   "wk",   "wv",  "wwii", "wy",   "x",
    "xi",   "xii",  "xv",   "yr"};

constexpr std::array<std::string_view, 15> kSpeechVerbs = {
    "added",   "adds", "argued", "asked",  "commented", "explained", "noted", "predicted",
    "replied", "said", "says",   "stated", "stressed",  "told",      "warned"};

constexpr std::array<std::string_view, 16> kConnectors = {"&",   "al",  "and", "bin", "da", "de",
                                                          "del", "der", "des", "di",  "du", "for",
                                                          "la",  "of",  "van", "von"};

constexpr std::array<std::string_view, 20> kAbbreviations = {
    "adm", "capt", "col", "dr", "gen",  "gov", "hon", "jr",  "lt", "messrs",
    "mr",  "mrs",  "ms",  "no", "prof", "rep", "rev", "sen", "sr", "st"};

static_assert(std::is_sorted(kTitles.begin(), kTitles.end()));
static_assert(std::is_sorted(kTitleModifiers.begin(), kTitleModifiers.end()));
static_assert(std::is_sorted(kOrgCues.begin(), kOrgCues.end()));
static_assert(std::is_sorted(kCorporateSuffixes.begin(), kCorporateSuffixes.end()));
static_assert(std::is_sorted(kInstitutions.begin(), kInstitutions.end()));
static_assert(std::is_sorted(kMonths.begin(), kMonths.end()));
static_assert(std::is_sorted(kNotEntities.begin(), kNotEntities.end()));
static_assert(std::is_sorted(kCommonAcronyms.begin(), kCommonAcronyms.end()));
static_assert(std::is_sorted(kSpeechVerbs.begin(), kSpeechVerbs.end()));
static_assert(std::is_sorted(kConnectors.begin(), kConnectors.end()));
static_assert(std::is_sorted(kAbbreviations.begin(), kAbbreviations.end()));

}  // namespace

bool is_person_title(std::string_view word) {
    return contains(kTitles, word);
}
bool is_title_modifier(std::string_view word) {
    return is_person_title(word) || contains(kTitleModifiers, word);
}
bool is_org_cue(std::string_view word) {
    return contains(kOrgCues, word);
}
bool is_corporate_suffix(std::string_view word) {
    return contains(kCorporateSuffixes, word);
}
bool is_not_entity(std::string_view word) {
    return contains(kNotEntities, word) || contains(kMonths, word);
}
bool is_institution(std::string_view word) {
    return contains(kInstitutions, word);
}
bool is_month(std::string_view word) {
    return contains(kMonths, word);
}
bool is_month_abbreviation(std::string_view word) {
    return word.size() == 3 && std::any_of(kMonths.begin(), kMonths.end(),
                                           [word](auto month) { return month.starts_with(word); });
}
bool is_common_acronym(std::string_view word) {
    return contains(kCommonAcronyms, word);
}
bool is_speech_verb(std::string_view word) {
    return contains(kSpeechVerbs, word);
}
bool is_connector(std::string_view word) {
    return contains(kConnectors, word);
}
bool is_abbreviation(std::string_view word) {
    return contains(kAbbreviations, word);
}

}  // namespace newsdex::corpus::entity_cues
