// The features stage: fills Block::features (blocks/block_features.h) once per
// block, after the HTML or text stage has built the final block list and before
// scoring.
//
// `dom` is the page's DomTree for HTML blocks (Block::node indexes it) and null
// for text pages. Linear in blocks plus DOM nodes. Stateless; thread-safe.

#ifndef DECLUTTER_SERVICE_EXTRACT_BLOCKS_BLOCK_FEATURIZER_H_
#define DECLUTTER_SERVICE_EXTRACT_BLOCKS_BLOCK_FEATURIZER_H_

#include <cstddef>

#include "service/extract/blocks/block.h"
#include "service/extract/blocks/dom_tree.h"

namespace declutter::extract {

// Computes the features of blocks [from, end) of `*blocks`; positions and the
// sequence features count over the whole list (blocks before `from` keep
// theirs). Blocks with node -1 get no DOM context.
void ComputeBlockFeatures(const DomTree* dom, BlockList* blocks,
                          size_t from = 0);

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_BLOCKS_BLOCK_FEATURIZER_H_
