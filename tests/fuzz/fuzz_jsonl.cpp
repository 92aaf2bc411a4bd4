/// @file fuzz_jsonl.cpp
/// @brief Fuzz target: read_jsonl on arbitrary bytes (JSON Lines).
#include "corpus/readers/jsonl_reader.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    newsdex::fuzz::read_as_file<newsdex::corpus::read_jsonl>(data, size, "fuzz.jsonl");
    return 0;
}
