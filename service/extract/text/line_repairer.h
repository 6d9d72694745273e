// Repairs the lines of a plain-text page before they are classified, undoing what
// scrapers of document-sharing sites do to a document:
//
// - JoinPageFragments: a run of lines numbered 1、2、3、... in sequence, most of them cut
//   mid-sentence, is one document split at page boundaries with a page number glued
//   on. The numbers are removed and the run becomes one block, so "…进一步增强" and
//   "做好…" read as the sentence they were. A numbered list whose items end their
//   sentences is an ordinary list and is left alone.
// - SplitTrailingDisclaimers: a strong disclaimer sentence at the end of a longer line
//   ("…高质量发展。 本文为网络搜集整理,…请联系删除。") is split into a block of its own,
//   which the classifier then drops, so the line itself is kept.
//
// Both are linear in the number of blocks and their text. Stateless; thread-safe.

#ifndef DECLUTTER_SERVICE_EXTRACT_TEXT_LINE_REPAIRER_H_
#define DECLUTTER_SERVICE_EXTRACT_TEXT_LINE_REPAIRER_H_

#include "service/extract/blocks/block.h"

namespace declutter::extract {

class LineRepairer {
 public:
  // A fragment run needs at least this many numbered lines.
  static constexpr int kMinFragmentRun = 3;
  // ...whose lines average at least this many characters (a page's worth, not a list
  // item's).
  static constexpr size_t kMinFragmentChars = 80;

  // Returns the number of runs joined.
  static int JoinPageFragments(BlockList* blocks);

  // Returns the number of disclaimer sentences split off.
  static int SplitTrailingDisclaimers(BlockList* blocks);
};

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_TEXT_LINE_REPAIRER_H_
