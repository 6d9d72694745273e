// Scores every block on how much it reads like article text, from its own features
// (length, punctuation, sentence endings, link density, bullets, contact details) and
// the boilerplate lexicon. Fills Block::features, score, kind and reason.
//
// A lexicon hit is weighed, not obeyed: a weak phrase counts only in a short block it
// dominates, so an article that quotes 版权 keeps its paragraph. The DOM context (class
// hints, which subtree) is the selector's business, not the classifier's.
// Stateless; thread-safe.

#ifndef DECLUTTER_SERVICE_EXTRACT_SCORE_BLOCK_CLASSIFIER_H_
#define DECLUTTER_SERVICE_EXTRACT_SCORE_BLOCK_CLASSIFIER_H_

#include "service/extract/blocks/block.h"
#include "service/extract/page.h"

namespace declutter::extract {

class BlockClassifier {
 public:
  static void Classify(Favor favor, BlockList* blocks);

  // Scores one block in isolation (exposed for tests).
  static void ClassifyOne(Favor favor, Block* block);

  // Context pass: a run of at least kMinTeaserRun lines opening with the same bullet
  // mark that are mostly headline-shaped (no closing full stop), at the page's tail
  // (less than kTailShare of the page's prose score after it), looks like a teaser list: its blocks lose score and are reported as related if left out.
  // Numbered items are left alone: they are usually the article's own enumerations.
  static void MarkTeaserRuns(BlockList* blocks);

  static constexpr size_t kMinTeaserRun = 3;
  static constexpr double kTailShare = 0.1;

  // Context pass: a short heading the lexicon marks as a disclaimer, related or comment
  // section ("权利声明", "相关阅读") passes its kind to the numbered (1, 2, 3...) or
  // bulleted run of blocks right under it, however prose-like those items read.
  static void MarkHeadedLists(BlockList* blocks);

  static constexpr int32_t kMaxHeadingChars = 20;
};

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_SCORE_BLOCK_CLASSIFIER_H_
