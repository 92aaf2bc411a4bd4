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
constexpr std::array<std::string_view, 68> kTitles = {
    "actor",
    "actress",
    "adm",
    "admiral",
    "ambassador",
    "analyst",
    "author",
    "bishop",
    "broadcaster",
    "captain",
    "cardinal",
    "chairman",
    "chairwoman",
    "chancellor",
    "chief",
    "co-author",
    "co-founder",
    "coach",
    "col",
    "colonel",
    "commissioner",
    "constable",
    "detective",
    "dr",
    "economist",
    "emir",
    "founder",
    "gen",
    "gov",
    "governor",
    "inspector",
    "journalist",
    "judge",
    "justice",
    "king",
    "lady",
    "lawyer",
    "leader",
    "lieutenant",
    "lord",
    "mayor",
    "minister",
    "mr",
    "mrs",
    "ms",
    "pope",
    "premier",
    "president",
    "prince",
    "prof",
    "professor",
    "queen",
    "rep",
    "reporter",
    "representative",
    "secretary",
    "secretary-general",
    "sen",
    "senator",
    "sergeant",
    "sheikh",
    "sheriff",
    "sir",
    "spokesman",
    "spokeswoman",
    "superintendent",
    "treasurer",
    "wrestler",
};

constexpr std::array<std::string_view, 45> kTitleModifiers = {
    "acting",    "agriculture", "assistant", "attorney",  "commerce",  "defence",        "defense",
    "deputy",    "designate",   "director",  "economic",  "economics", "economy",        "energy",
    "exchequer", "executive",   "finance",   "first",     "foreign",   "former",         "general",
    "health",    "home",        "house",     "industry",  "interior",  "justice",        "labor",
    "labour",    "managing",    "oil",       "petroleum", "planning",  "prime",          "senate",
    "senior",    "staff",       "state",     "trade",     "transport", "transportation", "treasury",
    "under",     "vice",        "works",
};

constexpr std::array<std::string_view, 77> kOrgCues = {
    "academy",      "administration",
    "agency",       "air",
    "airlines",     "airways",
    "alliance",     "army",
    "assembly",     "association",
    "authority",    "bancorp",
    "bancshares",   "bank",
    "board",        "brothers",
    "bureau",       "cabinet",
    "chamber",      "clinic",
    "club",         "co",
    "coalition",    "college",
    "commission",   "committee",
    "community",    "company",
    "congress",     "corp",
    "corporation",  "cos",
    "council",      "court",
    "department",   "embassy",
    "exchange",     "federation",
    "force",        "foundation",
    "fund",         "group",
    "guard",        "holdings",
    "inc",          "industries",
    "institute",    "institution",
    "journal",      "league",
    "ltd",          "markets",
    "ministry",     "motors",
    "navy",         "network",
    "office",       "organisation",
    "organization", "parliament",
    "partners",     "party",
    "patrol",       "plc",
    "police",       "representatives",
    "reserve",      "secretariat",
    "securities",   "senate",
    "service",      "society",
    "systems",      "times",
    "treasury",     "trust",
    "university",
};

