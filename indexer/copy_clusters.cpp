/// @file copy_clusters.cpp
/// @brief Candidates through shared bands, checked on shingles, joined with a union-find.
#include "indexer/copy_clusters.hpp"

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/schema.hpp"
#include "common/stored_fields.hpp"
#include "common/stored_fields_compression.hpp"
#include "common/text.hpp"
#include "indexer/story_fingerprint.hpp"

namespace newsdex::indexer {

namespace {

/// Documents a band may bring together before the rest are left out: a band shared by
/// hundreds of stories is boilerplate, and comparing them all would cost their square.
constexpr std::size_t max_band_documents = 200;
/// How many documents of a band are compared, each with each, at most.
constexpr std::size_t max_compared = 50;

/// The stored id and fingerprint of documents, read once each.
class Documents {
  public:
    explicit Documents(const Xapian::Database& db) : db_(db) {
        const std::string dictionary = db.get_metadata(std::string(schema::docdata_dictionary_key));
        if (!dictionary.empty()) compression_.emplace(dictionary);
    }

    const StoryFingerprint& fingerprint(Xapian::docid doc) { return read(doc).fingerprint; }
    const std::string& id(Xapian::docid doc) { return read(doc).id; }

  private:
    struct Entry {
        std::string id;
        StoryFingerprint fingerprint;
    };

    const Entry& read(Xapian::docid doc) {
        if (const auto found = entries_.find(doc); found != entries_.end()) return found->second;
        const std::string data = StoredFieldsCompression::record_of(db_.get_document(doc));
        const std::string_view record = StoredFieldsCompression::is_compressed(data) && compression_
                                            ? compression_->expand(data, buffer_)
                                            : std::string_view(data);
        StoredFields fields = StoredFields::decode(record);
        return entries_.emplace(doc, Entry{std::move(fields.id), StoryFingerprint(fields.body)})
            .first->second;
    }

    Xapian::Database db_;
    std::optional<StoredFieldsCompression> compression_;
    std::string buffer_;
    std::unordered_map<Xapian::docid, Entry> entries_;
};

/// Union-find over docids, smallest docid as each set's root.
class Groups {
  public:
    Xapian::docid root(Xapian::docid doc) {
        auto found = parent_.find(doc);
        if (found == parent_.end()) return doc;
        if (found->second == doc) return doc;
        const Xapian::docid top = root(found->second);
        parent_[doc] = top;
        return top;
    }

    void join(Xapian::docid a, Xapian::docid b) {
        a = root(a);
        b = root(b);
        if (a == b) return;
        if (b < a) std::swap(a, b);
        parent_[a] = a;
        parent_[b] = a;
    }

    /// Each group of two or more, by root.
    [[nodiscard]] std::map<Xapian::docid, std::vector<Xapian::docid>> members() {
        std::map<Xapian::docid, std::vector<Xapian::docid>> groups;
        std::vector<Xapian::docid> docs;
        for (const auto& [doc, parent] : parent_) docs.push_back(doc);
        for (const Xapian::docid doc : docs) groups[root(doc)].push_back(doc);
        for (auto& [top, group] : groups) std::sort(group.begin(), group.end());
        return groups;
    }

