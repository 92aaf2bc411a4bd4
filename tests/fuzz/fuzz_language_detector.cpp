/// @file fuzz_language_detector.cpp
/// @brief Fuzz target: LanguageDetector (CLD2) on any text (first line the title).
#include "corpus/analysis/language_detector.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const newsdex::corpus::LanguageDetector detector;
    const newsdex::fuzz::TitleAndBody text(data, size);
    (void)detector.detect(text.title(), text.body());
    return 0;
}
