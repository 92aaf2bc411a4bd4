/// @file query_builder.cpp
/// @brief QueryParser set-up for the newsdex fields, and option filters combined with OP_FILTER.
#include "searcher/query_builder.hpp"

#include <xapian/error.h>

#include <algorithm>
#include <functional>
#include <memory>
#include <optional>
#include <tuple>
#include <utility>
#include <vector>

#include "common/date.hpp"
#include "common/error.hpp"
#include "common/relative_date.hpp"
#include "common/schema.hpp"
#include "common/text.hpp"
#include "searcher/date_terms.hpp"
#include "searcher/filter_resolver.hpp"
#include "searcher/query_diagnosis.hpp"
#include "searcher/query_languages.hpp"
#include "searcher/query_text.hpp"
#include "searcher/search_limits.hpp"
#include "searcher/synonym_expander.hpp"

namespace newsdex::searcher {

namespace {

using Xapian::QueryParser;

// Operators only in upper case (no FLAG_BOOLEAN_ANY_CASE): news queries such as
// `oil and gas` or `to be or not to be` must stay plain words, as in Omega.
constexpr unsigned parse_flags = QueryParser::FLAG_BOOLEAN | QueryParser::FLAG_PHRASE |
                                 QueryParser::FLAG_LOVEHATE | QueryParser::FLAG_WILDCARD |
                                 QueryParser::FLAG_PURE_NOT;

/// Thrown by the field functions below; never leaves this file.
struct BadFieldValue {
    std::string reason;
};

/// Shared between the builder and its processors: the first bad field value of one parse.
/// Processors record it instead of throwing, because an exception thrown out of a
/// FieldProcessor leaks the parser's state in Xapian 1.4 (seen with LeakSanitizer).
struct ProblemSlot {
    std::optional<FieldProblem> first;
    std::optional<std::int64_t> now;  // the request's, for relative dates
    QueryNotes notes;                 // unknown filter values, aliases and synonyms used

    void record(std::string field, std::string value, std::string reason) {
        if (!first) first = FieldProblem{std::move(field), std::move(value), std::move(reason)};
    }
};
using Problems = std::shared_ptr<ProblemSlot>;

/// A boolean field whose value maps to a query through a function that may throw BadFieldValue.
class FieldFunction : public Xapian::FieldProcessor {
  public:
    using Fn = std::function<Xapian::Query(const std::string&)>;

    FieldFunction(std::string field, Fn fn, Problems problems)
        : field_(std::move(field)), fn_(std::move(fn)), problems_(std::move(problems)) {}

    Xapian::Query operator()(const std::string& value) override {
        try {
            return fn_(value);
        } catch (const BadFieldValue& bad) {
            problems_->record(field_, value, bad.reason);
            return Xapian::Query::MatchNothing;
        }
    }

  private:
    std::string field_;
    Fn fn_;
    Problems problems_;
};

/// The date period of a query value (absolute, or relative to `now`), or BadFieldValue.
TimeRange period_or_throw(const std::string& text, std::optional<std::int64_t> now) {
    if (auto range = parse_any_period(text, now)) return *range;
    throw BadFieldValue{"\"" + text + "\" is not a date (" + std::string(date_forms_hint()) + ")"};
}

/// `date:A..B` (either end may be empty): from the start of period A to the end of period B.
class DateRangeProcessor : public Xapian::RangeProcessor {
  public:
    DateRangeProcessor(const Xapian::Database& db, Problems problems)
        : RangeProcessor(schema::slot::date, "date:", Xapian::RP_REPEATED),
          db_(db),
          problems_(std::move(problems)) {}

    Xapian::Query operator()(const std::string& begin, const std::string& end) override {
        try {
            if (begin.empty() && end.empty()) throw BadFieldValue{"the date range is empty"};
            std::optional<std::int64_t> first;
            std::optional<std::int64_t> last;
            if (!begin.empty()) first = period_or_throw(begin, problems_->now).first;
            if (!end.empty()) last = period_or_throw(end, problems_->now).last;
            if (first && last && *first > *last)
                throw BadFieldValue{"the date range ends before it starts"};
            return date_range_query(db_, first, last);
        } catch (const BadFieldValue& bad) {
            problems_->record("date", begin + ".." + end, bad.reason);
            return Xapian::Query::MatchNothing;
        }
    }

