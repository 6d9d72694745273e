// Splits a plain-text page (a page already flattened to lines by a scraper) into
// blocks: one per non-empty line, whitespace collapsed. Linear in the input.
// Stateless; thread-safe.

#ifndef DECLUTTER_SERVICE_EXTRACT_TEXT_TEXT_BLOCK_BUILDER_H_
#define DECLUTTER_SERVICE_EXTRACT_TEXT_TEXT_BLOCK_BUILDER_H_

#include "absl/strings/string_view.h"

#include "service/extract/blocks/block.h"

namespace declutter::extract {

class TextBlockBuilder {
 public:
  // `text` must be UTF-8. Lines end at \n, \r\n or \r.
  static BlockList Build(absl::string_view text);
};

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_TEXT_TEXT_BLOCK_BUILDER_H_
