/// @file compressed_input.cpp
/// @brief libarchive behind std::streambuf: compressed files and archive members as streams.
#include "corpus/readers/compressed_input.hpp"

#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <array>
#include <memory>
#include <vector>

namespace newsdex::corpus {

namespace {

/// Bytes moved per read, both from the compressed source and out of libarchive.
constexpr std::size_t block_size = 1 << 16;

/// Suffixes of compressed files, longest first, and what each leaves behind.
struct Suffix {
    std::string_view suffix;
    std::string_view replacement;
};
constexpr std::array<Suffix, 10> suffixes = {{{".tbz2", ".tar"},
                                              {".tzst", ".tar"},
                                              {".zstd", ""},
                                              {".bz2", ""},
                                              {".tgz", ".tar"},
                                              {".txz", ".tar"},
                                              {".zst", ""},
                                              {".gz", ""},
                                              {".xz", ""},
                                              {".zip", ""}}};

bool ends_with_nocase(std::string_view text, std::string_view suffix) {
    if (text.size() < suffix.size()) return false;
    text = text.substr(text.size() - suffix.size());
    return std::equal(text.begin(), text.end(), suffix.begin(),
                      [](char a, char b) { return (a | 0x20) == b; });
}

bool has_magic(std::string_view head) {
    static const std::array<std::string_view, 5> magics = {std::string_view("\x1f\x8b", 2), "BZh",
                                                           std::string_view("\xfd"
                                                                            "7zXZ\0",
                                                                            6),
                                                           std::string_view("\x28\xb5\x2f\xfd", 4),
                                                           "PK\x03\x04"};
    for (const auto magic : magics)
        if (head.starts_with(magic)) return true;
    // POSIX tar: "ustar" at byte 257 of the first header.
    return head.size() > 262 && head.substr(257, 5) == "ustar";
}

struct ArchiveDeleter {
    void operator()(archive* a) const noexcept { archive_read_free(a); }
};
using ArchivePtr = std::unique_ptr<archive, ArchiveDeleter>;

/// libarchive's source: the compressed bytes, pulled from a std::streambuf.
struct RawSource {
    std::streambuf* buf = nullptr;
    std::vector<char> block = std::vector<char>(block_size);
    std::uint64_t bytes = 0;  ///< handed to libarchive so far
};

la_ssize_t read_raw(archive*, void* context, const void** out) {
    auto* source = static_cast<RawSource*>(context);
    const std::streamsize n =
        source->buf->sgetn(source->block.data(), static_cast<std::streamsize>(block_size));
    *out = source->block.data();
    if (n <= 0) return 0;
    source->bytes += static_cast<std::uint64_t>(n);
    return static_cast<la_ssize_t>(n);
}

/// The current entry's decompressed bytes as a std::streambuf. It stops at the first error and
/// remembers it, with how far the readable data went.
class EntryBuf : public std::streambuf {
  public:
    explicit EntryBuf(archive* a) : archive_(a), block_(block_size) {}

    [[nodiscard]] bool failed() const noexcept { return !error_.empty(); }
    [[nodiscard]] const std::string& error() const noexcept { return error_; }
    [[nodiscard]] std::uint64_t bytes() const noexcept { return bytes_; }
    /// The line the readable data ends in (1-based).
    [[nodiscard]] std::uint64_t line() const noexcept { return newlines_ + 1; }

  protected:
    int_type underflow() override {
        if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
        if (done_) return traits_type::eof();
        const la_ssize_t n = archive_read_data(archive_, block_.data(), block_.size());
        if (n <= 0) {
            done_ = true;
            if (n < 0) {
                const char* message = archive_error_string(archive_);
                error_ = message ? message : "unreadable compressed data";
            }
            return traits_type::eof();
        }
        const auto size = static_cast<std::size_t>(n);
        bytes_ += size;
        newlines_ +=
            static_cast<std::uint64_t>(std::count(block_.data(), block_.data() + size, '\n'));
        setg(block_.data(), block_.data(), block_.data() + size);
        return traits_type::to_int_type(*gptr());
    }

