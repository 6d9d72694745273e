#include "service/extract/text_block_builder.h"

#include "absl/strings/str_cat.h"
#include "service/extract/text_features.h"

namespace declutter::extract {
namespace {

bool IsSpace(uint32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\f' || cp == '\v' || cp == 0xA0 ||
         cp == 0x3000 || cp == 0x200B || cp == 0xFEFF;
}

}  // namespace

BlockList TextBlockBuilder::Build(absl::string_view text) {
  BlockList blocks;
  int32_t line = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t eol = text.find_first_of("\r\n", pos);
    if (eol == absl::string_view::npos) eol = text.size();
    absl::string_view raw = text.substr(pos, eol - pos);
    std::string collapsed;
    bool space = false;
    for (size_t i = 0; i < raw.size();) {
      const size_t start = i;
      const uint32_t cp = NextCodePoint(raw, &i);
      if (IsSpace(cp)) {
        space = !collapsed.empty();
        continue;
      }
      if (space) collapsed.push_back(' ');
      space = false;
      absl::StrAppend(&collapsed, raw.substr(start, i - start));
    }
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
