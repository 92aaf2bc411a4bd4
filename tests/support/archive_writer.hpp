/// @file archive_writer.hpp
/// @brief Test helper: compressed files and archives written with libarchive at test time.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace newsdex::test {

/// One file to put in a fixture.
struct Member {
    std::string path;
    std::string data;
    std::int64_t mtime = 0;
};

/// Writes `members` to `file` through libarchive: compressed with `filter`
/// (ARCHIVE_FILTER_GZIP, ...), as a tar archive or, with `tar` false, one bare compressed file.
void write_fixture(const std::filesystem::path& file, int filter, bool tar,
                   const std::vector<Member>& members);

}  // namespace newsdex::test
