// For tests of the stages after scoring: runs the features and score stages
// over a block list the way Clean() does.

#ifndef DECLUTTER_TESTS_SUPPORT_SCORE_STAGE_H_
#define DECLUTTER_TESTS_SUPPORT_SCORE_STAGE_H_

#include "gtest/gtest.h"
#include "service/extract/blocks/block_featurizer.h"
#include "service/extract/score/block_classifier.h"
#include "service/extract/score/block_evidence.h"
#include "service/extract/text/text_block_builder.h"

namespace declutter::extract {

// `dom`: the page's DomTree for HTML blocks, null for text blocks.
inline void ScoreBlocks(const DomTree* dom, BlockList* blocks,
                        Favor favor = Favor::kBalanced) {
  ComputeBlockFeatures(dom, blocks);
  const absl::Status classified = ClassifyBlocks(favor, blocks);
  EXPECT_TRUE(classified.ok()) << classified;
}

// A text page's blocks with features and evidence, not yet scored.
inline BlockList TextBlocksWithEvidence(absl::string_view text) {
  BlockList blocks = TextBlockBuilder::Build(text);
  ComputeBlockFeatures(nullptr, &blocks);
  GatherEvidence(kScoringParams, &blocks);
  return blocks;
}

}  // namespace declutter::extract

#endif  // DECLUTTER_TESTS_SUPPORT_SCORE_STAGE_H_
