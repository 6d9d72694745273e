// The seam between what the engine knows of a block and how much it believes
// the block is article text. A scorer reads Block::features and Block::evidence
// of every block (so it may use neighbours) and writes Block::score. It never
// writes kind or reason: the labeller does (score/block_labeller).
//
// Score scale: evidence units, comparable to a log-odds that the block is
// article text. 0 is undecided; > 0 reads like article text, < 0 like page
// chrome; one unit is about one clause of prose or one weak boilerplate sign.
// The select stage sums scores over DOM subtrees and text runs and compares
// them with ScoringParams thresholds, so a scorer whose output is a probability
// p must return log(p / (1 - p)) clipped to a finite range.
//
// Implementations are immutable after construction and thread-safe.

#ifndef DECLUTTER_SERVICE_EXTRACT_SCORE_BLOCK_SCORER_H_
#define DECLUTTER_SERVICE_EXTRACT_SCORE_BLOCK_SCORER_H_

#include "absl/status/status.h"
#include "service/extract/blocks/block.h"

namespace declutter::extract {

class BlockScorer {
 public:
  virtual ~BlockScorer() = default;

  // Sets the score of every block of `*blocks`. A scorer may also fill
  // Block::evidence.teaser_run, context it found while scoring. An error only
  // when a model cannot be evaluated (INTERNAL); scores are then unspecified.
  virtual absl::Status Score(BlockList* blocks) const = 0;
};

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_SCORE_BLOCK_SCORER_H_
