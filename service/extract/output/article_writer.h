// Writes the selected blocks as Article::text in the requested format: plain text
// (paragraphs separated by a blank line, list items by a newline), Markdown, or a small
// HTML fragment. Stateless; thread-safe.

#ifndef DECLUTTER_SERVICE_EXTRACT_OUTPUT_ARTICLE_WRITER_H_
#define DECLUTTER_SERVICE_EXTRACT_OUTPUT_ARTICLE_WRITER_H_

#include <string>

#include "service/extract/blocks/block.h"
#include "service/extract/page.h"

namespace declutter::extract {

class ArticleWriter {
 public:
  static std::string Write(const BlockList& blocks, OutputFormat format);
};

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_OUTPUT_ARTICLE_WRITER_H_
