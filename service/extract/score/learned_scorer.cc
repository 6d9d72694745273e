#include "service/extract/score/learned_scorer.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "absl/status/status.h"
#include "service/extract/result.h"
#include "service/extract/score/block_feature_rows.h"

namespace declutter::extract {

const std::vector<std::string>& LearnedScorer::LearnedFeatureNames() {
  static const std::vector<std::string>* const kNames = [] {
    auto* names = new std::vector<std::string>(BlockFeatureNames());
    names->push_back("score");
    return names;
  }();
  return *kNames;
}

absl::StatusOr<std::unique_ptr<LearnedScorer>> LearnedScorer::Create(
    std::unique_ptr<BoostedTrees> model, const ScoringParams& params) {
  if (model->num_classes() != 1) {
    return absl::InvalidArgumentError(
        "block model: has several classes; expected a binary model "
        "(article text or not)");
  }
  absl::StatusOr<std::vector<size_t>> index =
      model->MapFeatures(LearnedFeatureNames());
  if (!index.ok()) return index.status();
  return std::unique_ptr<LearnedScorer>(
      new LearnedScorer(std::move(model), *std::move(index), params));
}

absl::StatusOr<std::vector<float>> LearnedScorer::Probabilities(
    const BlockList& blocks) const {
  const size_t cols = index_.size();
  std::vector<float> rows(blocks.size() * cols);
  std::vector<double> values;
  for (size_t i = 0; i < blocks.size(); ++i) {
    values = BlockFeatureValues(blocks, i);
    values.push_back(blocks[i].score);  // "score", the heuristic's
    for (size_t c = 0; c < cols; ++c) {
      rows[i * cols + c] = static_cast<float>(values[index_[c]]);
    }
  }
  return model_->Predict(rows);
}

absl::Status LearnedScorer::Score(BlockList* blocks) const {
  if (absl::Status s = heuristic_.Score(blocks); !s.ok()) return s;
  absl::StatusOr<std::vector<float>> probability = Probabilities(*blocks);
  if (!probability.ok()) return probability.status();
  const ScoringParams& p = params_;
  for (size_t i = 0; i < blocks->size(); ++i) {
    Block& b = (*blocks)[i];
    // Kept off 0 and 1 so the log-odds stay finite.
    const double prob =
        std::clamp(static_cast<double>((*probability)[i]), 1e-6, 1.0 - 1e-6);
    b.content_probability = prob;
    b.score = p.learned_logit_weight * std::clamp(std::log(prob / (1.0 - prob)),
                                                  -p.learned_max_logit,
                                                  p.learned_max_logit);
  }
  return absl::OkStatus();
}

}  // namespace declutter::extract
