/// @file fuzz_entity_extractor.cpp
/// @brief Fuzz target: EntityExtractor on any text (first line the title, the rest the body).
#include "corpus/analysis/entity_extractor.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // Built once: the gazetteer loads iso-codes and tzdata, far slower than one extraction.
    static const newsdex::corpus::EntityExtractor extractor;
    const newsdex::fuzz::TitleAndBody text(data, size);
    (void)extractor.extract(text.title(), text.body());
    return 0;
}
