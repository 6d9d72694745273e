// Bounds what a page's markup can cost before Gumbo parses it: how deeply its
// elements nest, and how much memory its elements, attributes and text runs
// take in the parser's tree, the engine's DOM tree and its blocks.
//
// Depth: Gumbo's tree construction scans the stack of open elements for many
// start tags ("is a <p> in button scope?"), so its time grows with depth times
// tags: 100,000 nested <div>s take half a minute, and its tree teardown
// recurses once per level. Real pages nest a few dozen levels deep. Where the
// model's depth would pass `max_depth`, the start tags (and their end tags)
// that would go deeper are deleted.
//
// Cost: every element, attribute and text run costs the parse a fixed amount
// of memory however few bytes it is written in, so a page of "x<br>" costs
// 240 times its size, where real pages cost under 8. The pass adds up an
// estimate (MarkupCosts); once it passes `max_structure_cost`, every later tag,
// comment and doctype is replaced by a space, and script-like elements go with
// their content, so the rest of the page reaches the parser as plain text: its
// words are kept, as one run of text, and its structure is not built.
//
// The model: tags, comments and raw text found where the tokenizer finds them
// (HtmlTokenScanner), void elements, and the common implied end tags of p, li,
// dt/dd, td/th, tr and option. Text is never removed; a page within both
// limits is left as it is, with no copy made.
//
// Linear time; the model's stack is bounded by `max_depth`. Stateless;
// thread-safe.

#ifndef DECLUTTER_SERVICE_EXTRACT_HTML_MARKUP_LIMITER_H_
#define DECLUTTER_SERVICE_EXTRACT_HTML_MARKUP_LIMITER_H_

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>

#include "absl/strings/string_view.h"

namespace declutter::extract {

// Bytes of memory the parse spends per piece of markup, through Gumbo's tree,
// the DomTree and the block list; fitted with heaptrack's peak heap on pages
// made of one piece repeated (bench/memory's shapes): "<p>w</p>" costs 950
// bytes a unit, "x<br>" 900, and a card of a <div>, a link, two attributes and
// a headline 2,100. The estimate errs high on them by up to a fifth.
struct MarkupCosts {
  static constexpr int64_t kElement = 256;    // a start tag, or a stray end tag
  static constexpr int64_t kAttribute = 160;  // its node and its name
  static constexpr int64_t kSpaceRun = 160;   // whitespace between tags: a node
  static constexpr int64_t kTextRun = 200;    // text between tags: a node
  static constexpr int64_t kBlock = 700;      // the first text after a block
                                              // boundary (block_level_tags.h)
};

struct MarkupLimits {
  // Deeper than real pages go (in this model no page of the four benchmark sets
  // in ../shared/data nests past 60 levels), shallow enough that Gumbo's
  // depth-times-tags work stays small.
  static constexpr int kDefaultMaxDepth = 400;
  // The structure a page may cost per byte of itself, and at least: the
  // engine's per-page memory bound is 20 times the page plus a fixed base
  // (README "Memory per page"); the copies of the page take the rest.
  static constexpr int64_t kStructureCostPerByte = 12;
  static constexpr int64_t kMinStructureCost = int64_t{8} << 20;

  // The engine's limits for a page of `page_bytes` bytes.
  static MarkupLimits ForPage(size_t page_bytes);

  int max_depth = kDefaultMaxDepth;
  int64_t max_structure_cost = std::numeric_limits<int64_t>::max();
};

struct MarkupLimitStats {
  int64_t tags_deleted = 0;  // start and end tags past max_depth
  int64_t tags_flattened =
      0;  // tags and comments read as spaces, past the cost
  int64_t structure_cost = 0;  // the estimate, up to where flattening began
  // What the estimate counted, up to there (MarkupCosts).
  int64_t elements = 0;
  int64_t attributes = 0;
  int64_t space_runs = 0;
  int64_t text_runs = 0;
  int64_t blocks = 0;
};

class MarkupLimiter {
 public:
  // When tags had to be deleted or flattened, `*limited` is set to `html`
  // without them (and is left alone otherwise, so the common case copies
  // nothing).
  static MarkupLimitStats Limit(absl::string_view html,
                                const MarkupLimits& limits,
                                std::string* limited);
};

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_HTML_MARKUP_LIMITER_H_
