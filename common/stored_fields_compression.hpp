/// @file stored_fields_compression.hpp
/// @brief Stored fields compressed with zstd and a dictionary trained on the index's own records.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace Xapian {
class Document;
}

namespace newsdex {

/// Compresses and expands document data (StoredFields::encode()'s records) with one zstd
/// dictionary, which the index keeps in its metadata (schema::docdata_dictionary_key).
///
/// Why: Xapian's glass backend deflates each document's data on its own, and a 1-2 KB news
/// record shares too little with itself for that to pay; a dictionary trained on the first
/// thousand records holds what records share (field layout, agency names, boilerplate,
/// frequent words), so they take less room and expand faster (bench/RESULTS.md, stored fields).
///
/// A compressed record is a version byte (2) then one zstd frame of the plain record (version
/// 1), which carries the dictionary's id: a record compressed with another dictionary is
/// refused, not misread. It is kept in value slot schema::slot::stored_fields, not in the
/// document data, which glass would try (and fail) to deflate again at every write and
/// compaction. Plain records (written before the index had a dictionary, or by an older build)
/// are the document data and pass through expand() unchanged. Not thread-safe: one per thread.
class StoredFieldsCompression {
  public:
    /// A dictionary trained on `samples` (plain records), or none when they are too few or
    /// too small to train one.
    [[nodiscard]] static std::optional<std::string> train(const std::vector<std::string>& samples);

    /// Uses `dictionary` (as train() made it); throws IndexError when it is not one.
    explicit StoredFieldsCompression(std::string dictionary);
    ~StoredFieldsCompression();
    StoredFieldsCompression(StoredFieldsCompression&&) noexcept;
    StoredFieldsCompression& operator=(StoredFieldsCompression&&) noexcept;

    /// The dictionary, as kept in the index's metadata.
    [[nodiscard]] const std::string& dictionary() const noexcept { return dictionary_; }

    /// `record` (plain) as a compressed record.
    [[nodiscard]] std::string compress(std::string_view record);

    /// A document's stored-fields record: its data, or else its compressed record's value.
    [[nodiscard]] static std::string record_of(const Xapian::Document& document);

    /// Whether `data` is a compressed record (else a plain one, or not ours).
    [[nodiscard]] static bool is_compressed(std::string_view data) noexcept;

    /// The plain record of `data`: `data` itself when it is plain, else expanded into
    /// `buffer`. Throws IndexError when it does not expand with this dictionary.
    [[nodiscard]] std::string_view expand(std::string_view data, std::string& buffer);

  private:
    struct Contexts;  // zstd's, created on first use
    std::string dictionary_;
    std::unique_ptr<Contexts> contexts_;
};

}  // namespace newsdex
