#include "service/extract/score/block_classifier.h"

#include "service/extract/score/block_evidence.h"
#include "service/extract/score/block_labeller.h"
#include "service/extract/score/heuristic_scorer.h"

namespace declutter::extract {

void ClassifyBlocks(const BlockScorer& scorer, const ScoringParams& params,
                    Favor favor, BlockList* blocks) {
  GatherEvidence(params, blocks);
  scorer.Score(blocks);
  if (const double shift = params.FavorShift(favor); shift != 0) {
    for (Block& b : *blocks) b.score += shift;
  }
  LabelByEvidence(params, blocks);
}

void ClassifyBlocks(Favor favor, BlockList* blocks) {
  static const HeuristicScorer* const kHeuristic =
      new HeuristicScorer(kScoringParams);
  ClassifyBlocks(*kHeuristic, kScoringParams, favor, blocks);
}

}  // namespace declutter::extract
