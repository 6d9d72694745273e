// The elements that start a new block of text: the block builder splits text
// at them, and the markup limiter charges a block's cost to the text after
// them. One list, so the estimate and the blocks agree. Thread-safe.

#ifndef DECLUTTER_SERVICE_EXTRACT_HTML_BLOCK_LEVEL_TAGS_H_
#define DECLUTTER_SERVICE_EXTRACT_HTML_BLOCK_LEVEL_TAGS_H_

#include <gumbo.h>

namespace declutter::extract {

// True for block-level elements and for <br>, which ends a line of text.
bool StartsBlock(GumboTag tag);

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_HTML_BLOCK_LEVEL_TAGS_H_
