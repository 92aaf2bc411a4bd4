/// @file fuzz_reuters.cpp
/// @brief Fuzz target: read_reuters on arbitrary bytes (Reuters-21578 SGML).
#include <sstream>

#include "corpus/readers/reuters_reader.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // The only reader without ReadOptions: the collection fixes its source and dates.
    std::istringstream in(newsdex::fuzz::as_text(data, size));
    newsdex::corpus::read_reuters(in, "reut2-000.sgm", {}, newsdex::fuzz::discarding_sink());
    return 0;
}
