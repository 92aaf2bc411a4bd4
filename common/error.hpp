/// @file error.hpp
/// @brief The one error hierarchy of newsdex: every library error derives from newsdex::Error.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

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
