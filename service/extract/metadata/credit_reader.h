// Gathers the credits a page prints in its visible text: the info lines of the
// header (by the headline) and of the article's end, a lead credit in the
// first paragraph ("新京报讯（记者 陆一夫）", "…9日电（刘艺、杨吉）"), a
// closing credit at the last paragraph's end ("…举行。（张巨峰）",
// "(文/图 刘玺东 易赛楠)"), and the outlet a site prints unlabelled right after
// the dateline ("2019年11月25日 18:57 参考消息"). Every line is read by
// InfoLineParser, so HTML and text pages share one reading.
//
// Input: the page's blocks after selection. Output: one InfoLine where
//   source  is the first labelled source, else the dateline's outlet;
//   editor  is the editor in charge (责任编辑) when one is credited, else the
//           first editor;
//   authors are every person credited, header first, without duplicates.
// Reads only; linear in the blocks' text. Stateless; thread-safe.

#ifndef DECLUTTER_SERVICE_EXTRACT_METADATA_CREDIT_READER_H_
#define DECLUTTER_SERVICE_EXTRACT_METADATA_CREDIT_READER_H_

#include <cstddef>

#include "absl/strings/string_view.h"
#include "service/extract/blocks/block.h"
#include "service/extract/metadata/info_line_parser.h"

namespace declutter::extract {

// Which blocks hold the credits: the header, blocks [0, header_end), read
// first; then the rest of the article and its end, [header_end, tail_end).
// Credits may stand anywhere in the article's run: sites keep teaser lists
// inside the article's container, so the editor line often sits well before
// the last selected block.
struct CreditWindows {
  size_t header_end = 0;
  size_t tail_end = 0;
  // The block that prints the headline; kNoBlock when none does.
  static constexpr size_t kNoBlock = static_cast<size_t>(-1);
  size_t title_block = kNoBlock;

  // The header runs to `header_blocks_after_start` blocks past the first
  // selected block, or past the block that prints `title` (the headline)
  // when that reaches further: chrome the selector kept above the headline
  // ("我已授权") must not end the header before its dateline. The rest runs
  // to `tail_blocks_after` blocks past the last selected block. No block
  // selected: the header is the page.
  static CreditWindows Around(const BlockList& blocks, absl::string_view title,
                              size_t header_blocks_after_start,
                              size_t tail_blocks_after);
};

class CreditReader {
 public:
  // A credit line is at most this long (code points); longer blocks are prose,
  // read only for a lead or closing credit in brackets.
  static constexpr int32_t kMaxLineChars = 100;

  static InfoLine Read(const BlockList& blocks, const CreditWindows& windows);
};

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_METADATA_CREDIT_READER_H_
