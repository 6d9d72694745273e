// What the engine measures of one block before judging it, for HTML and text
// alike: the text's own features, the block's link density and place on the
// page, its place in the sequence of blocks (what a text page has instead of
// a DOM), and (HTML only) the element that holds it. Computed once per block by
// ComputeBlockFeatures (blocks/block_featurizer.h); every scorer reads these
// and nothing else of the page, so a learned scorer trained on dumped features
// sees what serving sees. Plain data.

#ifndef DECLUTTER_SERVICE_EXTRACT_BLOCKS_BLOCK_FEATURES_H_
#define DECLUTTER_SERVICE_EXTRACT_BLOCKS_BLOCK_FEATURES_H_

#include <cstdint>

#include "service/extract/blocks/sequence_features.h"
#include "service/extract/blocks/text_features.h"
#include "service/extract/result.h"

namespace declutter::extract {

// Where an HTML block sits in the DOM. All zero (and kNone) on text pages.
struct DomContext {
  int32_t tag = 0;    // GumboTag of the element that holds the text
  int32_t depth = 0;  // that element's depth below the root
  int32_t hint = 0;   // its own class/id/role/tag hint (html/class_hints scale)
  int32_t ancestor_hint = 0;  // the sum of its ancestors' hints
  // Some element at or above it has a negative hint (a menu, a share bar, a
  // footer), and what the nearest one says it is.
  bool in_negative = false;
  BlockKind negative_kind = BlockKind::kNone;
  // The text around it: the reading weight (TextFeatures::Weight, the same
  // across scripts) of block text under its parent and its grandparent
  // element, the share of their code points inside links, and how many of the
  // parent's children are built like its element (same tag and first class:
  // the cards of a grid, the posts of a thread).
  double parent_weight = 0;
  double parent_link_density = 0;
  double grandparent_weight = 0;
  double grandparent_link_density = 0;
  int32_t like_siblings = 0;
};

struct BlockFeatures {
  TextFeatures text;
  double link_density = 0;  // share of the text's code points inside links
  double position = 0;      // block index over (blocks - 1): 0 first, 1 last
  DomContext dom;
  SequenceFeatures sequence;  // its place among the page's blocks
};

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_BLOCKS_BLOCK_FEATURES_H_
