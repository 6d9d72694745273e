// A block: one run of text the classifier judges as a unit. HTML paragraphs, list
// items and headings, and the lines of a plain-text page, all become Blocks, so one
// classifier and one selector serve both kinds of input.

#ifndef DECLUTTER_SERVICE_EXTRACT_BLOCKS_BLOCK_H_
#define DECLUTTER_SERVICE_EXTRACT_BLOCKS_BLOCK_H_

#include <cstdint>
#include <string>
#include <vector>

#include "service/extract/result.h"
#include "service/extract/blocks/text_features.h"

namespace declutter::extract {

enum class BlockRole {
  kParagraph,
  kHeading,
  kListItem,
  kQuote,
  kPreformatted,
  kTableCell,
};

struct Block {
  std::string text;  // UTF-8, whitespace collapsed (kept inside kPreformatted)
  BlockRole role = BlockRole::kParagraph;
  int heading_level = 0;    // 1-6 for kHeading
  int32_t link_chars = 0;   // code points of `text` inside links
  int32_t node = -1;        // DomTree node that holds the text; -1 for text pages
  int32_t line = -1;        // first source line, for text pages; -1 for HTML

  // Filled by BlockClassifier.
  TextFeatures features;
  double score = 0;              // > 0 reads like article text, < 0 like chrome
  BlockKind kind = BlockKind::kNone;  // why it is not content, when it is not
  std::string reason;            // human-readable evidence behind `kind`
  // Weaker evidence: what the block is if the selector leaves it out (a teaser-run
  // item), without forcing it out. Reported with `reason`.
  BlockKind kind_if_left_out = BlockKind::kNone;
  // A short heading whose lexicon phrase dominates it ("相关阅读", "权利声明"): it names
  // the section under it, which the classifier and selector use by its `kind`.
  bool lexicon_heading = false;
  // `kind` comes from the boilerplate lexicon (not from link density or context).
  bool lexicon_hit = false;

  // Filled by ContentSelector: whether the block is in the article.
  bool selected = false;

  double LinkDensity() const {
    return features.chars == 0 ? 0.0
                               : static_cast<double>(link_chars) / features.chars;
  }
};

using BlockList = std::vector<Block>;

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_BLOCKS_BLOCK_H_
