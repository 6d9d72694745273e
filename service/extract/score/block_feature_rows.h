// Blocks as rows of numbers, for dumping training data
// (Options::report_block_features) and for any learned scorer: one fixed list
// of named values per block, read from Block::features, Block::evidence and the
// block's role. A learned BlockScorer must build its input with
// BlockFeatureValues, so that what it was trained on and what it is served are
// computed by the same code. Pure functions; thread-safe.

#ifndef DECLUTTER_SERVICE_EXTRACT_SCORE_BLOCK_FEATURE_ROWS_H_
#define DECLUTTER_SERVICE_EXTRACT_SCORE_BLOCK_FEATURE_ROWS_H_

#include <vector>

#include "service/extract/blocks/block.h"
#include "service/extract/result.h"

namespace declutter::extract {

// The values of block `i` of `blocks`, in BlockFeatureNames() (result.h) order:
// its own, then some of its neighbours' (scores, link density) in page order.
std::vector<double> BlockFeatureValues(const BlockList& blocks, size_t i);

// One row per block, in page order.
std::vector<BlockFeatureRow> BlockFeatureRows(const BlockList& blocks);

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_SCORE_BLOCK_FEATURE_ROWS_H_
