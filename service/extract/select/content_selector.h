// Decides which classified blocks form the article. Sets Block::selected, and for
// blocks left out sets kind/reason when the classifier had not.
//
// HTML: every block's score flows to its ancestors (fading with distance); each
// element's total, damped by its link density and nudged by its class/id hints, rates it
// as the article's container. The best container is chosen and widened to the lowest
// ancestor holding most of the page's possible content when it is one short section of
// many (a landing page), or to the <article> element above it when the body is split;
// sibling posts of a thread, or siblings that read like more of the same article, are
// added; inside them blocks that sit in a negatively-hinted container (share bar,
// related box) or that the classifier marked as boilerplate are dropped. A page whose
// selection has no prose and a grid of cards built alike (CardGrid) is a listing: the
// cards, links included, are its content.
//
// Text: the contiguous run of lines with the largest total score is the article (the
// maximum-sum subarray), cut at a related-list or comment heading that follows
// substantial content; inside it only lines the classifier marked are dropped.
//
// Linear in blocks and DOM nodes. Stateless; thread-safe.

#ifndef DECLUTTER_SERVICE_EXTRACT_SELECT_CONTENT_SELECTOR_H_
#define DECLUTTER_SERVICE_EXTRACT_SELECT_CONTENT_SELECTOR_H_

#include "absl/strings/string_view.h"
#include "service/extract/blocks/block.h"
#include "service/extract/html/dom_tree.h"
#include "service/extract/page.h"

namespace declutter::extract {

class ContentSelector {
 public:
  static void SelectHtml(Favor favor, DomTree* dom, BlockList* blocks);
  // `favor` needs no handling here: the classifier folded it into the scores.
  static void SelectText(BlockList* blocks);

  // When the visible selection is thin, the page's structured data may hold the text a
  // script would have rendered: appends `structured_body` (JSON-LD articleBody, a
  // Product description), plain text split at line breaks, as selected paragraphs when
  // it is substantial, clearly longer than the selection and mostly not in it. A page's
  // description is not used so: a page with no main content (a login wall) must come
  // back empty. Blocks added have node -1.
  static void AddStructuredBody(absl::string_view structured_body, BlockList* blocks);
};

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_SELECT_CONTENT_SELECTOR_H_
