#include "service/extract/score/block_evidence.h"

#include <algorithm>

#include "service/extract/blocks/list_runs.h"
#include "service/extract/blocks/boilerplate_lexicon.h"
#include "service/extract/strings/utf8.h"

namespace declutter::extract {
namespace {

// A weak lexicon phrase decides a block only when the block is little more than
// the phrase: a label, a heading, a footer link row. So an article that quotes
// 版权 keeps its paragraph.
bool Dominates(const ScoringParams& p, const LexiconEntry& e,
               const TextFeatures& f) {
  const int32_t phrase_chars = CountCodePoints(e.phrase);
  return f.chars <= phrase_chars * p.dominated_phrase_times +
                        p.dominated_extra_chars ||
         (f.chars < p.dominated_unended_chars && !f.ends_sentence);
}

void GatherOne(const ScoringParams& p, Block* b) {
  const TextFeatures& f = b->features.text;
  BlockEvidence& e = b->evidence;
  e = BlockEvidence();
  e.link_dense = b->features.link_density > p.link_dense_share && f.chars > 0;
  if (const LexiconEntry* hit = BoilerplateLexicon::Find(b->text)) {
    if (hit->strength == kStrong || Dominates(p, *hit, f)) {
      e.lexicon = hit;
      e.lexicon_heading =
          hit->strength == kWeak && f.chars <= p.max_lexicon_heading_chars;
    }
  }
  // Contact details explain a block only when nothing stronger does.
  e.contact_line = (f.has_phone || f.has_email || f.has_url) &&
                   f.Weight() < p.contact_line_weight && !f.ends_sentence &&
                   !e.link_dense && e.lexicon == nullptr;
}

// A short heading the lexicon marks as a disclaimer, related or comment section
// ("权利声明", "相关阅读") owns the numbered (1, 2, 3...) or bulleted run of
// blocks right under it, however prose-like those items read.
void FindListsUnderSectionHeadings(BlockList* blocks) {
  BlockList& bs = *blocks;
  for (size_t i = 0; i + 1 < bs.size(); ++i) {
    const BlockEvidence& heading = bs[i].evidence;
    if (!heading.lexicon_heading) continue;
    const BlockKind kind = heading.lexicon->kind;
    if (kind != BlockKind::kDisclaimer && kind != BlockKind::kRelated &&
        kind != BlockKind::kComment) {
      continue;
    }
    const size_t end =
        std::max(NumberedRunEnd(bs, i + 1), BulletRunEnd(bs, i + 1));
    if (end < i + 3) continue;  // at least two items
    for (size_t k = i + 1; k < end; ++k)
      bs[k].evidence.listed_under = static_cast<int32_t>(i);
    i = end - 1;
  }
}

}  // namespace

void GatherEvidence(const ScoringParams& params, BlockList* blocks) {
  for (Block& b : *blocks) GatherOne(params, &b);
  FindListsUnderSectionHeadings(blocks);
}

}  // namespace declutter::extract
