// The BlockScorer that reads a trained block model (train/, issue 23): the
// heuristic scorer runs first, because its score is one of the model's
// features, then the model turns each block's feature row (BlockFeatureValues
// plus that score, "score") into the probability that the block is article
// text, mapped to evidence units as ScoringParams' "Learned block score" says.
//
// Immutable after Create; thread-safe. Owns its model.

#ifndef DECLUTTER_SERVICE_EXTRACT_SCORE_LEARNED_SCORER_H_
#define DECLUTTER_SERVICE_EXTRACT_SCORE_LEARNED_SCORER_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "service/extract/score/block_scorer.h"
#include "service/extract/score/boosted_trees.h"
#include "service/extract/score/heuristic_scorer.h"
#include "service/extract/score/scoring_params.h"

namespace declutter::extract {

class LearnedScorer : public BlockScorer {
 public:
  // A scorer over `model`, a binary block model whose features are all among
  // LearnedFeatureNames(). INVALID_ARGUMENT otherwise. `params` must outlive
  // the scorer.
  static absl::StatusOr<std::unique_ptr<LearnedScorer>> Create(
      std::unique_ptr<BoostedTrees> model, const ScoringParams& params);

  // The names a block model may use: BlockFeatureNames() then "score", the
  // heuristic score.
  static const std::vector<std::string>& LearnedFeatureNames();

  absl::Status Score(BlockList* blocks) const override;

  // The model's probability for each block of `blocks`, whose heuristic scores
  // are set: for parity tests and inspection.
  absl::StatusOr<std::vector<float>> Probabilities(
      const BlockList& blocks) const;

 private:
  LearnedScorer(std::unique_ptr<BoostedTrees> model, std::vector<size_t> index,
                const ScoringParams& params)
      : model_(std::move(model)),
        index_(std::move(index)),
        params_(params),
        heuristic_(params) {}

  std::unique_ptr<BoostedTrees> model_;
  // For each model feature, its index in LearnedFeatureNames().
  std::vector<size_t> index_;
  const ScoringParams& params_;
  HeuristicScorer heuristic_;
};

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_SCORE_LEARNED_SCORER_H_
