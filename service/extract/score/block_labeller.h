// Why a block is not article text: the one writer of Block::kind,
// kind_if_left_out and reason, and the one place every reason the engine
// reports is worded. To find why a block was dropped, start here.
//
// Two kinds of verdicts:
//  - LabelByEvidence, after scoring: what the block's own evidence says it
//    is (links, the lexicon, contact details, a list under a section
//    heading, a teaser list).
//  - The Leave*/Take* calls of the select and metadata stages: the block is
//    out of the article because of where it sits, or back in after all.
// A later verdict never hides an earlier, more specific one: LeaveOut keeps a
// kind the evidence gave. Stateless; thread-safe.

#ifndef DECLUTTER_SERVICE_EXTRACT_SCORE_BLOCK_LABELLER_H_
#define DECLUTTER_SERVICE_EXTRACT_SCORE_BLOCK_LABELLER_H_

#include "absl/strings/string_view.h"
#include "service/extract/blocks/block.h"
#include "service/extract/score/scoring_params.h"

namespace declutter::extract {

// Sets kind, kind_if_left_out and reason of every block from Block::evidence
// (filled by GatherEvidence and the scorer). Blocks without evidence get kNone.
void LabelByEvidence(const ScoringParams& params, BlockList* blocks);

// Why the select stage left a block out.
enum class LeftOutBecause {
  kOutsideMainContent,  // not under any chosen container or text run
  kNoMainContent,       // the page has no container that reads like an article
  kTooLittleText,       // inside the content, but scores below drop_below
  kAfterListHeading,    // text pages: after a related-list or comment heading
  kInTeaserGrid,        // outside the content, in a grid of teaser cards
};

// Leaves `b` out for `why`, unless the evidence already gave it a kind: that is
// the better explanation. A block without one becomes kRelated for
// kAfterListHeading and kInTeaserGrid (where it sits says more than a teaser
// run's kind if left out); for the other reasons it takes its kind if left out
// (whose reason is already set), else kOther.
void LeaveOut(LeftOutBecause why, Block* b);

// Leaves `b` out because it sits inside the negatively hinted `container`, of
// the kind `container_kind` (kNone reads as kOther). `inside_content`: the
// container is inside the chosen content (else outside it).
void LeaveOutInContainer(BlockKind container_kind, bool inside_content,
                         Block* b);

// Leaves `b` out as page metadata (a byline, a dateline, the title repeated as
// the first heading); `what` says which, e.g. "the article title".
void LeaveOutAsMetadata(absl::string_view what, Block* b);

// Takes `b` into the article after all (a listing's cards), clearing any
// verdict.
void TakeAsContent(Block* b);

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_SCORE_BLOCK_LABELLER_H_