  private:
    Xapian::Database db_;  // for the date terms it holds
    Problems problems_;
};

/// The filter of a facet value through the index (see FilterResolver): its term, or the
/// terms an entity value names.
void check_value(const std::string& value) {
    if (facet_key(value).empty()) throw BadFieldValue{"the value is empty"};
}

Xapian::Query plain_filter(const FilterResolver& resolver, QueryNotes& notes,
                           const std::string& field, std::string_view prefix,
                           const std::string& value) {
    check_value(value);
    return resolver.plain(field, prefix, value, notes);
}

/// `field:value` of an entity type; for `entity` (no type) "name" matches that name as a
/// person, an org or a place, and "type:name" only that type.
Xapian::Query entity_filter(const FilterResolver& resolver, QueryNotes& notes,
                            const std::string& field, std::optional<EntityType> type,
                            const std::string& value) {
    if (!type) {
        if (const auto colon = value.find(':'); colon != std::string::npos) {
            if (const auto named = parse_entity_type(value.substr(0, colon))) {
                check_value(value.substr(colon + 1));
                return resolver.entity(field, named, value.substr(colon + 1), notes);
            }
        }
    }
    check_value(value);
    return resolver.entity(field, type, value, notes);
}

Xapian::Query date_period(const Xapian::Database& db, const std::string& value,
                          std::optional<std::int64_t> now) {
    const TimeRange range = period_or_throw(value, now);
    return date_range_query(db, range.first, range.last);
}

/// OR of the values of one filter (`field` of the request, given several times).
Xapian::Query any_of(const std::vector<std::string>& values, const char* field,
                     const std::function<Xapian::Query(const std::string&)>& make) {
    std::vector<Xapian::Query> queries;
    for (const auto& value : values) {
        try {
            queries.push_back(make(value));
        } catch (const BadFieldValue& bad) {
            throw RequestError(field, value, std::nullopt,
                               {{field, true}, {" \"" + value + "\": " + bad.reason}});
        }
    }
    return Xapian::Query(Xapian::Query::OP_OR, queries.begin(), queries.end());
}

/// The period of the request's `from` or `to` value, or RequestError naming the field.
TimeRange request_period(const std::string& value, const char* field,
                         std::optional<std::int64_t> now) {
    if (auto range = parse_any_period(value, now)) return *range;
    throw RequestError(
        field, value, std::nullopt,
        {{field, true},
         {" \"" + value + "\" is not a date (" + std::string(date_forms_hint()) + ")"}});
}

/// A QueryParser for the newsdex fields that stems free text with `stemmer`.
QueryParser make_parser(const Xapian::Database& db, const Xapian::Stem& stemmer,
                        const Problems& problems) {
    QueryParser parser;
    parser.set_database(db);
    parser.set_stemmer(stemmer);
    // The index holds stems only (Z, ZS), so every word, phrase and NEAR is stemmed. STEM_ALL
    // with Z spelt as the free-text prefix makes the terms STEM_ALL_Z would, and also makes a
    // wildcard expand over Z terms: Xapian 1.4 expands STEM_ALL_Z's wildcards over the
    // unprefixed terms, which the index no longer has. Without a stemmer the parser leaves
    // words as typed under the same prefixes, as the indexer does.
    parser.set_stemming_strategy(QueryParser::STEM_ALL);
    parser.set_default_op(Xapian::Query::OP_OR);
    parser.set_max_expansion(limits::max_wildcard_terms,
                             Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT,
                             QueryParser::FLAG_WILDCARD);
    parser.add_prefix("", std::string(schema::prefix::text));
    parser.add_prefix("title", std::string(schema::prefix::title));

    const auto field = [&](const std::string& name, FieldFunction::Fn fn) {
        parser.add_boolean_prefix(name,
                                  (new FieldFunction(name, std::move(fn), problems))->release());
    };
    const auto resolver = std::make_shared<FilterResolver>(db);
    // Named copies, not the structured bindings: clang 14 cannot capture those (P1091).
    for (const auto& field_prefix : {std::pair{"source", schema::prefix::source},
                                     std::pair{"category", schema::prefix::category}}) {
        const std::string name = field_prefix.first;
        const auto prefix = field_prefix.second;
        field(name, [resolver, problems, name, prefix](const std::string& v) {
            return plain_filter(*resolver, problems->notes, name, prefix, v);
        });
    }
    field("cluster", [](const std::string& v) {
        if (trim(v).empty()) throw BadFieldValue{"the value is empty"};
        return cluster_query(ascii_lower(trim(v)));
    });
    field("id", [](const std::string& v) {
        if (trim(v).empty()) throw BadFieldValue{"the value is empty"};
        return Xapian::Query(schema::id_term(trim(v)));
    });
    for (const auto type : {EntityType::person, EntityType::org, EntityType::place})
        field(std::string(to_string(type)), [resolver, problems, type](const std::string& v) {
            return entity_filter(*resolver, problems->notes, std::string(to_string(type)), type, v);
        });
    field("entity", [resolver, problems](const std::string& v) {
        return entity_filter(*resolver, problems->notes, "entity", std::nullopt, v);
    });
    field("date",
          [db, problems](const std::string& v) { return date_period(db, v, problems->now); });
    parser.add_rangeprocessor((new DateRangeProcessor(db, problems))->release());
    return parser;
}

/// One language of the query: its stemmer, the parser using it, and its documents' filter.
struct Branch {
    QueryLanguage language;
    QueryParser parser;
    Xapian::doccount documents = 0;  // how many documents are in its languages
};

}  // namespace

struct QueryBuilder::State {
    Xapian::Database db;  // the date terms of the request's from and to
    Problems problems = std::make_shared<ProblemSlot>();
    std::vector<Branch> branches;        // one per query language, never empty
    bool synonyms = true;                // widen free text with the index's synonym table
    std::vector<std::string> all_codes;  // the index's languages ("en" when it names none)
};

Xapian::Query cluster_query(const std::string& key) {
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::slot::cluster, key, key);
}

