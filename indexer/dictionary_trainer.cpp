/// @file dictionary_trainer.cpp
/// @brief Training the shared stored-fields dictionary on a build's first records.
#include "indexer/dictionary_trainer.hpp"

#include <optional>
#include <utility>

#include "common/stored_fields_compression.hpp"

namespace newsdex::indexer {

DictionaryTrainer::DictionaryTrainer(std::string existing, std::size_t samples_wanted)
    : samples_wanted_(samples_wanted) {
    if (existing.empty()) return;
    dictionary_ = std::make_shared<const std::string>(std::move(existing));
    settled_ = true;
}

std::shared_ptr<const std::string> DictionaryTrainer::dictionary() const {
    if (!settled_.load()) return nullptr;
    const std::lock_guard lock(mutex_);
    return dictionary_;
}

void DictionaryTrainer::offer(std::string_view record) {
    const std::lock_guard lock(mutex_);
    if (settled_.load()) return;
    samples_.emplace_back(record);
    if (samples_.size() < samples_wanted_) return;
    if (std::optional<std::string> trained = StoredFieldsCompression::train(samples_))
        dictionary_ = std::make_shared<const std::string>(std::move(*trained));
    samples_ = {};
    settled_ = true;
}

}  // namespace newsdex::indexer
