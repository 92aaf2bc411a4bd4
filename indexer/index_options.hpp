/// @file index_options.hpp
/// @brief IndexOptions: how an index is built, shared by the run, its writers and preparers.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "corpus/readers/read_options.hpp"
#include "indexer/synonym_rule.hpp"

namespace newsdex::indexer {

/// How an index is built.
struct IndexOptions {
    std::string index_dir;
    /// Language of every article (ISO 639-1 code or Snowball name, e.g. "de" or "german");
    /// empty: each article's own, detected from its text when the input names none.
    std::string language;
    corpus::ReadOptions read;
    /// Synonym rules to store in the index beside the gazetteer's names (--synonyms FILE).
    std::vector<SynonymRule> synonyms;
    bool strict = false;  ///< the first malformed record is fatal
    /// Documents per commit. 1,000: measured fastest (bench/RESULTS.md, batch size); a bigger
    /// batch slows every update of Xapian's per-term change buffer by more than the extra
    /// commits cost.
    std::uint32_t batch_size = 1000;
    /// How long to keep retrying while another writer holds the index (0: fail at once).
    double wait_lock_seconds = 0;
    /// Add the people, organisations and places found in the text beside the given ones.
    bool extract_entities = true;
    /// At the end of a run, join the names of one entity across the whole index ("Volcker"
    /// and "Paul Volcker", "SEC" and "Securities and Exchange Commission": merge_entities()).
    bool merge_entities = true;
    /// Write spelling data (the articles' words, Database::add_spelling), from which the
    /// searcher suggests corrections of query words the index does not hold (bench/RESULTS.md,
    /// spelling data, has its cost in size and time).
    bool spelling = true;
    /// Write a batch's spelling words with the batch (true), or hold them all until the
    /// writer's last commit (false: a segment, which a failed build throws away anyway). Each
    /// write of a word rewrites its entry and trigram lists, so once per segment costs less.
    bool spelling_per_batch = true;
    /// Compact the index at the end of a run that at least doubled it (e.g. built it): an
    /// index written in several commits is about half empty blocks (bench/RESULTS.md, compaction).
    bool compact = true;
    /// 1: one thread reads, prepares and writes. 2 or more: a new index is built in segments by
    /// that many threads (see segment_size); an index that holds documents is written by one
    /// thread while the reading thread prepares the next documents (entities, language, terms),
    /// in input order, with the same batches and commits.
    unsigned threads = 2;
    /// Documents per segment when a new index is built on several threads: each thread writes
    /// its share of the articles (an id always goes to the same thread) into small indexes of
    /// this many documents beside the index, merged into it at the end. 0: write a new index
    /// directly, in committed batches, like an existing one (slower, but searchable while it
    /// grows, and a crash keeps every commit). See SegmentedBuild for why.
    std::uint32_t segment_size = 20000;
    /// Wait for each commit to reach the disk (false for a build's temporary segments).
    bool sync = true;
    /// Set (e.g. by a signal handler) to stop after committing what was done.
    const std::atomic<bool>* stop_requested = nullptr;
};

}  // namespace newsdex::indexer
