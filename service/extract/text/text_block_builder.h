// Splits a plain-text page (a page already flattened to lines by a scraper)
// into blocks: one per non-empty line, whitespace collapsed. Linear in the
// input.
//
// A block costs the engine about a kilobyte through the later stages, so a page
// of two-byte lines would cost 400 times its size. Past `max_blocks` lines, the
// lines are joined, in page order, into blocks of equal line counts (their
// words kept, separated by spaces), so memory stays bounded by the page's size
// (README "Memory per page").
//
// Stateless; thread-safe.

#ifndef DECLUTTER_SERVICE_EXTRACT_TEXT_TEXT_BLOCK_BUILDER_H_
#define DECLUTTER_SERVICE_EXTRACT_TEXT_TEXT_BLOCK_BUILDER_H_

#include <cstddef>
#include <cstdint>
#include <limits>

#include "absl/strings/string_view.h"
#include "service/extract/blocks/block.h"

namespace declutter::extract {

class TextBlockBuilder {
 public:
  // Blocks a text page may have, at least and per byte of the page: real text
  // pages have lines of tens of bytes, and under 8,192 of them unless large.
  static constexpr int64_t kMinBlocks = 8192;
  static constexpr int64_t kPageBytesPerBlock = 80;

  // The block limit for a page of `page_bytes` bytes.
  static size_t MaxBlocksForPage(int64_t page_bytes);

  // `text` must be UTF-8. Lines end at \n, \r\n or \r. When lines had to be
  // joined to stay within `max_blocks` (at least 1), `*lines_merged` (if
  // given) receives how many were joined to the line before them.
  static BlockList Build(absl::string_view text,
                         size_t max_blocks = std::numeric_limits<size_t>::max(),
                         int64_t* lines_merged = nullptr);
};

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_TEXT_TEXT_BLOCK_BUILDER_H_
