/// @file stored_fields.cpp
/// @brief Packing of the stored fields into document data.
///
/// Layout: a version byte, then each field as a varint length and its bytes, in a fixed order;
/// lists as a varint count then their items; then a flags byte (bit 0: the date was inferred),
/// which data written before it lacks: absent, every flag is off. Fixed order and no keys keep it
/// small and fast: document data is read for every hit shown.
#include "common/stored_fields.hpp"

#include <cstdint>

#include "common/date.hpp"
#include "common/error.hpp"

namespace newsdex {

namespace {

constexpr char kVersion = 1;
constexpr char kDateInferred = 1;  // bit of the flags byte

void put_varint(std::string& out, std::uint64_t n) {
    while (n >= 0x80) {
        out += static_cast<char>((n & 0x7f) | 0x80);
        n >>= 7;
    }
    out += static_cast<char>(n);
}

void put_string(std::string& out, std::string_view s) {
    put_varint(out, s.size());
    out.append(s);
}

class Reader {
  public:
    explicit Reader(std::string_view data) : data_(data) {}

    std::uint64_t varint() {
        std::uint64_t n = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos_ >= data_.size()) corrupt();
            const auto byte = static_cast<unsigned char>(data_[pos_++]);
            n |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
            if (!(byte & 0x80)) return n;
        }
        corrupt();
    }

    std::string string() { return std::string(view()); }

    /// The next field in place: a view into the data.
    std::string_view view() {
        const auto size = varint();
        if (size > data_.size() - pos_) corrupt();
        const std::string_view s = data_.substr(pos_, size);
        pos_ += size;
        return s;
    }

    char byte() {
        if (pos_ >= data_.size()) corrupt();
        return data_[pos_++];
    }

    [[nodiscard]] bool at_end() const { return pos_ == data_.size(); }

  private:
    [[noreturn]] static void corrupt() {
        throw IndexError("document data is not in newsdex's stored-fields format");
    }
    std::string_view data_;
    std::size_t pos_ = 0;
};

}  // namespace

StoredFields StoredFields::from_article(const Article& article) {
    StoredFields fields;
    fields.id = article.id;
    fields.title = article.title;
    fields.source = article.source;
    if (article.date) fields.date = format_iso(*article.date);
    fields.date_inferred = article.date && article.date_inferred;
    fields.url = article.url;
    fields.body = article.body;
    fields.entities = article.entities;
    fields.categories = article.categories;
    return fields;
}

std::string StoredFields::encode() const {
    std::string out;
    out.reserve(body.size() + title.size() + 128);
    out += kVersion;
    for (const std::string* field : {&id, &title, &source, &date, &url, &body})
        put_string(out, *field);
    put_varint(out, entities.size());
    for (const auto& entity : entities) {
        out += static_cast<char>(entity.type);
        out += static_cast<char>(entity.origin);
        put_string(out, entity.name);
    }
    put_varint(out, categories.size());
    for (const auto& category : categories) put_string(out, category);
    out += static_cast<char>(date_inferred ? kDateInferred : 0);
    return out;
}

StoredFields StoredFields::decode(std::string_view data, Body body) {
    Reader in(data);
    if (in.byte() != kVersion)
        throw IndexError("document data has an unknown stored-fields version");
    StoredFields fields;
    for (std::string* field :
         {&fields.id, &fields.title, &fields.source, &fields.date, &fields.url})
        *field = in.string();
    const std::string_view body_bytes = in.view();  // checked for size either way
    if (body == Body::copy) fields.body = body_bytes;
    const auto entity_count = in.varint();
    for (std::uint64_t i = 0; i < entity_count; ++i) {
        Entity entity;
        const auto type = in.byte(), origin = in.byte();
        if (type < 0 || type > 2 || origin < 0 || origin > 1)
            throw IndexError("document data holds an unknown entity type");
        entity.type = static_cast<EntityType>(type);
        entity.origin = static_cast<EntityOrigin>(origin);
        entity.name = in.string();
        fields.entities.push_back(std::move(entity));
    }
    const auto category_count = in.varint();
    for (std::uint64_t i = 0; i < category_count; ++i) fields.categories.push_back(in.string());
    if (!in.at_end()) fields.date_inferred = (in.byte() & kDateInferred) != 0;
    return fields;
}

}  // namespace newsdex
