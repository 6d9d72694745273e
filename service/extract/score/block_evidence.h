// The first step of the score stage: reads the boilerplate evidence of every
// block (Block::evidence) off its features, its text (the boilerplate lexicon)
// and its neighbours (a list under a section heading). Both the scorer, which
// weighs the evidence, and the labeller, which words it, read the result, so
// the two can never disagree on what a block is.
//
// Needs Block::features filled (blocks/block_featurizer). Leaves teaser_run to
// the scorer. Linear in blocks. Stateless; thread-safe.

#ifndef DECLUTTER_SERVICE_EXTRACT_SCORE_BLOCK_EVIDENCE_H_
#define DECLUTTER_SERVICE_EXTRACT_SCORE_BLOCK_EVIDENCE_H_

#include "service/extract/blocks/block.h"
#include "service/extract/score/scoring_params.h"

namespace declutter::extract {

void GatherEvidence(const ScoringParams& params, BlockList* blocks);

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_SCORE_BLOCK_EVIDENCE_H_
