/// @file fuzz_compressed.cpp
/// @brief Fuzz target: compressed files and archives through libarchive, each member read as
/// JSON Lines through the decompressing streambuf.
#include <istream>
#include <sstream>

#include "corpus/readers/compressed_input.hpp"
#include "corpus/readers/jsonl_reader.hpp"
#include "fuzz_support.hpp"

namespace {

/// Reads a decompressed member to its end, as the JSON Lines reader does with a .jsonl.gz.
void read_member_as_jsonl(std::streambuf& in, const std::string& name, const std::string&, bool,
                          const newsdex::corpus::ReadOptions& options,
                          const newsdex::corpus::ArticleSink& sink) {
    std::istream stream(&in);
    newsdex::corpus::read_jsonl(stream, name, options, sink);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string bytes = newsdex::fuzz::as_text(data, size);
    // Detection looks at the name and the first bytes; both must cope with anything.
    (void)newsdex::corpus::is_compressed("fuzz.bin", bytes);
    std::stringbuf raw(bytes, std::ios::in);
    newsdex::corpus::ReadOptions options;
    options.now = newsdex::fuzz::fixed_now;
    newsdex::corpus::read_compressed(raw, "fuzz.tar.gz", true, options, read_member_as_jsonl,
                                     newsdex::fuzz::discarding_sink());
    return 0;
}
