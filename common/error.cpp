/// @file error.cpp
/// @brief Message formatting for the newsdex error types.
#include "common/error.hpp"

namespace newsdex {

namespace {
std::string joined(const std::vector<RequestError::Part>& parts,
                   const std::function<std::string(std::string_view)>& name) {
    std::string message;
    for (const auto& part : parts) message += part.is_field ? name(part.text) : part.text;
    return message;
}

std::string as_named(std::string_view field) {
    return std::string(field);
}

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

RequestError::RequestError(std::string field, std::string value, std::optional<std::uint64_t> limit,
                           std::vector<Part> message)
    : UsageError(joined(message, as_named)),
      field_(std::move(field)),
      value_(std::move(value)),
      limit_(limit),
      message_(std::move(message)) {}

std::string RequestError::worded(
    const std::function<std::string(std::string_view field)>& name) const {
    return joined(message_, name);
}

QueryError::QueryError(std::string query, std::size_t position, const std::string& reason)
    : UsageError("query error at position " + std::to_string(position + 1) + ": " + reason),
      query_(std::move(query)),
      position_(position) {}

}  // namespace newsdex
