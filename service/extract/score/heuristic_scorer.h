// The hand-tuned BlockScorer: prose evidence from a block's own features
// (length, clause punctuation, sentence end) minus its boilerplate evidence
// (links, lexicon, contact details), then two context passes: a teaser list at
// the page's tail, and the items of a list under a boilerplate section heading.
//
// A lexicon hit is weighed, not obeyed: GatherEvidence lets a weak phrase count
// only in a short block it dominates. Every constant is in ScoringParams.
// Thread-safe.

#ifndef DECLUTTER_SERVICE_EXTRACT_SCORE_HEURISTIC_SCORER_H_
#define DECLUTTER_SERVICE_EXTRACT_SCORE_HEURISTIC_SCORER_H_

#include "service/extract/score/block_scorer.h"
#include "service/extract/score/scoring_params.h"

namespace declutter::extract {

class HeuristicScorer : public BlockScorer {
 public:
  explicit HeuristicScorer(const ScoringParams& params) : params_(params) {}

  // Never fails.
  absl::Status Score(BlockList* blocks) const override;

  // One block's score from its own features and evidence, without context.
  double ScoreOne(const Block& block) const;

 private:
  // A run of at least min_teaser_run lines opening with the same (non-numeric)
  // bullet mark, mostly headline-shaped (no full stop), with little prose after
  // it, is a teaser list: its blocks lose score and record the run in
  // evidence.teaser_run. Numbered items are left alone: they are usually the
  // article's own enumerations.
  void MarkTeaserRuns(BlockList* blocks) const;

  const ScoringParams& params_;
};

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_SCORE_HEURISTIC_SCORER_H_
