/// @file csv_reader.cpp
/// @brief An RFC 4180 record splitter and the header-driven mapping of records to Articles.
#include "corpus/readers/csv_reader.hpp"

#include <optional>
#include <sstream>
#include <vector>

#include "common/text.hpp"
#include "corpus/readers/record_support.hpp"

namespace newsdex::corpus {

namespace {

using Buf = std::streambuf;
constexpr int eof = Buf::traits_type::eof();

/// One CSV record and where it starts.
struct Record {
    std::vector<std::string> fields;
    std::uint64_t line = 0;  ///< physical line of its first byte
    bool unclosed = false;   ///< a quoted field was still open at the end of the input
    std::string raw;         ///< the bytes it was read from (to read again when unclosed)
};

/// Splits a stream into CSV records, counting physical lines.
class RecordSplitter {
  public:
    explicit RecordSplitter(Buf& buf, std::uint64_t first_line = 1)
        : buf_(buf), line_(first_line) {}

    /// The next record, or nullopt at the end of the input.
    std::optional<Record> next() {
        if (buf_.sgetc() == eof) return std::nullopt;
        Record record;
        record.line = line_;
        std::string field;
        bool quoted = false, at_field_start = true;
        for (int c = buf_.sbumpc();; c = buf_.sbumpc()) {
            if (c == eof) {
                record.unclosed = quoted;
                break;
            }
            record.raw.push_back(static_cast<char>(c));
            if (c == '\n') ++line_;
            if (quoted) {
                if (c != '"') {
                    field.push_back(static_cast<char>(c));
                } else if (buf_.sgetc() == '"') {
                    field.push_back('"');
                    record.raw.push_back(static_cast<char>(buf_.sbumpc()));
                } else {
                    quoted = false;
                }
                continue;
            }
            if (c == '\r' && buf_.sgetc() == '\n') continue;  // the \n ends the record next
            if (c == '\n') break;
            if (c == ',') {
                record.fields.push_back(std::move(field));
                field.clear();
                at_field_start = true;
                continue;
            }
            // A quote opens a quoted field only at its start; elsewhere it is kept as text,
            // as most CSV writers and readers do with stray quotes.
            if (c == '"' && at_field_start) {
                quoted = true;
            } else {
                field.push_back(static_cast<char>(c));
            }
            at_field_start = false;
        }
        record.fields.push_back(std::move(field));
        return record;
    }

  private:
    Buf& buf_;
    std::uint64_t line_;
};

/// How many times one file's rows are read again after a quote that is never closed: each time
/// costs a pass over the rest of the file.
constexpr int max_rereads = 16;

bool equals_nocase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t k = 0; k < a.size(); ++k)
        if ((a[k] | 0x20) != (b[k] | 0x20)) return false;
    return true;
}

/// Which column fills each field, decided once from the header.
class ColumnMap {
  public:
    /// Maps `header`; throws BadRecord when a mapped column is missing or no column holds
    /// text.
    ColumnMap(std::vector<std::string> header, const FieldMap& field_map) {
        if (!header.empty() && header[0].starts_with("\xEF\xBB\xBF")) header[0].erase(0, 3);
        const FieldNames names(field_map);
        for (const auto field : all_article_fields) {
            auto& column = columns_[static_cast<std::size_t>(field)];
            for (const auto& name : names[field]) {
                column = find(header, name);
                if (column) break;
            }
            if (!column && names.mapped(field))
                throw BadRecord{"no column \"" + names[field].front() + "\" for --field " +
                                std::string(to_string(field)) + "=" + names[field].front()};
        }
        if (!columns_[index(ArticleField::title)] && !columns_[index(ArticleField::body)])
            throw BadRecord{
                "the header names no title or body column (e.g. title, headline, "
                "body, text); map one with --field"};
        width_ = header.size();
    }

    /// The cell of `field` in `record`, or "" when no column maps to it.
    [[nodiscard]] std::string_view cell(const Record& record, ArticleField field) const {
        const auto column = columns_[index(field)];
        return column ? std::string_view(record.fields[*column]) : std::string_view();
    }

    [[nodiscard]] std::size_t width() const { return width_; }

  private:
    static std::size_t index(ArticleField field) { return static_cast<std::size_t>(field); }

