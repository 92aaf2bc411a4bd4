/// @file dictionary_trainer.hpp
/// @brief The stored-fields dictionary of one build, trained once and shared by its writers.
#pragma once

#include <atomic>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex::indexer {

/// Trains the zstd dictionary of a build's stored fields (see StoredFieldsCompression) on the
/// first records its writers offer, and hands the same dictionary to each of them. A build
/// that writes several segments needs one dictionary for all: the merged index keeps only one
/// in its metadata. Thread-safe.
class DictionaryTrainer {
  public:
    /// Records that train the dictionary: one batch at the default size (more gain little:
    /// bench/RESULTS.md, stored fields).
    static constexpr std::size_t default_samples = 1000;

    /// Starts from the dictionary an index has already (then nothing is trained), or with none.
    explicit DictionaryTrainer(std::string existing = {},
                               std::size_t samples_wanted = default_samples);

    /// The dictionary, once there is one; nullptr before, and for good when the records were
    /// too alike or too short for one to gain anything.
    [[nodiscard]] std::shared_ptr<const std::string> dictionary() const;

    /// Whether more samples are wanted (cheap: no lock).
    [[nodiscard]] bool wants_samples() const noexcept { return !settled_.load(); }

    /// Keeps `record` as a sample while more are wanted; the offer that completes the samples
    /// trains the dictionary, on the caller's thread (a fraction of a second). An
    /// offer from another thread meanwhile waits for the training, so that each other writer
    /// writes at most one more record before the dictionary exists.
    void offer(std::string_view record);

  private:
    const std::size_t samples_wanted_;
    mutable std::mutex mutex_;
    std::vector<std::string> samples_;
    std::shared_ptr<const std::string> dictionary_;
    std::atomic<bool> settled_{false};  // trained, given, or given up
};

}  // namespace newsdex::indexer
