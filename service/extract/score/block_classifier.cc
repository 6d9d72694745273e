#include "service/extract/score/block_classifier.h"

#include "service/extract/score/block_evidence.h"
#include "service/extract/score/block_labeller.h"
#include "service/extract/score/heuristic_scorer.h"

namespace declutter::extract {

absl::Status ClassifyBlocks(const BlockScorer& scorer,
                            const ScoringParams& params, Favor favor,
                            BlockList* blocks) {
  GatherEvidence(params, blocks);
  if (absl::Status s = scorer.Score(blocks); !s.ok()) return s;
  if (const double shift = params.FavorShift(favor); shift != 0) {
    for (Block& b : *blocks) b.score += shift;
  }
  LabelByEvidence(params, blocks);
  return absl::OkStatus();
}

const BlockScorer& HeuristicBlockScorer() {
  static const HeuristicScorer* const kHeuristic =
      new HeuristicScorer(kScoringParams);
  return *kHeuristic;
}

absl::Status ClassifyBlocks(Favor favor, BlockList* blocks) {
  return ClassifyBlocks(HeuristicBlockScorer(), kScoringParams, favor, blocks);
}

}  // namespace declutter::extract
