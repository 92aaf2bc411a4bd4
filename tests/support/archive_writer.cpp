/// @file archive_writer.cpp
/// @brief Compressed fixtures written through libarchive's write API.
#include "support/archive_writer.hpp"

#include <archive.h>
#include <archive_entry.h>

#include <catch2/catch.hpp>

namespace newsdex::test {

void write_fixture(const std::filesystem::path& file, int filter, bool tar,
                   const std::vector<Member>& members) {
    archive* a = archive_write_new();
    REQUIRE(archive_write_add_filter(a, filter) == ARCHIVE_OK);
    REQUIRE((tar ? archive_write_set_format_pax_restricted(a) : archive_write_set_format_raw(a)) ==
            ARCHIVE_OK);
    REQUIRE(archive_write_open_filename(a, file.c_str()) == ARCHIVE_OK);
    for (const auto& member : members) {
        archive_entry* entry = archive_entry_new();
        archive_entry_set_pathname(entry, member.path.c_str());
        archive_entry_set_size(entry, static_cast<la_int64_t>(member.data.size()));
        archive_entry_set_filetype(entry, AE_IFREG);
        archive_entry_set_perm(entry, 0644);
        archive_entry_set_mtime(entry, member.mtime, 0);
        REQUIRE(archive_write_header(a, entry) == ARCHIVE_OK);
        REQUIRE(archive_write_data(a, member.data.data(), member.data.size()) ==
                static_cast<la_ssize_t>(member.data.size()));
        archive_entry_free(entry);
    }
    REQUIRE(archive_write_close(a) == ARCHIVE_OK);
    archive_write_free(a);
}

}  // namespace newsdex::test
