/// @file fuzz_text.cpp
/// @brief Fuzz target: read_text on arbitrary bytes (a title line, then the body).
#include "corpus/readers/text_reader.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    newsdex::fuzz::read_as_file<newsdex::corpus::read_text>(data, size, "bbc/business/001.txt");
    return 0;
}
