/// @file json_writer.hpp
/// @brief A minimal streaming JSON writer (objects, arrays, strings, numbers, booleans).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

/// Appends well-formed JSON to a string. Commas are inserted automatically; keys are only
/// legal directly inside an object. Strings must be UTF-8 and are escaped per RFC 8259.
class JsonWriter {
  public:
    JsonWriter& begin_object();
    JsonWriter& end_object();
    JsonWriter& begin_array();
    JsonWriter& end_array();
    JsonWriter& key(std::string_view name);
    JsonWriter& value(std::string_view text);
    JsonWriter& value(const char* text) { return value(std::string_view(text)); }
    JsonWriter& value(std::int64_t number);
    JsonWriter& value(std::uint64_t number);
    JsonWriter& value(int number) { return value(static_cast<std::int64_t>(number)); }
    JsonWriter& value(double number);
    JsonWriter& value(bool flag);
    JsonWriter& null();

    /// The JSON text written so far.
    [[nodiscard]] const std::string& str() const noexcept { return out_; }

  private:
    void separate();
    std::string out_;
    std::vector<bool> has_items_;  // one entry per open container
    bool after_key_ = false;
};

/// `text` escaped as a JSON string literal, quotes included.
[[nodiscard]] std::string json_quote(std::string_view text);

}  // namespace newsdex
