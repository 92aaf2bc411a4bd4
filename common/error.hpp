/// @file error.hpp
/// @brief The one error hierarchy of newsdex: every library error derives from newsdex::Error.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

/// Root of every error newsdex throws; what() is a message a user can act on.
class Error : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// The command line or a library call was used wrongly (programs exit 2).
class UsageError : public Error {
  public:
    using Error::Error;
};

/// A value of a request that a library refuses (a search's filters, page or facets, a reader's
/// field map): the request field at fault ("source", "from", "offset", "facet_limit"), the value
/// as given, and the limit where there is one. what() names fields as the request does
/// ("offset 9995 + limit 10 reaches hit 10005; ..."); worded() lets each program name them its
/// own way (the command-line programs as flags, an HTTP API as its parameters).
class RequestError : public UsageError {
  public:
    /// A piece of a message: plain text, or the name of a request field.
    struct Part {
        std::string text;
        bool is_field = false;
    };

    /// `message` is the whole message, the fields it mentions as field parts.
    RequestError(std::string field, std::string value, std::optional<std::uint64_t> limit,
                 std::vector<Part> message);

    [[nodiscard]] const std::string& field() const noexcept { return field_; }
    [[nodiscard]] const std::string& value() const noexcept { return value_; }
    [[nodiscard]] std::optional<std::uint64_t> limit() const noexcept { return limit_; }

    /// The message with each field it mentions named by `name`.
    [[nodiscard]] std::string worded(
        const std::function<std::string(std::string_view field)>& name) const;

  private:
    std::string field_;
    std::string value_;
    std::optional<std::uint64_t> limit_;
    std::vector<Part> message_;
};

/// An input file could not be read or a record in it is malformed.
/// what() is "file:line: reason" (line 0 means the whole file).
class ParseError : public Error {
  public:
    ParseError(std::string file, std::uint64_t line, std::string reason);

    [[nodiscard]] const std::string& file() const noexcept { return file_; }
    [[nodiscard]] std::uint64_t line() const noexcept { return line_; }
    [[nodiscard]] const std::string& reason() const noexcept { return reason_; }

  private:
    std::string file_;
    std::uint64_t line_;
    std::string reason_;
};

/// A query string that does not parse; position is a 0-based byte offset into the query.
class QueryError : public UsageError {
  public:
    QueryError(std::string query, std::size_t position, const std::string& reason);

    [[nodiscard]] const std::string& query() const noexcept { return query_; }
    [[nodiscard]] std::size_t position() const noexcept { return position_; }

  private:
    std::string query_;
    std::size_t position_;
};

/// An index that is missing, unreadable, locked or not a newsdex index.
class IndexError : public Error {
  public:
    using Error::Error;
};

}  // namespace newsdex
