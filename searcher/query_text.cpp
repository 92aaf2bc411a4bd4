/// @file query_text.cpp
/// @brief What Xapian's QueryParser would read otherwise than the user wrote: found, marked.
#include "searcher/query_text.hpp"

#include <algorithm>
#include <array>
#include <string_view>
#include <vector>

#include "common/accent_folding.hpp"
#include "common/error.hpp"
#include "common/text.hpp"
#include "common/word_boundaries.hpp"

namespace newsdex::searcher {

namespace {

/// Fields whose values are filter terms, passed to their processors as written.
constexpr std::array<std::string_view, 9> boolean_fields = {
    "source", "category", "id", "person", "org", "place", "entity", "date", "cluster"};

bool is_space(char c) noexcept {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool is_word_byte(char c) noexcept {
    const auto u = static_cast<unsigned char>(c);
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '_' ||
           u >= 0x80;
}

bool is_field_name_byte(char c) noexcept {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

/// Whether the byte before `at` separates tokens: the query's start, white space or '('.
bool separated(const std::string& query, std::size_t at) noexcept {
    return at == 0 || is_space(query[at - 1]) || query[at - 1] == '(';
}

/// Whether a sign ('+' or '-') that leads a token is just before `at`.
bool signed_at(const std::string& query, std::size_t at) noexcept {
    return at > 0 && (query[at - 1] == '-' || query[at - 1] == '+') && separated(query, at - 1);
}

/// Where a token may start: after a separator, or after a sign that follows one.
bool token_start(const std::string& query, std::size_t at) noexcept {
    return separated(query, at) || signed_at(query, at);
}

/// A `name:` at `at`, followed by a value: the name's length, else 0.
std::size_t field_name_at(const std::string& query, std::size_t at) noexcept {
    std::size_t end = at;
    while (end < query.size() && is_field_name_byte(query[end])) ++end;
    if (end == at || end + 1 >= query.size() || query[end] != ':') return 0;
    if (is_space(query[end + 1]) || query[end + 1] == ')') return 0;
    return end - at;
}

/// The end of the field value starting at `at`: a quoted value or a run up to white space or ')'.
std::size_t value_end(const std::string& query, std::size_t at) noexcept {
    if (at < query.size() && query[at] == '"') {
        const auto close = query.find('"', at + 1);
        return close == std::string::npos ? query.size() : close + 1;
    }
    while (at < query.size() && !is_space(query[at]) && query[at] != ')') ++at;
    return at;
}

/// A span of the query that is a field's value, left as written.
struct Span {
    std::size_t begin;
    std::size_t end;
};

/// The part of the query the checks below look at, with what they learn on the way.
class Scan {
  public:
    explicit Scan(const std::string& query) : query_(query) {}

    void run() {
        for (std::size_t i = 0; i < query_.size(); ++i) {
            const char c = query_[i];
            if (c == '"') {
                if (!in_quotes_ && token_start(query_, i)) note_part(i);
                in_quotes_ = !in_quotes_;
                continue;
            }
            if (!in_quotes_ && token_start(query_, i)) {
                if (const std::size_t name = field_name_at(query_, i)) {
                    i = field(i, name) - 1;
                    continue;
                }
            }
            if (c == '*')
                wildcard(i);
            else if (c == '?')
                question_mark(i);
            else if (!in_quotes_)
                structure(i);
            count_case(c);
        }
        close_group();
    }

    [[nodiscard]] const std::vector<Span>& values() const noexcept { return values_; }
    [[nodiscard]] const std::vector<std::size_t>& wildcards() const noexcept { return stars_; }
    [[nodiscard]] bool capitals() const noexcept {
        return upper_ > 0 && lower_ == 0 && has_operator_word();
    }
    /// Positions of the `-` signs when every top-level part is negated; empty otherwise.
    [[nodiscard]] std::vector<std::size_t> pure_negation() const {
        return top_.parts > 0 && top_.parts == top_.negated ? top_.signs
                                                            : std::vector<std::size_t>{};
    }

  private:
    /// What one bracket level holds: its parts and how many are negated with `-`.
    struct Group {
        std::size_t open = 0;
        std::size_t parts = 0;
        std::size_t negated = 0;
        std::vector<std::size_t> signs;
    };

    /// A `name:value` at `at`: boolean values are skipped, an unknown name is an error.
    /// Returns where the scan goes on.
    std::size_t field(std::size_t at, std::size_t name_length) {
        const std::string_view name(query_.data() + at, name_length);
        const std::size_t value = at + name_length + 1;
        note_part(at);
        if (std::find(boolean_fields.begin(), boolean_fields.end(), name) != boolean_fields.end()) {
            const std::size_t end = value_end(query_, value);
            values_.push_back({value, end});
            return end;
        }
        if (name == "title") return value;  // free text: marked and checked as the rest
        const std::string lower = ascii_lower(name);
        const bool lower_case_known =
            lower == "title" ||
            std::find(boolean_fields.begin(), boolean_fields.end(), lower) != boolean_fields.end();
        throw QueryError(query_, at,
                         "unknown field \"" + std::string(name) + ":\" (" +
                             (lower_case_known ? "fields are written in lower case; " : "") +
                             "the fields are " + known_fields() +
                             "; to search for the words, quote them: \"" + std::string(name) + ":" +
                             query_.substr(value, value_end(query_, value) - value) + "\")");
    }

    void wildcard(std::size_t at) {
        const bool after_word = at > 0 && is_word_byte(query_[at - 1]);
        const bool before_word = at + 1 < query_.size() && is_word_byte(query_[at + 1]);
        if (in_quotes_)
            throw QueryError(query_, at,
                             "a wildcard does not work inside a phrase (take the phrase's "
                             "quotes away, or the '*')");
        if (!after_word)
            throw QueryError(query_, at,
                             "a wildcard goes at the end of a word: newsdex matches the "
                             "start of words (write oil* for oil, oils, oilfield, ...)");
        if (before_word)
            throw QueryError(query_, at,
                             "a wildcard goes at the end of a word: newsdex matches the "
                             "start of words only (write " +
                                 word_before(at) + "* instead)");
        stars_.push_back(at);
    }

    void question_mark(std::size_t at) {
        // A question's own mark ("what is oil?") is punctuation, as Xapian reads it.
        const bool before_word = at + 1 < query_.size() && is_word_byte(query_[at + 1]);
        const bool after_word = at > 0 && is_word_byte(query_[at - 1]);
        if (after_word && before_word)
            throw QueryError(query_, at,
                             "'?' is not a wildcard newsdex knows (only a trailing '*' is: "
                             "write " +
                                 word_before(at) + "* for the words starting with \"" +
                                 word_before(at) + "\")");
    }

    /// Brackets and the parts of each bracket level, for the negation checks.
    void structure(std::size_t at) {
        const char c = query_[at];
        if (c == '(') {
            if (signed_at(query_, at) && query_[at - 1] == '-')
                throw QueryError(query_, at - 1,
                                 "'-' does not negate a bracket (write NOT before it: "
                                 "NOT (...))");
            note_part(at);
            groups_.push_back(Group{at, 0, 0, {}});
        } else if (c == ')') {
            close_group();
        } else if (!is_space(c) && c != '+' && c != '-' && c != ')' && token_start(query_, at)) {
            note_part(at);
        }
    }

    /// A part of the current bracket level starts at `at`; negated when a `-` leads it.
    void note_part(std::size_t at) {
        Group& group = groups_.empty() ? top_ : groups_.back();
        ++group.parts;
        if (signed_at(query_, at) && query_[at - 1] == '-') {
            ++group.negated;
            group.signs.push_back(at - 1);
        }
    }

    void close_group() {
        if (groups_.empty()) return;
        const Group group = groups_.back();
        groups_.pop_back();
        if (group.parts > 0 && group.parts == group.negated)
            throw QueryError(query_, group.open,
                             "the brackets hold only negated words, which Xapian would "
                             "search for instead (write NOT (...) with the words unsigned)");
    }

    void count_case(char c) noexcept {
        if (c >= 'a' && c <= 'z') ++lower_;
        if (c >= 'A' && c <= 'Z') ++upper_;
    }

    /// The word that ends just before `at`.
    [[nodiscard]] std::string word_before(std::size_t at) const {
        std::size_t start = at;
        while (start > 0 && is_word_byte(query_[start - 1])) --start;
        return query_.substr(start, at - start);
    }

    [[nodiscard]] bool has_operator_word() const {
        static constexpr std::array<std::string_view, 6> operators = {"AND", "OR",   "NOT",
                                                                      "XOR", "NEAR", "ADJ"};
        for (std::size_t i = 0; i < query_.size();) {
            if (!is_word_byte(query_[i])) {
                ++i;
                continue;
            }
            std::size_t end = i;
            while (end < query_.size() && (is_word_byte(query_[end]) || query_[end] == '/')) ++end;
            std::string_view word(query_.data() + i, end - i);
            word = word.substr(0, word.find('/'));
            if (std::find(operators.begin(), operators.end(), word) != operators.end()) return true;
            i = end;
        }
        return false;
    }

    const std::string& query_;
    bool in_quotes_ = false;
    std::size_t lower_ = 0;
    std::size_t upper_ = 0;
    std::vector<Span> values_;
    std::vector<std::size_t> stars_;
    Group top_;
    std::vector<Group> groups_;
};

/// Folds the accents of the wildcard patterns ending at `stars`: stems are folded.
void fold_patterns(std::string& text, const std::vector<std::size_t>& stars) {
    for (auto star = stars.rbegin(); star != stars.rend(); ++star) {
        std::size_t start = *star;
        while (start > 0 && is_word_byte(text[start - 1])) --start;
        // Folding may shorten the text (é is 2 bytes, e 1): positions are the query's only up
        // to the last wildcard, which is why errors are found in the query as written.
        text.replace(start, *star - start,
                     fold_accents(std::string_view(text).substr(start, *star - start)));
    }
}

}  // namespace

const char* known_fields() noexcept {
    return "title, source, category, id, person, org, place, entity, date and cluster";
}

PreparedQuery prepare_query(const std::string& query) {
    Scan scan(query);
    scan.run();
    PreparedQuery prepared;
    prepared.text = query;
    mark_word_boundaries(prepared.text);
    // Field values go to their processors as written: place:"U.S." is an alias to look up.
    for (const auto& value : scan.values())
        prepared.text.replace(value.begin, value.end - value.begin, query, value.begin,
                              value.end - value.begin);
    fold_patterns(prepared.text, scan.wildcards());
    prepared.capitals = scan.capitals();
    if (const auto signs = scan.pure_negation(); !signs.empty()) {
        std::string unsigned_text = prepared.text;
        for (const std::size_t sign : signs) unsigned_text[sign] = ' ';
        prepared.negated = std::move(unsigned_text);
    }
    return prepared;
}

}  // namespace newsdex::searcher