QueryBuilder::QueryBuilder(const Xapian::Database& db, const std::string& language)
    : state_(std::make_unique<State>()) {
    state_->db = db;
    const std::string language_prefix(schema::prefix::language);
    for (auto it = db.allterms_begin(language_prefix); it != db.allterms_end(language_prefix); ++it)
        state_->all_codes.push_back((*it).substr(language_prefix.size()));
    if (state_->all_codes.empty()) state_->all_codes.push_back("en");  // what the indexer assumes
    for (auto& query_language : query_languages(db, language)) {
        QueryParser parser = make_parser(db, query_language.stemmer, state_->problems);
        Xapian::doccount documents = 0;
        for (const auto& code : query_language.codes)
            documents += db.get_termfreq(std::string(schema::prefix::language) + code);
        state_->branches.push_back(Branch{std::move(query_language), std::move(parser), documents});
    }
}

QueryBuilder::~QueryBuilder() = default;

const QueryNotes& QueryBuilder::notes() const noexcept {
    return state_->problems->notes;
}

const Xapian::Stem& QueryBuilder::stemmer() const noexcept {
    return state_->branches.front().language.stemmer;
}

const Xapian::Stem& QueryBuilder::stemmer_for(const std::string& code) const noexcept {
    for (const auto& branch : state_->branches) {
        const auto& codes = branch.language.codes;
        if (std::find(codes.begin(), codes.end(), code) != codes.end())
            return branch.language.stemmer;
    }
    return stemmer();
}

Xapian::Query QueryBuilder::parse_with(Xapian::QueryParser& parser, const std::string& text,
                                       const std::string& query_string, unsigned flags) {
    state_->problems->first.reset();
    Xapian::Query query;
    try {
        query = parser.parse_query(text, flags);
    } catch (const Xapian::QueryParserError& e) {
        throw diagnose_syntax_error(query_string, e.get_msg());
    }
    if (const auto& problem = state_->problems->first)
        throw diagnose_field_problem(query_string, *problem);
    return query;
}

Xapian::Query QueryBuilder::parse(const std::string& query_string) {
    // A lone `*` is what Lucene's and Solr's users write for everything.
    if (trim(query_string).empty() || trim(query_string) == "*") return Xapian::Query::MatchAll;
    check_balanced(query_string);
    const PreparedQuery prepared = prepare_query(query_string);
    unsigned flags = parse_flags;
    if (prepared.capitals) {
        // A headline pasted as it was printed: "NOT GUILTY PLEA" is three words.
        flags &= ~static_cast<unsigned>(QueryParser::FLAG_BOOLEAN);
        state_->problems->notes.notice(
            "query", query_string,
            "the query is written in capitals, so AND, OR, NOT, XOR, NEAR and ADJ are read as "
            "words (to use them as operators, write the other words in lower case)");
    }
    // "-oil -opec": every document without them, which Xapian's parser, lacking a positive
    // part, would turn into the documents with them.
    if (prepared.negated)
        return Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query::MatchAll,
                             parse_text(*prepared.negated, query_string, flags));
    return parse_text(prepared.text, query_string, flags);
}

