/// @file fuzz_page.cpp
/// @brief Fuzz target: read_page on arbitrary bytes (scraped news pages).
#include "corpus/readers/page_reader.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    newsdex::fuzz::read_as_file<newsdex::corpus::read_page>(data, size,
                                                            "pages/aggregator/story.txt");
    return 0;
}
