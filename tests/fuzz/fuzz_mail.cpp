/// @file fuzz_mail.cpp
/// @brief Fuzz target: read_mail on arbitrary bytes (mail and Usenet posts).
#include "corpus/readers/mail_reader.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    newsdex::fuzz::read_as_file<newsdex::corpus::read_mail>(data, size, "alt.atheism/51060");
    return 0;
}
