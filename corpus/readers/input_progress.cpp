/// @file input_progress.cpp
/// @brief The bytes of the files done, and the position within the current one.
#include "corpus/readers/input_progress.hpp"

#include <ios>

namespace newsdex::corpus {

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