// Common given names: a capitalised run opening with one is a person ("Joe Biden has"), with
// no speech verb or title needed. Names that are also words, places or months (Will, Chase,
// Jordan, Georgia, June, Hope, Christian) are left out on purpose.
constexpr std::array<std::string_view, 462> kGivenNames = {
    "aaron",     "abdul",     "abdullah", "adam",      "adrian",    "ahmad",       "ahmed",
    "aisha",     "alan",      "albert",   "alberto",   "alejandro", "alex",        "alexander",
    "alexandra", "alexei",    "alexis",   "alfred",    "ali",       "alice",       "alicia",
    "alison",    "allen",     "amanda",   "amber",     "amy",       "ana",         "andre",
    "andrea",    "andreas",   "andrew",   "andrzej",   "andy",      "angela",      "angelina",
    "ann",       "anna",      "anne",     "annie",     "anthony",   "antonio",     "arnold",
    "arthur",    "ashley",    "barack",   "barbara",   "barry",     "benjamin",    "bernard",
    "bernie",    "beth",      "betty",    "beverly",   "bill",      "billy",       "bob",
    "bobby",     "boris",     "brad",     "bradley",   "brandon",   "brenda",      "brett",
    "brian",     "bridget",   "bruce",    "bryan",     "carl",      "carla",       "carlos",
    "carol",     "caroline",  "carolyn",  "carter",    "catherine", "charles",     "charlie",
    "charlotte", "cheryl",    "chris",    "christina", "christine", "christopher", "cindy",
    "claire",    "claude",    "claudia",  "colin",     "connie",    "craig",       "cristina",
    "cynthia",   "dale",      "damian",   "dan",       "daniel",    "daniela",     "danielle",
    "danny",     "david",     "debbie",   "deborah",   "debra",     "denis",       "dennis",
    "derek",     "diana",     "diane",    "dick",      "dmitry",    "dominic",     "don",
    "donald",    "donna",     "doris",    "dorothy",   "doug",      "douglas",     "dylan",
    "ed",        "eddie",     "edgar",    "edith",     "edmund",    "eduardo",     "edward",
    "edwin",     "eileen",    "elaine",   "eleanor",   "elena",     "elizabeth",   "ellen",
    "emily",     "emma",      "emmanuel", "enrique",   "eric",      "erica",       "erik",
    "ernest",    "ernesto",   "esther",   "ethan",     "eugene",    "evan",        "evelyn",
    "fatima",    "felipe",    "felix",    "fernando",  "fiona",     "francesca",   "francesco",
    "francis",   "francisco", "franco",   "francois",  "frank",     "frederick",   "gabriel",
    "gareth",    "gary",      "gavin",    "georg",     "george",    "gerald",      "gerard",
    "gerhard",   "gertrude",  "giorgio",  "giovanni",  "giuseppe",  "gloria",      "gordon",
    "graham",    "greg",      "gregory",  "hans",      "harold",    "harriet",     "harry",
    "heather",   "heidi",     "heinz",    "helen",     "helmut",    "henri",       "henry",
    "herbert",   "howard",    "hugh",     "hugo",      "ian",       "igor",        "irene",
    "isaac",     "isabel",    "ivan",     "jack",      "jacob",     "jacqueline",  "jacques",
    "james",     "jamie",     "jan",      "jane",      "janet",     "janice",      "jason",
    "javier",    "jean",      "jeff",     "jeffrey",   "jennifer",  "jens",        "jeremy",
    "jerome",    "jerry",     "jessica",  "jill",      "jim",       "jimmy",       "joan",
    "joanna",    "joe",       "joel",     "johan",     "johann",    "john",        "johnny",
    "jon",       "jonathan",  "jorge",    "jose",      "josef",     "joseph",      "josh",
    "joshua",    "joyce",     "juan",     "judith",    "judy",      "julia",       "julian",
    "julie",     "julio",     "justin",   "kamala",    "karen",     "karl",        "kate",
    "katherine", "kathleen",  "kathryn",  "kathy",     "katie",     "kay",         "keith",
    "kelly",     "ken",       "kenneth",  "kevin",     "kim",       "kimberly",    "klaus",
    "kurt",      "kyle",      "larry",    "laura",     "lauren",    "lawrence",    "leah",
    "lee",       "leo",       "leon",     "leonard",   "leopold",   "lisa",        "liz",
    "lorenzo",   "louis",     "louise",   "lucas",     "lucy",      "luis",        "luke",
    "lynn",      "manuel",    "marc",     "marco",     "marcus",    "margaret",    "maria",
    "marie",     "marina",    "mario",    "marion",    "marisa",    "marjorie",    "mark",
    "martha",    "martin",    "mary",     "matt",      "matthew",   "maurice",     "max",
    "megan",     "melanie",   "melissa",  "michael",   "michaela",  "michel",      "michelle",
    "miguel",    "mike",      "mikhail",  "mitch",     "mohamed",   "mohammad",    "mohammed",
    "monica",    "nancy",     "naomi",    "natalie",   "nathan",    "neil",        "nicholas",
    "nick",      "nicola",    "nicole",   "nigel",     "nikki",     "nikolai",     "noah",
    "norman",    "oliver",    "olivia",   "omar",      "oscar",     "otto",        "pablo",
    "pamela",    "pascal",    "patricia", "patrick",   "paul",      "paula",       "pedro",
    "peggy",     "penny",     "peter",    "philip",    "philippe",  "phillip",     "pierre",
    "rachel",    "rafael",    "ralph",    "ramon",     "randy",     "raul",        "ray",
    "raymond",   "rebecca",   "rex",      "ricardo",   "richard",   "rick",        "ricky",
    "rita",      "rob",       "robert",   "roberta",   "roberto",   "robin",       "rodrigo",
    "roger",     "roland",    "ron",      "ronald",    "rosa",      "ross",        "roy",
    "ruby",      "rudolf",    "rudy",     "russell",   "ruth",      "ryan",        "sally",
    "sam",       "samantha",  "samuel",   "sandra",    "sara",      "sarah",       "scott",
    "sean",      "sebastian", "sergei",   "sergey",    "shane",     "sharon",      "shawn",
    "sheila",    "shirley",   "sidney",   "simon",     "sophie",    "stanley",     "stefan",
    "stella",    "stephanie", "stephen",  "steve",     "steven",    "stuart",      "susan",
    "suzanne",   "sylvia",    "tamara",   "tammy",     "tanya",     "ted",         "teresa",
    "terry",     "theodore",  "theresa",  "thomas",    "tim",       "timothy",     "tina",
    "todd",      "tom",       "tommy",    "tony",      "tracy",     "travis",      "troy",
    "tyler",     "ursula",    "valerie",  "vanessa",   "vera",      "veronica",    "victor",
    "vincent",   "vladimir",  "walter",   "wayne",     "wendy",     "werner",      "william",
    "willie",    "wolfgang",  "xavier",   "yolanda",   "yuri",      "yusuf",       "zachary",
};

