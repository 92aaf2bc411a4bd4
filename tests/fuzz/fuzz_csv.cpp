/// @file fuzz_csv.cpp
/// @brief Fuzz target: read_csv on arbitrary bytes (CSV with a header row).
#include "corpus/readers/csv_reader.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    newsdex::fuzz::read_as_file<newsdex::corpus::read_csv>(data, size, "fuzz.csv");
    return 0;
}
