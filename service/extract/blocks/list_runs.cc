#include "service/extract/blocks/list_runs.h"

#include "absl/strings/ascii.h"

namespace declutter::extract {
namespace {

// The bullet byte a block opens with, or 0 when it opens with no (non-numeric) bullet.
char BulletMark(const Block& b) {
  if (!b.features.text.starts_with_bullet || b.text.empty()) return 0;
  return absl::ascii_isdigit(b.text[0]) ? 0 : b.text[0];
}

}  // namespace

size_t NumberedRunEnd(const BlockList& blocks, size_t begin) {
  if (begin >= blocks.size() || blocks[begin].features.text.list_number != 1) return begin;
  size_t end = begin + 1;
  while (end < blocks.size() &&
         blocks[end].features.text.list_number == blocks[end - 1].features.text.list_number + 1) {
    ++end;
  }
  return end;
}

size_t BulletRunEnd(const BlockList& blocks, size_t begin) {
  if (begin >= blocks.size()) return begin;
  const char mark = BulletMark(blocks[begin]);
  if (mark == 0) return begin;
  size_t end = begin + 1;
  while (end < blocks.size() && BulletMark(blocks[end]) == mark) ++end;
  return end;
}

}  // namespace declutter::extract