    static std::optional<std::size_t> find(const std::vector<std::string>& header,
                                           std::string_view name) {
        for (std::size_t k = 0; k < header.size(); ++k)
            if (equals_nocase(trim(header[k]), name)) return k;
        return std::nullopt;
    }

    std::array<std::optional<std::size_t>, all_article_fields.size()> columns_;
    std::size_t width_ = 0;
};

/// A cell holding several values ("Jane Doe; John Roe").
std::vector<std::string> split_list(std::string_view cell) {
    std::vector<std::string> out;
    while (!cell.empty()) {
        const std::size_t end = cell.find_first_of(";|");
        std::string value = collapse_whitespace(to_valid_utf8(cell.substr(0, end)));
        if (!value.empty()) out.push_back(std::move(value));
        cell = end == std::string_view::npos ? std::string_view() : cell.substr(end + 1);
    }
    return out;
}

Article to_article(const Record& record, const ColumnMap& columns, std::string_view source) {
    using F = ArticleField;
    const auto text = [&](F field) { return to_valid_utf8(columns.cell(record, field)); };
    Article article;
    article.id = std::string(trim(text(F::id)));
    article.title = collapse_whitespace(text(F::title));
    article.body = std::string(trim(text(F::body)));
    article.source = collapse_whitespace(text(F::source));
    article.url = std::string(trim(text(F::url)));
    article.language = std::string(trim(text(F::language)));
    set_date(article, text(F::date));
    article.authors = split_list(columns.cell(record, F::authors));
    article.categories = split_list(columns.cell(record, F::categories));
    finish_article(article, source);
    return article;
}

bool is_blank(const Record& record) {
    return record.fields.size() == 1 && trim(record.fields[0]).empty();
}

/// Reads the rows after the header; reports each bad one and goes on. A quote never closed
/// swallowed the rest of the file into its record: that record is reported and the lines after
/// its first are read again as rows, so one stray quote does not lose the rows after it.
void read_rows(RecordSplitter& records, const ColumnMap& columns, const std::string& file_name,
               const ReadOptions& options, const ArticleSink& sink, int rereads = 0) {
    while (auto record = records.next()) {
        if (record->unclosed) {
            sink.on_problem(
                ParseError(file_name, record->line, "quoted field not closed at end of file"));
            const std::size_t first_line_end = record->raw.find('\n');
            if (first_line_end == std::string::npos || rereads == max_rereads) return;
            std::istringstream rest(record->raw.substr(first_line_end + 1));
            record->raw.clear();
            RecordSplitter again(*rest.rdbuf(), record->line + 1);
            return read_rows(again, columns, file_name, options, sink, rereads + 1);
        }
        if (const std::size_t nul = record->raw.find('\0'); nul != std::string::npos) {
            sink.on_problem(ParseError(file_name, record->line,
                                       "binary data, not text: a NUL byte at byte " +
                                           std::to_string(nul) + " of the record"));
            continue;
        }
        if (is_blank(*record)) continue;
        if (record->fields.size() != columns.width()) {
            sink.on_problem(
                ParseError(file_name, record->line,
                           "wrong field count: " + std::to_string(record->fields.size()) +
                               " fields where the header has " + std::to_string(columns.width())));
            continue;
        }
        try {
            Article article = to_article(*record, columns, options.source);
            article.origin_file = file_name;
            article.origin_line = record->line;
            sink.on_article(std::move(article));
        } catch (const BadRecord& bad) {
            sink.on_problem(ParseError(file_name, record->line, bad.reason));
        }
    }
}

}  // namespace

void read_csv(std::istream& in, const std::string& file_name, const ReadOptions& options,
              const ArticleSink& sink) {
    RecordSplitter records(*in.rdbuf());
    auto header = records.next();
    if (!header) {
        sink.on_problem(ParseError(file_name, 0, "empty file: no CSV header row"));
        return;
    }
    try {
        const ColumnMap columns(std::move(header->fields), options.field_map);
        read_rows(records, columns, file_name, options, sink);
    } catch (const BadRecord& bad) {
        sink.on_problem(ParseError(file_name, 1, bad.reason));
    }
    if (in.bad()) sink.on_problem(ParseError(file_name, 0, "read error"));
}

}  // namespace newsdex::corpus
