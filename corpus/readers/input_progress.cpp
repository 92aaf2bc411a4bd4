/// @file input_progress.cpp
/// @brief The inputs' sizes, measured before the read, and the position within a file.
#include "corpus/readers/input_progress.hpp"

#include <filesystem>
#include <ios>
#include <system_error>

namespace newsdex::corpus {

namespace fs = std::filesystem;

namespace {

/// The bytes of the files read_inputs() would take under `folder` (hidden entries and links
/// to folders left out, as its walk does); what cannot be listed counts nothing.
std::uint64_t folder_bytes(const fs::path& folder) {
    std::uint64_t bytes = 0;
    std::error_code walk;
    for (fs::recursive_directory_iterator
             it(folder, fs::directory_options::skip_permission_denied, walk),
         end;
         !walk && it != end; it.increment(walk)) {
        // An entry that cannot be asked about (a broken link) counts nothing; the walk goes on.
        std::error_code entry;
        if (it->path().filename().string().starts_with(".")) {
            if (it->is_directory(entry)) it.disable_recursion_pending();
            continue;
        }
        if (it->is_symlink(entry) && it->is_directory(entry)) {
            it.disable_recursion_pending();
            continue;
        }
        if (it->is_regular_file(entry)) {
            const std::uintmax_t size = it->file_size(entry);
            if (!entry) bytes += size;
        }
    }
    return bytes;
}

}  // namespace

void InputProgress::measure(const std::vector<std::string>& paths) {
    std::uint64_t total = 0;
    for (const auto& path : paths) {
        std::error_code ec;
        const fs::file_status status = fs::status(path, ec);
        if (path == "-" || fs::is_fifo(status)) {
            total_bytes_ = 0;  // a stream's length is unknown, and so is the whole
            return;
        }
        if (fs::is_directory(status))
            total += folder_bytes(path);
        else if (const std::uintmax_t size = fs::file_size(path, ec); !ec)
            total += size;
    }
    total_bytes_ = total;
}

void InputProgress::start_file(const std::string& name, std::streambuf* raw) {
    current_file_ = name;
    current_ = raw;
}

void InputProgress::finish_file(std::uint64_t size) {
    finished_bytes_ += size;
    current_file_.clear();
    current_ = nullptr;
}

std::uint64_t InputProgress::bytes_read() const {
    if (!current_) return finished_bytes_;
    // A query of the position: it moves nothing (-1 for a stream that cannot tell, a pipe).
    const std::streamoff position = current_->pubseekoff(0, std::ios::cur, std::ios::in);
    return finished_bytes_ + (position > 0 ? static_cast<std::uint64_t>(position) : 0);
}

}  // namespace newsdex::corpus
