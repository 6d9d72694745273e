// The score stage, in three steps over a block list whose features are filled
// (blocks/block_featurizer):
//   1. GatherEvidence: boilerplate evidence from features, text and neighbours;
//   2. a BlockScorer: Block::score (the heuristic one by default);
//   3. LabelByEvidence: kind and reason.
// `favor` acts here and nowhere else: one shift of every score (ScoringParams).
// Stateless; thread-safe.

#ifndef DECLUTTER_SERVICE_EXTRACT_SCORE_BLOCK_CLASSIFIER_H_
#define DECLUTTER_SERVICE_EXTRACT_SCORE_BLOCK_CLASSIFIER_H_

#include "absl/status/status.h"
#include "service/extract/blocks/block.h"
#include "service/extract/page.h"
#include "service/extract/score/block_scorer.h"
#include "service/extract/score/scoring_params.h"

namespace declutter::extract {

// Scores and labels `*blocks` with `scorer`; the scorer's error, if any (the
// blocks are then unlabelled).
absl::Status ClassifyBlocks(const BlockScorer& scorer,
                            const ScoringParams& params, Favor favor,
                            BlockList* blocks);

// The same with the heuristic scorer and the engine's parameters.
absl::Status ClassifyBlocks(Favor favor, BlockList* blocks);

// The heuristic scorer with the engine's parameters, shared.
const BlockScorer& HeuristicBlockScorer();

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_SCORE_BLOCK_CLASSIFIER_H_
