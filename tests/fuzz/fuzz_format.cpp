/// @file fuzz_format.cpp
/// @brief Fuzz target: format detection from a file's first bytes, under the names a walk
/// meets (the head is what input_reader.cpp reads before choosing a reader).
#include <array>
#include <string_view>

#include "corpus/page/page_stories.hpp"
#include "corpus/readers/format.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string head = newsdex::fuzz::as_text(data, size);
    constexpr std::array<std::string_view, 5> names{"", "-", "story.txt", "README.txt",
                                                    "alt.atheism/51060"};
    for (const auto name : names) (void)newsdex::corpus::detect_format(name, head);
    (void)newsdex::corpus::looks_like_page(head, 1);
    return 0;
}
