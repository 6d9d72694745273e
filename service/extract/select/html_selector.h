// The select stage for HTML: decides which scored blocks form the article. Sets
// Block::selected; blocks left out get their reason from the labeller.
//
// Every block's score flows to its ancestors (dom_aggregates); each element's
// total, nudged by its class/id hint and damped by its link density, rates it
// as the article's container. The best container is widened to the lowest
// ancestor holding most of the page's possible content when it is one short
// section of many (a landing page), or to the <article> element above it when
// the body is split; sibling posts of a thread (thread_posts), or siblings that
// read like more of the same article, are added; inside them blocks that sit in
// a negatively hinted container (share bar, related box) or that the labeller
// marked are dropped. A page whose selection has no prose and a grid of cards
// built alike (card_grid) is a listing: the cards, links included, are its
// content.
//
// Linear in blocks and DOM nodes. Stateless; thread-safe.

#ifndef DECLUTTER_SERVICE_EXTRACT_SELECT_HTML_SELECTOR_H_
#define DECLUTTER_SERVICE_EXTRACT_SELECT_HTML_SELECTOR_H_

#include "service/extract/blocks/block.h"
#include "service/extract/blocks/dom_tree.h"
#include "service/extract/score/scoring_params.h"

namespace declutter::extract {

// `dom` is the page's tree (Block::node indexes it); its aggregates and hints
// are rewritten. `favor` needs no handling here: the score stage shifted the
// scores. `type`, the page-type model's guess (kUnknown when none ran), picks
// the profile: how sure a learned scorer must be of a block outside the chosen
// containers to take it too (ScoringParams::rescue_probability).
void SelectHtml(const ScoringParams& params, DomTree* dom, BlockList* blocks,
                PageType type = PageType::kUnknown,
                double type_probability = 0);

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_SELECT_HTML_SELECTOR_H_