constexpr std::array<std::string_view, 9> kPlaceNouns = {
    "capital", "city", "county", "district", "province", "region", "state", "town", "village"};

// Organisation cues that also qualify the words after them, so that a name goes on past them:
// "Securities and Exchange Commission", "Trust and Savings Bank", "Industries and Trade".
constexpr std::array<std::string_view, 6> kOrgModifiers = {"exchange",   "industries", "markets",
                                                           "securities", "systems",    "trust"};

// The first word of a name that is no person's: "River Ouse", "Mount Kenya", "Fort Lee",
// "Hurricane Ian".
constexpr std::array<std::string_view, 14> kNotPersonStarts = {
    "cape",  "cyclone", "fort", "gulf",  "hurricane", "isle",     "lake",
    "mount", "mt",      "port", "river", "storm",     "tropical", "typhoon",
};

// The last word of a name that is no person's: a facility, a prize, an event, a region
// ("Ronald Reagan Airport", "Nobel Prize", "Lincoln County"). Surnames that are also such
// words (Hall, Park, Lake, Way) are left out.
constexpr std::array<std::string_view, 26> kNotPersonEnds = {
    "airport", "arena",        "avenue",        "award",  "awards", "bridge",   "center",
    "centre",  "championship", "championships", "county", "cup",    "festival", "games",
    "island",  "mountains",    "olympics",      "prize",  "river",  "road",     "school",
    "square",  "stadium",      "street",        "trophy", "valley",
};

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
constexpr std::array<std::string_view, 180> kCommonAcronyms = {
    "aa",   "aaa",   "ac",   "ad",  "adr",  "ai",   "aids", "ak",   "al",    "am",   "ar",
    "asap", "ascii", "avg",  "az",  "bbs",  "bd",   "bios", "bln",  "bpd",   "btw",  "ca",
    "cd",   "ceo",   "cfo",  "cif", "co",   "cpi",  "cpu",  "cs",   "ct",    "cts",  "de",
    "dlr",  "dlrs",  "dm",   "dos", "dram", "ecu",  "edt",  "eisa", "ems",   "eps",  "est",
    "faq",  "fax",   "fl",   "fob", "ftp",  "fwiw", "fx",   "fyi",  "ga",    "gdp",  "gif",
    "gmt",  "gnp",   "gui",  "hd",  "hi",   "hst",  "html", "http", "ia",    "id",   "ide",
    "ii",   "iii",   "iirc", "il",  "imho", "imo",  "ind",  "ipo",  "iv",    "ix",   "jpeg",
    "ks",   "ky",    "la",   "lan", "lbo",  "lc",   "led",  "lgbt", "libor", "loss", "ltd",
    "m1",   "m2",    "m3",   "ma",  "mb",   "md",   "mhz",  "mi",   "mln",   "mn",   "mo",
    "mp",   "mpeg",  "mps",  "ms",  "msg",  "mt",   "mths", "na",   "nav",   "nc",   "nd",
    "ne",   "nh",    "nil",  "nj",  "nm",   "nntp", "note", "nt",   "nv",    "ny",   "oh",
    "ok",   "os",    "ot",   "otc", "otoh", "pa",   "pc",   "pcs",  "pct",   "pm",   "ppi",
    "ps",   "qtr",   "ram",  "rev", "revs", "rgb",  "ri",   "rom",  "rtfm",  "sc",   "scsi",
    "sd",   "sdr",   "sdrs", "shr", "shrs", "st",   "svga", "tcp",  "tiff",  "tn",   "tv",
    "tx",   "ufo",   "url",  "ut",  "utc",  "uucp", "va",   "vga",  "vi",    "vii",  "viii",
    "vs",   "vt",    "wa",   "wi",  "wk",   "wv",   "ww2",  "wwi",  "wwii",  "wy",   "x",
    "xi",   "xii",   "xv",   "yr",
};

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
static_assert(std::is_sorted(kGivenNames.begin(), kGivenNames.end()));
static_assert(std::is_sorted(kNotPersonEnds.begin(), kNotPersonEnds.end()));
static_assert(std::is_sorted(kNotPersonStarts.begin(), kNotPersonStarts.end()));
static_assert(std::is_sorted(kOrgModifiers.begin(), kOrgModifiers.end()));
static_assert(std::is_sorted(kPlaceNouns.begin(), kPlaceNouns.end()));
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
bool is_given_name(std::string_view word) {
    return contains(kGivenNames, word);
}
bool is_not_person_end(std::string_view word) {
    return contains(kNotPersonEnds, word);
}
bool is_org_modifier(std::string_view word) {
    return contains(kOrgModifiers, word);
}
bool is_not_person_start(std::string_view word) {
    return contains(kNotPersonStarts, word);
}
bool is_place_noun(std::string_view word) {
    return contains(kPlaceNouns, word);
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
