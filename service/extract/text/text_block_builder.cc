#include "service/extract/text/text_block_builder.h"

#include "service/extract/strings/text_normalizer.h"

namespace declutter::extract {

BlockList TextBlockBuilder::Build(absl::string_view text) {
  BlockList blocks;
  int32_t line = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t eol = text.find_first_of("\r\n", pos);
    if (eol == absl::string_view::npos) eol = text.size();
    std::string collapsed = TextNormalizer::CollapseSpaces(text.substr(pos, eol - pos));
    if (!collapsed.empty()) {
      Block b;
      b.text = std::move(collapsed);
      b.line = line;
      blocks.push_back(std::move(b));
    }
    ++line;
    if (eol == text.size()) break;
    pos = eol + (text[eol] == '\r' && eol + 1 < text.size() && text[eol + 1] == '\n' ? 2 : 1);
  }
  return blocks;
}

}  // namespace declutter::extract
