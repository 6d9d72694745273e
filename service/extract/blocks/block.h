// A block: one run of text the engine judges as a unit. HTML paragraphs, list
// items and headings, and the lines of a plain-text page, all become Blocks, so
// one scorer and one selector serve both kinds of input.
//
// Each stage fills its own part, in pipeline order:
//   html/, text/  text, role, heading level, link chars, node or line
//   blocks/       features (ComputeBlockFeatures: once per block)
//   score/        evidence, score (the scorer), kind and reason (the labeller)
//   select/       selected
// Only score/block_labeller writes kind, kind_if_left_out and reason: why a
// block was dropped is decided and worded in that one place.

#ifndef DECLUTTER_SERVICE_EXTRACT_BLOCKS_BLOCK_H_
#define DECLUTTER_SERVICE_EXTRACT_BLOCKS_BLOCK_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "service/extract/blocks/block_features.h"
#include "service/extract/result.h"

namespace declutter::extract {

struct LexiconEntry;

// Only the labeller (score/block_labeller.cc) can make one: it is what writing
// a block's verdict takes, so no other stage can label a block behind its back.
class LabellerKey {
 private:
  LabellerKey() = default;
  friend struct BlockLabellerAccess;  // defined in score/block_labeller.cc
                                      // alone
};

// A field of a block's verdict: read by everyone as a T, written only with a
// LabellerKey.
template <typename T>
class VerdictField {
 public:
  VerdictField() = default;
  operator const T&() const { return value_; }  // NOLINT: reads as the value
  const T& value() const { return value_; }
  void Set(LabellerKey, T value) { value_ = std::move(value); }
  friend bool operator==(const VerdictField& field, const T& value) {
    return field.value_ == value;
  }

 private:
  T value_{};
};

enum class BlockRole {
  kParagraph,
  kHeading,
  kListItem,
  kQuote,
  kPreformatted,
  kTableCell,
};

// Boilerplate evidence the score stage reads off a block and its neighbours
// before and while scoring. The scorer weighs it; the labeller words it as kind
// and reason.
struct BlockEvidence {
  // More than half of the text is inside links.
  bool link_dense = false;
  // The boilerplate lexicon's entry that decides the block (a strong entry, or
  // a weak one in a short block it dominates), else null. Static data; never
  // owned.
  const LexiconEntry* lexicon = nullptr;
  // A short heading that a weak lexicon phrase decides ("相关阅读",
  // "权利声明"): it names the section under it.
  bool lexicon_heading = false;
  // A short line with a phone number, an e-mail or a URL and no sentence end.
  bool contact_line = false;
  // Index of the boilerplate section heading whose numbered or bulleted list
  // holds this block, or -1.
  int32_t listed_under = -1;
  // Items in the teaser list (a tail run of headline-shaped bullets) that holds
  // this block, or 0. Found by the heuristic scorer, which reads scores to find
  // the tail.
  int32_t teaser_run = 0;
};

struct Block {
  std::string text;  // UTF-8, whitespace collapsed (kept inside kPreformatted)
  BlockRole role = BlockRole::kParagraph;
  int heading_level = 0;   // 1-6 for kHeading
  int32_t link_chars = 0;  // code points of `text` inside links
  int32_t node = -1;  // DomTree node that holds the text; -1 for text pages
  int32_t line = -1;  // first source line, for text pages; -1 for HTML

  BlockFeatures features;
  BlockEvidence evidence;
  // BlockScorer's scale: > 0 reads like article text, < 0 like chrome.
  double score = 0;
  // A learned scorer's probability that the block is article text, 0-1; -1
  // when no model scored it (the heuristic scorer).
  double content_probability = -1;

  // The verdict, written only by the labeller (score/block_labeller).
  // Why it is not content, when it is not; kNone for content.
  VerdictField<BlockKind> kind;
  // Human-readable evidence behind `kind`.
  VerdictField<std::string> reason;
  // Weaker evidence: what the block is if the selector leaves it out (a
  // teaser-run item), without forcing it out. Reported with `reason`.
  VerdictField<BlockKind> kind_if_left_out;

  // Filled by the select stage: whether the block is in the article.
  bool selected = false;
};

using BlockList = std::vector<Block>;

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_BLOCKS_BLOCK_H_
