// What the HTML selector knows of each element, summed over its subtree from
// the scored blocks: score (fading with distance), text, links, linked
// headlines and the longest prose paragraph; the section a boilerplate heading
// names; the teaser grids. Also the element-level tests built on those sums.
//
// Input: blocks scored and labelled (score/), each with its DomTree node.
// Writes the aggregate fields of DomNode. Linear in blocks plus nodes.
// Stateless; thread-safe.

#ifndef DECLUTTER_SERVICE_EXTRACT_SELECT_DOM_AGGREGATES_H_
#define DECLUTTER_SERVICE_EXTRACT_SELECT_DOM_AGGREGATES_H_

#include <vector>

#include "service/extract/blocks/block.h"
#include "service/extract/blocks/dom_tree.h"
#include "service/extract/score/scoring_params.h"

namespace declutter::extract {

// Sums the blocks into their elements and ancestors: score (each content
// block's score reaches `level_share` of it to the ancestor `level` steps up),
// text_chars, link_chars, headline_links and longest_prose (whole subtrees).
void AggregateBlocks(const ScoringParams& p, const BlockList& blocks,
                     DomTree* dom);

// A container whose first block is a boilerplate heading ("We value your
// privacy", "12 Comments", "相关阅读") is that section, whatever its class
// names say: it gets the negative hint a class name would have given it, and
// negative links are redone.
void LabelSectionsByHeading(const ScoringParams& p, const BlockList& blocks,
                            DomTree* dom);

// The outermost teaser grid (TeaserCards with at least min_teaser_cards
// headlines) at or above each node, or -1: for reporting what is left out.
std::vector<int32_t> TeaserGridAbove(const ScoringParams& p,
                                     const DomTree& nodes);

double LinkDensity(const DomNode& n);

// Teaser cards: several linked headlines with little text per headline and no
// long paragraph. A "more stories" grid, not more of the article, however much
// its excerpts read like prose.
bool TeaserCards(const ScoringParams& p, const DomNode& n);

// Enough text with few links to be a post or a paragraph of prose.
bool Prose(const ScoringParams& p, const DomNode& n);

// How well the element rates as the article's container: its score plus its
// class hint (converted by hint_to_score), damped by its link density.
double CandidateScore(const ScoringParams& p, const DomNode& n);

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_SELECT_DOM_AGGREGATES_H_
