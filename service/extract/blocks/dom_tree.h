// A flat, pre-order table of the elements that survived HTML block building, with
// what the selector needs to score subtrees: parent links, pre-order extents, class
// hints and aggregated text.
//
// Built by HtmlBlockBuilder (html/), read by the features and select stages; owned by the caller; plain data, no Gumbo pointers, so it
// outlives the parse tree.

#ifndef DECLUTTER_SERVICE_EXTRACT_HTML_DOM_TREE_H_
#define DECLUTTER_SERVICE_EXTRACT_HTML_DOM_TREE_H_

#include <cstdint>
#include <vector>

#include "service/extract/result.h"

namespace declutter::extract {

struct DomNode {
  int32_t parent = -1;
  int32_t end = 0;        // one past the last descendant's index (pre-order extent)
  int32_t depth = 0;
  uint16_t tag = 0;       // GumboTag value
  bool paragraph_like = false;  // p, li, h1-h6, td, pre, blockquote...
  // Hidden by its own attributes (hidden, aria-hidden, inline display:none); its
  // blocks were dropped unless the builder judged the hiding a script's curtain.
  bool hidden = false;
  int32_t hint = 0;       // class/id/role/tag evidence of this element alone
  // Tag plus the first class token, hashed; 0 when the element has no class. Siblings
  // sharing it may be one repeated structure (forum posts, answers, sections, cards).
  uint32_t class_key = 0;
  BlockKind hint_kind = BlockKind::kNone;  // what its negative hint says it is
  // Nearest element at or above this one whose hint is negative, or -1. Lets a block
  // learn which negative container it sits in, in O(1).
  int32_t negative_ancestor = -1;
  // Aggregated over the subtree by the selector.
  int32_t text_chars = 0;
  int32_t link_chars = 0;
  // Blocks that are a link of headline length: the titles of teaser cards.
  int32_t headline_links = 0;
  // Code points of the longest block with few links: whether any real paragraph is here.
  int32_t longest_prose = 0;
  // Code points of blocks that may be content: unclassified, few links, not inside a
  // negative container below the best candidate.
  int32_t content_chars = 0;
  double score = 0;

  bool Contains(int32_t self, int32_t other) const {
    return other >= self && other < end;
  }
};

using DomTree = std::vector<DomNode>;

// Sets every node's negative_ancestor from the hints. Pre-order, so a parent is linked
// before its children: one pass.
inline void LinkNegativeAncestors(DomTree* dom) {
  DomTree& nodes = *dom;
  for (size_t i = 0; i < nodes.size(); ++i) {
    const int32_t parent = nodes[i].parent;
    nodes[i].negative_ancestor =
        nodes[i].hint < 0 ? static_cast<int32_t>(i)
                          : (parent >= 0 ? nodes[parent].negative_ancestor : -1);
  }
}

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_HTML_DOM_TREE_H_
