// Extents of list runs in a block list: consecutive blocks numbered 1, 2, 3... in
// sequence, or consecutive blocks opening with the same bullet mark. Shared by the
// classifier's context passes and the line repairer. Reads Block::features, which must
// be filled. Pure; thread-safe.

#ifndef DECLUTTER_SERVICE_EXTRACT_BLOCKS_LIST_RUNS_H_
#define DECLUTTER_SERVICE_EXTRACT_BLOCKS_LIST_RUNS_H_

#include <cstddef>

#include "service/extract/blocks/block.h"

namespace declutter::extract {

// One past the last block of the run of numbers 1, 2, 3... starting at `begin`;
// `begin` itself when that block is not numbered 1.
size_t NumberedRunEnd(const BlockList& blocks, size_t begin);

// One past the last block sharing the (non-numeric) bullet mark of `begin`; `begin`
// itself when that block has no such mark.
size_t BulletRunEnd(const BlockList& blocks, size_t begin);

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_BLOCKS_LIST_RUNS_H_
