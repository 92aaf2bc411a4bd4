/// @file main.cpp
/// @brief newsdex-search: ranked, faceted search over a newsdex index from the command line.
#include <cstdint>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "common/program.hpp"
#include "common/text.hpp"
#include "searcher/result_format.hpp"
#include "searcher/search_limits.hpp"
#include "searcher/searcher.hpp"

namespace po = boost::program_options;
using namespace newsdex;
using searcher::DateBucket;
using searcher::SortOrder;

namespace {

const char* kUsage =
    "Usage: newsdex-search --index DIR [options] [QUERY...]\n"
    "Search a newsdex index. The QUERY words are joined with spaces; without any, every\n"
    "document matches (filters and facets still apply), which describes a whole archive.\n\n"
    "Query syntax (Xapian's; operators only in upper case, so 'and' is a plain word):\n"
    "  oil prices               either word, documents with both first; words are stemmed\n"
    "  \"oil prices\"             the phrase, word by word stemmed (also \"oil price\")\n"
    "  oil AND opec, oil OR gas, oil NOT gas, +must -exclude, (oil OR gas) AND iran\n"
    "  oil NEAR opec            within 10 words of each other (NEAR/5: within 5)\n"
    "  petro*                   words whose stem starts with petro (infla*, not inflation*)\n"
    "  title:opec               a word of the headline\n"
    "  source:reuters  category:crude  id:reuters-17            (any case)\n"
    "  person:\"paul volcker\"  org:opec  place:iran  entity:iran (entity: any type)\n"
    "  date:1987  date:1987-03  date:1987-03-26  date:1987-03-01..1987-03-31  date:..1987-02\n"
    "Start the query with -- when its first word begins with '-'.\n\n"
    "Exit status: 0 success (also when nothing matches), 1 missing or unreadable index,\n"
    "2 bad option or query, or a request past a limit (the message gives the position).\n\n"
    "Examples:\n"
    "  newsdex-search -d news.db oil prices\n"
    "  newsdex-search -d news.db --source reuters --from 1987-03 --to 1987-04 interest rates\n"
    "  newsdex-search -d news.db --facets source,date,entity --limit 0\n"
    "  newsdex-search -d news.db --sort newest --json 'person:\"paul volcker\"'\n\n";

struct Arguments {
    std::string index_dir;
    searcher::SearchRequest request;
    bool json = false;
};

SortOrder parse_sort(const std::string& text) {
    if (text == "relevance") return SortOrder::relevance;
    if (text == "newest") return SortOrder::newest;
    if (text == "oldest") return SortOrder::oldest;
    throw UsageError("unknown --sort '" + text + "' (relevance, newest or oldest)");
}

DateBucket parse_bucket(const std::string& text) {
    if (text == "auto") return DateBucket::automatic;
    if (text == "day") return DateBucket::day;
    if (text == "month") return DateBucket::month;
    if (text == "year") return DateBucket::year;
    throw UsageError("unknown --date-bucket '" + text + "' (auto, day, month or year)");
}

/// A count option's value, or `fallback` when not given. Read as a signed number because
/// Boost converts "-1" to an unsigned type by wrapping it round to 4294967295.
std::uint32_t count(const po::variables_map& vm, const char* name, std::uint32_t fallback) {
    if (!vm.count(name)) return fallback;
    const long long value = vm[name].as<long long>();
    if (value < 0 || value > 1'000'000'000)
        throw UsageError("--" + std::string(name) + " must be a number from 0 to 1000000000, not " +
                         std::to_string(value));
    return static_cast<std::uint32_t>(value);
}

/// "source,date" and repeated --facets alike, as one list of names.
std::vector<std::string> split_facets(const std::vector<std::string>& values) {
    std::vector<std::string> names;
    for (const auto& value : values) {
        std::size_t start = 0;
        for (std::size_t comma; start <= value.size(); start = comma + 1) {
            comma = value.find(',', start);
            if (comma == std::string::npos) comma = value.size();
            const auto name = trim(std::string_view(value).substr(start, comma - start));
            if (!name.empty()) names.emplace_back(name);
        }
    }
    return names;
}

po::options_description visible_options(Arguments& args, std::vector<std::string>& facets) {
    auto& r = args.request;
    po::options_description options("Options");
    options.add_options()("help,h", "show this help and exit")(
        "index,d", po::value<std::string>()->required()->value_name("DIR"), "index to search")(
        "source", po::value(&r.sources)->composing()->value_name("NAME"),
        "only this source (repeatable: any of them)")(
        "entity", po::value(&r.entities)->composing()->value_name("[TYPE:]NAME"),
        "only articles naming this entity; TYPE is person, org or place (repeatable)")(
        "category", po::value(&r.categories)->composing()->value_name("NAME"),
        "only this category (repeatable)")(
        "from", po::value<std::string>()->value_name("DATE"),
        "only from the start of DATE (1987, 1987-03 or 1987-03-26)")(
        "to", po::value<std::string>()->value_name("DATE"), "only up to the end of DATE")(
        "sort", po::value<std::string>()->value_name("ORDER"),
        "relevance (default), newest or oldest")("limit,n", po::value<long long>()->value_name("N"),
                                                 "hits to show (default 10)")(
        "offset", po::value<long long>()->value_name("N"), "hits to skip first (default 0)")(
        "facets,f", po::value(&facets)->composing()->value_name("LIST"),
        "count these over all matches: source, date, entity, person, org, place, category "
        "(comma-separated or repeated)")(
        "facet-limit", po::value<long long>()->value_name("N"),
        "values per facet, largest first (default 10, 0 = all; the date facet shows all)")(
        "date-bucket", po::value<std::string>()->value_name("SIZE"),
        "date facet buckets: auto (default: fits the span), day, month or year")(
        "language", po::value<std::string>()->value_name("LANG"),
        "stem the query words in LANG only, an ISO 639-1 code or Snowball name (default: in "
        "each language of the index)")("json", po::bool_switch(&args.json),
                                       "print one JSON object instead of text");
    return options;
}

/// Parses the command line; nothing when --help was printed.
std::optional<Arguments> parse_arguments(int argc, char* argv[]) {
    Arguments args;
    std::vector<std::string> facets;
    std::vector<std::string> words;
    const auto visible = visible_options(args, facets);
    const std::string usage = kUsage + searcher::limits::describe();
    const auto parsed = parse_command_line(argc, argv, visible, words, usage);
    if (!parsed) return std::nullopt;
    const po::variables_map& vm = *parsed;
    const auto text = [&](const char* name) -> std::optional<std::string> {
        if (!vm.count(name)) return std::nullopt;
        return vm[name].as<std::string>();
    };
    auto& r = args.request;
    args.index_dir = *text("index");
    r.from = text("from");
    r.to = text("to");
    r.sort = parse_sort(text("sort").value_or("relevance"));
    r.date_bucket = parse_bucket(text("date-bucket").value_or("auto"));
    r.language = text("language").value_or(r.language);
    r.limit = count(vm, "limit", r.limit);
    r.offset = count(vm, "offset", r.offset);
    r.facet_limit = count(vm, "facet-limit", r.facet_limit);
    r.facets = split_facets(facets);
    for (const auto& word : words) r.query += (r.query.empty() ? "" : " ") + word;
    return args;
}

int run(int argc, char* argv[]) {
    const auto args = parse_arguments(argc, argv);
    if (!args) return exit_code::ok;
    // The plain engine for one search: building the caches reads every document's facet
    // values and length, about as much as counting a query that matches the whole index.
    searcher::Searcher searcher(args->index_dir);
    searcher.use_caches(false);
    const auto result = searcher.search(args->request);
    if (args->json)
        std::cout << searcher::format_json(result);
    else
        std::cout << searcher::format_text(result, {stdout_is_color_terminal()});
    return exit_code::ok;
}

}  // namespace

int main(int argc, char* argv[]) {
    return run_program("search", [&] { return run(argc, argv); });
}
