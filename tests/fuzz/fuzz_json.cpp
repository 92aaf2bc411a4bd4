/// @file fuzz_json.cpp
/// @brief Fuzz target: read_json on arbitrary bytes (one object, or a streamed array).
#include "corpus/readers/json_reader.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    newsdex::fuzz::read_as_file<newsdex::corpus::read_json>(data, size, "fuzz.json");
    return 0;
}
