#include "service/extract/text/text_block_builder.h"

#include <algorithm>
#include <string>

#include "service/extract/strings/text_normalizer.h"

namespace declutter::extract {
namespace {

// Calls `visit(line_index, line)` for every line of `text`, in order.
template <typename Visit>
void ForEachLine(absl::string_view text, Visit&& visit) {
  int32_t line = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t eol = text.find_first_of("\r\n", pos);
    if (eol == absl::string_view::npos) eol = text.size();
    visit(line, text.substr(pos, eol - pos));
    ++line;
    if (eol == text.size()) break;
    pos = eol +
          (text[eol] == '\r' && eol + 1 < text.size() && text[eol + 1] == '\n'
               ? 2
               : 1);
  }
}

bool HasText(absl::string_view line) {
  return std::any_of(line.begin(), line.end(), [](char c) {
    return c != ' ' && c != '\t' && c != '\f' && c != '\v';
  });
}

}  // namespace

size_t TextBlockBuilder::MaxBlocksForPage(int64_t page_bytes) {
  return static_cast<size_t>(kMinBlocks + std::max<int64_t>(0, page_bytes) /
                                              kPageBytesPerBlock);
}

BlockList TextBlockBuilder::Build(absl::string_view text, size_t max_blocks,
                                  int64_t* lines_merged) {
  size_t lines = 0;
  ForEachLine(text, [&](int32_t, absl::string_view l) { lines += HasText(l); });
  max_blocks = std::max<size_t>(max_blocks, 1);
  // Lines per block: 1 unless the page has more lines than blocks allowed.
  const size_t per_block =
      lines <= max_blocks ? 1 : (lines + max_blocks - 1) / max_blocks;
  BlockList blocks;
  blocks.reserve((lines + per_block - 1) / per_block);
  size_t in_block = 0;  // lines in blocks.back() when per_block > 1
  int64_t merged = 0;
  ForEachLine(text, [&](int32_t line, absl::string_view l) {
    std::string collapsed = TextNormalizer::CollapseSpaces(l);
    if (collapsed.empty()) return;
    if (in_block > 0 && in_block < per_block) {
      blocks.back().text.push_back(' ');
      blocks.back().text += collapsed;
      ++in_block;
      ++merged;
      return;
    }
    Block b;
    b.text = std::move(collapsed);
    b.line = line;
    blocks.push_back(std::move(b));
    in_block = 1;
  });
  if (lines_merged != nullptr) *lines_merged = merged;
  return blocks;
}

}  // namespace declutter::extract
