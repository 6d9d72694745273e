#include "service/extract/select/text_selector.h"

#include <algorithm>

#include "service/extract/score/block_labeller.h"

namespace declutter::extract {
namespace {

bool Neutral(const Block& b) {
  return b.kind == BlockKind::kNone && b.kind_if_left_out == BlockKind::kNone;
}

// Where the article must end: at a related-list or comment heading after
// substantial content (what follows is that list, however prose-like its
// teasers are); else n.
size_t ListHeadingLimit(const ScoringParams& p, const BlockList& bs) {
  double seen = 0;
  for (size_t i = 0; i < bs.size(); ++i) {
    const bool list_heading =
        bs[i].evidence.lexicon_heading && (bs[i].kind == BlockKind::kRelated ||
                                           bs[i].kind == BlockKind::kComment);
    if (seen >= p.min_score_before_list_heading && list_heading) return i;
    seen += std::max(0.0, bs[i].score);
  }
  return bs.size();
}

// Maximum-sum contiguous run (Kadane) over [0, limit). A line with no explicit
// evidence costs at most neutral_line_cost: short neutral lines between
// paragraphs (headings, list items) must not split an article, but still trim
// at its edges.
void BestRun(const ScoringParams& p, const BlockList& bs, size_t limit,
             size_t* begin, size_t* end) {
  double best = 0, run = 0;
  size_t run_begin = 0;
  *begin = *end = 0;
  for (size_t i = 0; i < limit; ++i) {
    if (run <= 0) {
      run = 0;
      run_begin = i;
    }
    const bool evidence = bs[i].kind != BlockKind::kNone ||
                          bs[i].kind_if_left_out != BlockKind::kNone;
    run += evidence ? bs[i].score : std::max(bs[i].score, -p.neutral_line_cost);
    if (run > best) {
      best = run;
      *begin = run_begin;
      *end = i + 1;
    }
  }
}

// Neutral lines (no evidence at all) right outside the run are trimmed as page
// edges, unless they outweigh the run itself: then they are most of the page (a
// listing, a page of short items) and cutting them would cut the content.
void ExtendOverLargeNeutralEdges(const BlockList& bs, size_t limit,
                                 size_t* begin, size_t* end) {
  if (*begin >= *end) return;
  int64_t span_chars = 0;
  for (size_t i = *begin; i < *end; ++i)
    span_chars += bs[i].features.text.chars;
  size_t after = *end;
  int64_t after_chars = 0;
  while (after < limit && Neutral(bs[after]))
    after_chars += bs[after++].features.text.chars;
  size_t before = *begin;
  int64_t before_chars = 0;
  while (before > 0 && Neutral(bs[before - 1])) {
    before_chars += bs[--before].features.text.chars;
  }
  if (after_chars > span_chars) *end = after;
  if (before_chars > span_chars) *begin = before;
}

}  // namespace

void SelectText(const ScoringParams& p, BlockList* blocks) {
  BlockList& bs = *blocks;
  if (bs.empty()) return;
  const size_t limit = ListHeadingLimit(p, bs);
  size_t begin = 0, end = 0;
  BestRun(p, bs, limit, &begin, &end);
  ExtendOverLargeNeutralEdges(bs, limit, &begin, &end);
  // Inside the run only explicit evidence (a kind) drops a line: headings,
  // captions and short lines between paragraphs are part of the text.
  for (size_t i = 0; i < bs.size(); ++i) {
    Block& b = bs[i];
    if (i >= limit) {
      LeaveOut(LeftOutBecause::kAfterListHeading, &b);
      continue;
    }
    if (i < begin || i >= end) {
      LeaveOut(LeftOutBecause::kOutsideMainContent, &b);
      continue;
    }
    if (b.kind != BlockKind::kNone) continue;
    b.selected = true;
  }
}

}  // namespace declutter::extract
