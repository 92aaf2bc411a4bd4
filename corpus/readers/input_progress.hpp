/// @file input_progress.hpp
/// @brief How far a read_inputs() call has got through its inputs, in bytes, for a progress
/// line: the inputs' total size where it is known, the bytes read, the file being read.
#pragma once

#include <cstdint>
#include <streambuf>
#include <string>

namespace newsdex::corpus {

/// Kept by read_inputs() (ReadOptions::progress) on the reading thread; read from the sink's
/// callbacks, which run on that thread too, between two records. A compressed file counts
/// its compressed bytes: what was taken from the file, not what it expands to.
class InputProgress {
  public:
    /// Bytes of all the inputs: their regular files and the files under their folders; 0
    /// when unknown (standard input or a pipe among them).
    [[nodiscard]] std::uint64_t total_bytes() const noexcept { return total_bytes_; }
    /// Bytes read: the files done, and as far as the current one was read.
    [[nodiscard]] std::uint64_t bytes_read() const;
    /// The file being read ("-" for standard input); empty between files.
    [[nodiscard]] const std::string& current_file() const noexcept { return current_file_; }

    // For read_inputs().
    /// Sets total_bytes(): read_inputs() measures the inputs by the rules it reads them by.
    void set_total_bytes(std::uint64_t bytes) noexcept { total_bytes_ = bytes; }
    /// A file starts; `raw` is its stream as opened (its position is the bytes taken so far).
    void start_file(const std::string& name, std::streambuf* raw);
    /// It is done (read, passed over or refused): all its `size` bytes count as read.
    void finish_file(std::uint64_t size);

  private:
    std::uint64_t total_bytes_ = 0;
    std::uint64_t finished_bytes_ = 0;
    std::string current_file_;
    std::streambuf* current_ = nullptr;
};

}  // namespace newsdex::corpus
