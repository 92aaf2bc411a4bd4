/// @file error.cpp
/// @brief Message formatting for the newsdex error types.
#include "common/error.hpp"

namespace newsdex {

namespace {
std::string located(const std::string& file, std::uint64_t line, const std::string& reason) {
    if (line == 0) return file + ": " + reason;
    return file + ":" + std::to_string(line) + ": " + reason;
}
}  // namespace

ParseError::ParseError(std::string file, std::uint64_t line, std::string reason)
    : Error(located(file, line, reason)),
      file_(std::move(file)),
      line_(line),
      reason_(std::move(reason)) {}

QueryError::QueryError(std::string query, std::size_t position, const std::string& reason)
    : UsageError("query error at position " + std::to_string(position + 1) + ": " + reason),
      query_(std::move(query)),
      position_(position) {}

}  // namespace newsdex
