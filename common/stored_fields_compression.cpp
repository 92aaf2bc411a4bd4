/// @file stored_fields_compression.cpp
/// @brief zstd with a trained dictionary over stored-fields records.
#include "common/stored_fields_compression.hpp"

#include <xapian.h>
#include <zdict.h>
#include <zstd.h>

#include <algorithm>

#include "common/error.hpp"
#include "common/schema.hpp"

namespace newsdex {

namespace {

constexpr char kCompressed = 2;  // version byte; StoredFields' plain records start with 1
// zstd's recommended dictionary size (others measured: bench/RESULTS.md, stored fields).
constexpr std::size_t kDictionaryCapacity = 112640;
// Level 3 (zstd's default): higher levels save a little room but compress much slower, on
// the writer's thread (bench/RESULTS.md, stored fields).
constexpr int kLevel = 3;
// Fewer samples than this train a dictionary that fits them and little else.
constexpr std::size_t kMinSamples = 100;

}  // namespace

struct StoredFieldsCompression::Contexts {
    ZSTD_CDict* cdict = nullptr;
    ZSTD_CCtx* cctx = nullptr;
    ZSTD_DDict* ddict = nullptr;
    ZSTD_DCtx* dctx = nullptr;
    ~Contexts() {
        ZSTD_freeCDict(cdict);
        ZSTD_freeCCtx(cctx);
        ZSTD_freeDDict(ddict);
        ZSTD_freeDCtx(dctx);
    }
};

std::optional<std::string> StoredFieldsCompression::train(const std::vector<std::string>& samples) {
    if (samples.size() < kMinSamples) return std::nullopt;
    std::string joined;
    std::vector<std::size_t> sizes;
    sizes.reserve(samples.size());
    for (const auto& sample : samples) {
        joined += sample;
        sizes.push_back(sample.size());
    }
    // A dictionary larger than a tenth of what it learns from would mostly be noise.
    std::string dictionary(std::min(kDictionaryCapacity, joined.size() / 10), '\0');
    const std::size_t size =
        ZDICT_trainFromBuffer(dictionary.data(), dictionary.size(), joined.data(), sizes.data(),
                              static_cast<unsigned>(sizes.size()));
    if (ZDICT_isError(size)) return std::nullopt;  // e.g. records too alike or too few bytes
    dictionary.resize(size);
    return dictionary;
}

StoredFieldsCompression::StoredFieldsCompression(std::string dictionary)
    : dictionary_(std::move(dictionary)), contexts_(std::make_unique<Contexts>()) {
    if (ZDICT_getDictID(dictionary_.data(), dictionary_.size()) == 0)
        throw IndexError("the index's stored-fields dictionary is not a zstd dictionary");
}

StoredFieldsCompression::~StoredFieldsCompression() = default;
StoredFieldsCompression::StoredFieldsCompression(StoredFieldsCompression&&) noexcept = default;
StoredFieldsCompression& StoredFieldsCompression::operator=(StoredFieldsCompression&&) noexcept =
    default;

std::string StoredFieldsCompression::compress(std::string_view record) {
    Contexts& z = *contexts_;
    if (!z.cdict) {
        z.cdict = ZSTD_createCDict(dictionary_.data(), dictionary_.size(), kLevel);
        z.cctx = ZSTD_createCCtx();
        if (!z.cdict || !z.cctx) throw Error("cannot set up zstd compression");
    }
    std::string out(1 + ZSTD_compressBound(record.size()), '\0');
    out[0] = kCompressed;
    const std::size_t size = ZSTD_compress_usingCDict(z.cctx, out.data() + 1, out.size() - 1,
                                                      record.data(), record.size(), z.cdict);
    if (ZSTD_isError(size))
        throw Error(std::string("cannot compress stored fields: ") + ZSTD_getErrorName(size));
    out.resize(1 + size);
    return out;
}

std::string StoredFieldsCompression::record_of(const Xapian::Document& document) {
    std::string data = document.get_data();
    return data.empty() ? document.get_value(schema::slot::stored_fields) : data;
}

bool StoredFieldsCompression::is_compressed(std::string_view data) noexcept {
    return !data.empty() && data[0] == kCompressed;
}

std::string_view StoredFieldsCompression::expand(std::string_view data, std::string& buffer) {
    if (!is_compressed(data)) return data;
    data.remove_prefix(1);
    Contexts& z = *contexts_;
    if (!z.ddict) {
        z.ddict = ZSTD_createDDict(dictionary_.data(), dictionary_.size());
        z.dctx = ZSTD_createDCtx();
        if (!z.ddict || !z.dctx) throw Error("cannot set up zstd decompression");
    }
    // Checked first: with another dictionary a frame might expand into plausible garbage.
    if (ZSTD_getDictID_fromFrame(data.data(), data.size()) != ZSTD_getDictID_fromDDict(z.ddict))
        throw IndexError("document data was compressed with another dictionary than the index's");
    const unsigned long long size = ZSTD_getFrameContentSize(data.data(), data.size());
    if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > (1u << 30))
        throw IndexError("document data is not in newsdex's compressed stored-fields format");
    buffer.resize(size);
    const std::size_t got = ZSTD_decompress_usingDDict(z.dctx, buffer.data(), buffer.size(),
                                                       data.data(), data.size(), z.ddict);
    if (ZSTD_isError(got) || got != size)
        throw IndexError("document data is not in newsdex's compressed stored-fields format");
    return buffer;
}

}  // namespace newsdex