  private:
    archive* archive_;
    std::vector<char> block_;
    std::string error_;
    std::uint64_t bytes_ = 0;
    std::uint64_t newlines_ = 0;
    bool done_ = false;
};

ArchivePtr open_archive(RawSource& source) {
    ArchivePtr a(archive_read_new());
    archive_read_support_filter_all(a.get());
    archive_read_support_format_tar(a.get());
    archive_read_support_format_zip(a.get());
    // "raw" takes a single compressed file that is no archive, as one entry.
    archive_read_support_format_raw(a.get());
    // A failed open leaves the archive in its fatal state: the first header read reports it.
    archive_read_open(a.get(), &source, nullptr, read_raw, nullptr);
    return a;
}

std::string error_of(archive* a) {
    const char* message = archive_error_string(a);
    return message ? message : "unreadable compressed data";
}

/// Directories, links, and hidden members (".git/", "._x" from macOS) are no articles.
bool skip_member(archive_entry* entry) {
    if (archive_entry_filetype(entry) != AE_IFREG) return true;
    const std::string_view path =
        archive_entry_pathname(entry) ? archive_entry_pathname(entry) : "";
    for (std::size_t start = 0; start < path.size();) {
        const std::size_t end = std::min(path.find('/', start), path.size());
        const std::string_view part = path.substr(start, end - start);
        if (part.starts_with('.') && part != "." && part != "..") return true;
        if (part == "__MACOSX") return true;
        start = end + 1;
    }
    return path.empty();
}

/// A sink that drops the reader's complaints once the data has failed: they are about the
/// cut-off tail, which the one truncation problem already reports.
ArticleSink quiet_after_failure(const ArticleSink& sink, const EntryBuf& buf) {
    return {sink.on_article, [&sink, &buf](const ParseError& problem) {
                if (!buf.failed()) sink.on_problem(problem);
            }};
}

/// Why a file libarchive took as one plain entry is no compressed file after all, or nullptr.
/// "raw" takes anything, so garbage and mislabelled files land here.
const char* not_single_file(archive* a, std::string_view name) {
    if (archive_filter_code(a, 0) == ARCHIVE_FILTER_NONE)
        return "not compressed (no gzip, bzip2, xz or zstd data) and not a tar or zip archive";
    if (strip_compression_suffix(name).ends_with(".tar"))
        return "compressed, but not a tar archive";
    return nullptr;
}

std::string truncation_reason(const EntryBuf& buf, archive* a) {
    // The kind before the colon stays the same for every file, so that summaries group it.
    return "compressed data ends early or is corrupt: " + buf.error() + " (readable up to byte " +
           std::to_string(buf.bytes()) + " of the decompressed data, byte " +
           std::to_string(archive_filter_bytes(a, -1)) + " of the file)";
}

}  // namespace

bool is_compressed(std::string_view file_name, std::string_view head) {
    if (ends_with_nocase(file_name, ".tar")) return true;
    for (const auto& s : suffixes)
        if (ends_with_nocase(file_name, s.suffix)) return true;
    return has_magic(head);
}

std::string strip_compression_suffix(std::string_view file_name) {
    for (const auto& s : suffixes)
        if (ends_with_nocase(file_name, s.suffix))
            return std::string(file_name.substr(0, file_name.size() - s.suffix.size())) +
                   std::string(s.replacement);
    return std::string(file_name);
}

void read_compressed(std::streambuf& raw, const std::string& name, bool named,
                     const ReadOptions& options, const DecompressedReader& read_file,
                     const ArticleSink& sink) {
    RawSource source{&raw};
    const ArchivePtr a = open_archive(source);
    for (;;) {
        archive_entry* entry = nullptr;
        const int status = archive_read_next_header(a.get(), &entry);
        if (status == ARCHIVE_EOF) return;
        if (status < ARCHIVE_WARN) {
            // Before the first header libarchive may not know its position (-1): say how
            // much of the file it had read.
            const la_int64_t at = archive_filter_bytes(a.get(), -1);
            sink.on_problem(
                ParseError(name, 0,
                           "cannot read compressed data: " + error_of(a.get()) +
                               (at >= 0 ? " (at byte " + std::to_string(at) + " of the file)"
                                        : " (having read " + std::to_string(source.bytes) +
                                              " bytes of the file)")));
            return;
        }
        const bool single = archive_format(a.get()) == ARCHIVE_FORMAT_RAW;
        if (single) {
            if (const char* wrong = not_single_file(a.get(), name)) {
                sink.on_problem(ParseError(name, 0, wrong));
                return;
            }
        } else if (skip_member(entry)) {
            continue;
        }
        const std::string path = single ? "" : archive_entry_pathname(entry);
        const std::string member = single ? name : name + ":" + path;
        ReadOptions member_options = options;
        if (!single && !options.now && archive_entry_mtime_is_set(entry))
            member_options.now = static_cast<std::int64_t>(archive_entry_mtime(entry));
        EntryBuf buf(a.get());
        read_file(buf, member, single ? strip_compression_suffix(name) : path, named && single,
                  member_options, quiet_after_failure(sink, buf));
        if (buf.failed()) {
            sink.on_problem(ParseError(member, buf.line(), truncation_reason(buf, a.get())));
            return;  // libarchive cannot go on past damaged data
        }
    }
}

}  // namespace newsdex::corpus
