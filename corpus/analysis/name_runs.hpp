/// @file name_runs.hpp
/// @brief NameRuns: runs of capitalised words over an article's tokens (internal to
/// newsdex::analysis).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "corpus/analysis/gazetteer.hpp"
#include "corpus/analysis/name_tokenizer.hpp"

namespace newsdex::corpus {

/// Finds where a candidate name ends and spells it. Token ranges are half-open [b, e).
class NameRuns {
  public:
    /// Both must outlive this object.
    NameRuns(const Gazetteer& gazetteer, const std::vector<NameToken>& tokens)
        : gaz_(gazetteer), toks_(tokens) {}

    /// The end of the run of capitalised words that starts at `b`, joined by connectors
    /// ("Bank of Japan"), an inner possessive ("Moody's Investors Service") or an "and" that
    /// a known name or organisation needs ("Savings and Loan Association").
    [[nodiscard]] std::size_t run_end(std::size_t b) const;

    /// The gazetteer key of the words ("bank of japan").
    [[nodiscard]] std::string key(std::size_t b, std::size_t e) const;

    /// The words as display text; all-caps words are title-cased ("HAMBURG" -> "Hamburg").
    [[nodiscard]] std::string text(std::size_t b, std::size_t e) const;

    /// Whether a capitalised word of the range is an organisation cue ("Bank", "Inc").
    [[nodiscard]] bool has_org_cue(std::size_t b, std::size_t e) const;

    /// Narrows the range to start and end on capitalised words.
    void trim_connectors(std::size_t& b, std::size_t& e) const;

  private:
    bool possessive_inside(std::size_t j) const;
    bool joins(std::size_t b, std::size_t j) const;
    bool cue_follows(std::size_t j) const;

    const Gazetteer& gaz_;
    const std::vector<NameToken>& toks_;
};

}  // namespace newsdex::corpus