  private:
    std::unordered_map<Xapian::docid, Xapian::docid> parent_;
};

std::string key_of_id(const std::string& id) {
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016" PRIx64, fnv1a(id));
    return hex;
}

/// Compares the documents of one band pairwise, in the order of their ids, so that the
/// groups come out the same whatever the docids (a build in segments numbers them otherwise).
void join_copies(std::vector<Xapian::docid> docs, Documents& documents, Groups& groups) {
    std::sort(docs.begin(), docs.end(), [&documents](Xapian::docid a, Xapian::docid b) {
        return documents.id(a) < documents.id(b);
    });
    if (docs.size() > max_compared) docs.resize(max_compared);
    for (std::size_t i = 1; i < docs.size(); ++i)
        for (std::size_t j = 0; j < i; ++j)
            if (groups.root(docs[i]) != groups.root(docs[j]) &&
                StoryFingerprint::copies(documents.fingerprint(docs[i]),
                                         documents.fingerprint(docs[j])))
                groups.join(docs[i], docs[j]);
}

/// A document whose cluster key changes: its old key ("" for none) and its new one.
struct KeyChange {
    Xapian::docid doc;
    std::string old_key;
    std::string key;
};

/// The key changes that give each group of copies in `db` one key, and what was found.
std::vector<KeyChange> key_changes(const Xapian::Database& db, CopyClusters& found) {
    Documents documents(db);
    Groups groups;
    // The documents of each band: a value stream is read in docid order, without documents.
    std::unordered_map<std::uint64_t, std::vector<Xapian::docid>> bands;
    for (auto value = db.valuestream_begin(schema::slot::copy_bands);
         value != db.valuestream_end(schema::slot::copy_bands); ++value)
        for (const std::uint64_t band : StoryFingerprint::unpack_bands(*value)) {
            auto& docs = bands[band];
            if (docs.size() < max_band_documents) docs.push_back(value.get_docid());
        }
    for (auto& [band, docs] : bands)
        if (docs.size() >= 2) join_copies(std::move(docs), documents, groups);
    std::vector<KeyChange> changes;
    for (const auto& [top, members] : groups.members()) {
        if (members.size() < 2) continue;
        ++found.clusters;
        found.documents += members.size();
        std::vector<std::string> keys;
        for (const Xapian::docid doc : members)
            keys.push_back(db.get_document(doc).get_value(schema::slot::cluster));
        std::string key;
        for (const auto& existing : keys)
            if (!existing.empty() && (key.empty() || existing < key)) key = existing;
        // Keyed by its ids, not docids: a build in segments numbers documents otherwise.
        if (key.empty())
            for (const Xapian::docid doc : members) {
                const std::string candidate = key_of_id(documents.id(doc));
                if (key.empty() || candidate < key) key = candidate;
            }
        for (std::size_t i = 0; i < members.size(); ++i)
            if (keys[i] != key) changes.push_back({members[i], keys[i], key});
    }
    found.rewritten = changes.size();
    return changes;
}

/// Sets the key of document `doc` of `db` (a docid of `db` itself). A value only: Xapian then
/// rewrites the document's values alone, where a term would make it read and rewrite every
/// term and position of the document (bench/RESULTS.md, copy clusters).
void apply(Xapian::WritableDatabase& db, Xapian::docid doc, const KeyChange& change) {
    Xapian::Document document = db.get_document(doc);
    document.add_value(schema::slot::cluster, change.key);
    db.replace_document(doc, document);
}

}  // namespace

CopyClusters cluster_copies(Xapian::WritableDatabase& db) {
    CopyClusters found;
    const std::vector<KeyChange> changes = key_changes(db, found);
    for (const auto& change : changes) apply(db, change.doc, change);
    if (!changes.empty()) db.commit();
    return found;
}

CopyClusters cluster_copies_in_segments(const std::vector<std::string>& segments) {
    CopyClusters found;
    Xapian::Database all;
    for (const auto& segment : segments) all.add_database(Xapian::Database(segment));
    const std::vector<KeyChange> changes = key_changes(all, found);
    // Xapian interleaves the docids of n databases: docid d is docid (d - 1) / n + 1 of
    // database (d - 1) % n.
    const std::size_t n = segments.size();
    for (std::size_t part = 0; part < n; ++part) {
        std::optional<Xapian::WritableDatabase> db;
        try {
            for (const auto& change : changes) {
                if ((change.doc - 1) % n != part) continue;
                if (!db) {
                    db.emplace(segments[part], Xapian::DB_OPEN);
                    db->begin_transaction(false);
                }
                apply(*db, static_cast<Xapian::docid>((change.doc - 1) / n + 1), change);
            }
            if (db) db->commit_transaction();
        } catch (...) {
            // A write failed (disk full): drop the segment's changes, so that its destructor
            // does not try to write them again and throw out of the unwinding.
            try {
                if (db) db->cancel_transaction();
            } catch (...) {
            }
            try {
                if (db) db->close();
            } catch (...) {
            }
            throw;
        }
    }
    return found;
}

}  // namespace newsdex::indexer
