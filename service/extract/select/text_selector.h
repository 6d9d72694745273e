// The select stage for text pages: the contiguous run of lines with the largest
// total score is the article (the maximum-sum subarray), cut at a related-list
// or comment heading that follows substantial content; inside it only lines the
// labeller marked are dropped. Sets Block::selected; lines left out get their
// reason from the labeller.
//
// Linear in blocks. Stateless; thread-safe.

#ifndef DECLUTTER_SERVICE_EXTRACT_SELECT_TEXT_SELECTOR_H_
#define DECLUTTER_SERVICE_EXTRACT_SELECT_TEXT_SELECTOR_H_

#include "service/extract/blocks/block.h"
#include "service/extract/score/scoring_params.h"

namespace declutter::extract {

// `favor` needs no handling here: the score stage shifted the scores.
void SelectText(const ScoringParams& params, BlockList* blocks);

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_SELECT_TEXT_SELECTOR_H_
