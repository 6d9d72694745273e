// A listing page (a shop category, a blog index, search results) has no
// article: its content is a grid of cards built alike, each a link (the item's
// title) with a little text of its own (a price, an excerpt, a date).
// FindCardGrid finds the largest such grid, which the selector takes as the
// content when the page has no article prose.
//
// Input: a DomTree whose text_chars and link_chars are aggregated over subtrees
// and whose negative_ancestor links are set (ContentSelector does both).
// O(nodes); stateless; thread-safe.

#ifndef DECLUTTER_SERVICE_EXTRACT_SELECT_CARD_GRID_H_
#define DECLUTTER_SERVICE_EXTRACT_SELECT_CARD_GRID_H_

#include <cstdint>

#include "service/extract/blocks/dom_tree.h"
#include "service/extract/score/scoring_params.h"

namespace declutter::extract {

struct CardGrid {
  int32_t parent =
      -1;             // the element whose children are the cards; -1 when none
  int32_t cards = 0;  // children built alike that are cards
  int64_t chars = 0;  // code points of text in those cards
};

// The parent with the most card text among those holding at least four children
// built alike (same tag and first class, or same tag when unclassed), outside
// every negative container, each with a link and a bounded amount of text, at
// least half of them with text beyond their links (a menu is links alone).
CardGrid FindCardGrid(const ScoringParams& params, const DomTree& nodes);

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_SELECT_CARD_GRID_H_