Xapian::Query QueryBuilder::parse_text(const std::string& text, const std::string& query_string,
                                       unsigned flags) {
    auto& branches = state_->branches;
    // Each language's parse is widened with that language's synonyms.
    const auto parsed_in = [&](Branch& branch) {
        Xapian::Query parsed = parse_with(branch.parser, text, query_string, flags);
        if (!state_->synonyms) return parsed;
        // A branch for the whole index has no codes: its synonyms are those of every language.
        const auto& codes =
            branch.language.codes.empty() ? state_->all_codes : branch.language.codes;
        return expand_synonyms(state_->db, parsed, codes, state_->problems->notes);
    };
    if (branches.size() == 1) return parsed_in(branches.front());
    // Each document is matched and weighted by the query in its own language only: the OR
    // of each language's parse, filtered to that language's documents. Languages whose
    // stemmers parse the query alike share one branch, and when all do, the query needs no
    // language filter at all: otherwise a word stemmed the same in English, Dutch and
    // Portuguese (Reuters has all three) is walked three times and each walk checked against
    // a language term that nearly every document has.
    struct Group {
        Xapian::Query parsed;
        std::string description;  // what tells two parses apart
        std::vector<std::string> codes;
        Xapian::doccount documents = 0;
    };
    std::vector<Group> groups;
    Xapian::doccount all_documents = 0;
    for (auto& branch : branches) {
        Xapian::Query parsed = parsed_in(branch);
        std::string description = parsed.get_description();
        auto same = std::find_if(groups.begin(), groups.end(), [&](const Group& group) {
            return group.description == description;
        });
        if (same == groups.end())
            same = groups.insert(groups.end(),
                                 Group{std::move(parsed), std::move(description), {}, 0});
        const auto& codes = branch.language.codes;
        same->codes.insert(same->codes.end(), codes.begin(), codes.end());
        same->documents += branch.documents;
        all_documents += branch.documents;
    }
    if (groups.size() == 1) return groups.front().parsed;
    // Every document has exactly one language term, so "in these languages" is also "in none
    // of the others". A filter is checked at each candidate: check whichever side holds fewer
    // documents (one language holds nearly all of Reuters: bench/RESULTS.md).
    std::vector<Xapian::Query> alternatives;
    for (const auto& group : groups) {
        if (group.documents > all_documents - group.documents) {
            std::vector<std::string> others;
            for (const auto& other : groups)
                if (&other != &group)
                    others.insert(others.end(), other.codes.begin(), other.codes.end());
            alternatives.emplace_back(Xapian::Query::OP_AND_NOT, group.parsed,
                                      language_filter(others));
        } else {
            alternatives.emplace_back(Xapian::Query::OP_FILTER, group.parsed,
                                      language_filter(group.codes));
        }
    }
    return Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
}

Xapian::Query QueryBuilder::build(const SearchRequest& request) {
    state_->problems->now = request.now;
    state_->problems->notes.clear();
    state_->synonyms = request.synonyms;
    Xapian::Query query = parse(request.query);
    std::vector<Xapian::Query> filters;
    const FilterResolver resolver(state_->db);
    QueryNotes& notes = state_->problems->notes;
    for (const auto& [values, field_name, field_prefix] :
         {std::tuple{&request.sources, "source", schema::prefix::source},
          std::tuple{&request.categories, "category", schema::prefix::category}}) {
        if (values->empty()) continue;
        const auto field = field_name;  // clang 14 cannot capture a structured binding
        const auto prefix = field_prefix;
        filters.push_back(any_of(*values, field, [&](const std::string& v) {
            return plain_filter(resolver, notes, field, prefix, v);
        }));
    }
    if (!request.entities.empty())
        filters.push_back(any_of(request.entities, "entity", [&](const std::string& v) {
            return entity_filter(resolver, notes, "entity", std::nullopt, v);
        }));
    if (request.from || request.to) {
        std::optional<std::int64_t> first;
        std::optional<std::int64_t> last;
        if (request.from) first = request_period(*request.from, "from", request.now).first;
        if (request.to) last = request_period(*request.to, "to", request.now).last;
        if (first && last && *first > *last)
            throw RequestError("from", *request.from, std::nullopt,
                               {{"from", true},
                                {" \"" + *request.from + "\" is after "},
                                {"to", true},
                                {" \"" + *request.to + "\""}});
        filters.push_back(date_range_query(state_->db, first, last));
    }
    if (filters.empty()) return query;
    // Filters select without weighting, so the ranking is that of the query text alone.
    return Xapian::Query(Xapian::Query::OP_FILTER, query,
                         Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end()));
}

}  // namespace newsdex::searcher
