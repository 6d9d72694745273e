#include "service/extract/score/block_classifier.h"

#include <algorithm>
#include <cmath>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "service/extract/score/boilerplate_lexicon.h"
#include "service/extract/blocks/list_runs.h"
#include "service/extract/strings/utf8.h"

namespace declutter::extract {
namespace {

// A weak lexicon phrase decides a block only when the block is little more than the
// phrase: a label, a heading, a footer link row.
bool Dominates(const LexiconEntry& e, const TextFeatures& f) {
  const int32_t phrase_chars = CountCodePoints(e.phrase);
  return f.chars <= phrase_chars * 3 + 12 || (f.chars < 60 && !f.ends_sentence);
}

}  // namespace

void BlockClassifier::ClassifyOne(Favor favor, Block* b) {
  TextFeatures& f = b->features;
  f = ComputeTextFeatures(b->text);
  const double weight = f.Weight();
  const double link_density = b->LinkDensity();

  // Prose evidence: length (saturating) plus clause punctuation.
  double score = std::min(weight / 40.0, 8.0) + std::min(f.punctuation * 0.6, 6.0);
  if (f.ends_sentence) score += 1.5;
  // Title-like: short, few clause marks, no sentence end. Teasers and menu items.
  // Each is weak evidence on its own (articles have headings, captions and bullet
  // lists too), so each costs little; the lexicon, links and context passes carry the
  // strong negatives.
  const bool title_like = !f.ends_sentence && f.punctuation <= 1 && weight < 120;
  if (title_like) score -= 1.5;
  if (weight < 16) score -= 1.0;
  if (f.starts_with_bullet && !f.ends_sentence) score -= 1.0;
  if (b->role == BlockRole::kHeading) score = std::max(score, 0.0);

  b->kind = BlockKind::kNone;
  b->kind_if_left_out = BlockKind::kNone;
  b->lexicon_heading = false;
  b->lexicon_hit = false;
  b->reason.clear();
  if (link_density > 0.5 && f.chars > 0) {
    score -= 4.0 + 6.0 * link_density;
    b->kind = weight < 40 ? BlockKind::kNavigation : BlockKind::kRelated;
    b->reason = absl::StrCat("link density ", static_cast<int>(link_density * 100), "%");
  }
  if (const LexiconEntry* hit = BoilerplateLexicon::Find(b->text)) {
    if (hit->strength == kStrong || Dominates(*hit, f)) {
      score -= hit->strength == kStrong ? 12.0 : 8.0;
      b->kind = hit->kind;
      b->reason = absl::StrCat("lexicon: ", hit->phrase, " (", hit->note, ")");
      b->lexicon_heading = hit->strength == kWeak && f.chars <= kMaxHeadingChars;
      b->lexicon_hit = true;
    }
  }
  if ((f.has_phone || f.has_email || f.has_url) && weight < 160 &&
      b->kind == BlockKind::kNone && !f.ends_sentence) {
    score -= 4.0;
    b->kind = BlockKind::kContact;
    b->reason = f.has_url ? "short line with a URL" : "short line with contact details";
  }
  if (favor == Favor::kPrecision) score -= 1.0;
  if (favor == Favor::kRecall) score += 1.0;
  b->score = score;
}

void BlockClassifier::Classify(Favor favor, BlockList* blocks) {
  for (Block& b : *blocks) ClassifyOne(favor, &b);
  MarkTeaserRuns(blocks);
  MarkHeadedLists(blocks);
}

void BlockClassifier::MarkHeadedLists(BlockList* blocks) {
  BlockList& bs = *blocks;
  for (size_t i = 0; i + 1 < bs.size(); ++i) {
    const Block& heading = bs[i];
    const bool section_kind = heading.kind == BlockKind::kDisclaimer ||
                              heading.kind == BlockKind::kRelated ||
                              heading.kind == BlockKind::kComment;
    if (!section_kind || !heading.lexicon_heading) continue;
    // The run right under it: numbered 1, 2, 3... or lines sharing a bullet mark.
    const size_t end = std::max(NumberedRunEnd(bs, i + 1), BulletRunEnd(bs, i + 1));
    if (end < i + 3) continue;  // at least two items
    const std::string reason = absl::StrCat("listed under the heading \"", heading.text, "\"");
    for (size_t k = i + 1; k < end; ++k) {
      bs[k].score -= 8.0;
      bs[k].kind = heading.kind;
      bs[k].reason = reason;
    }
    i = end - 1;
  }
}

void BlockClassifier::MarkTeaserRuns(BlockList* blocks) {
  BlockList& bs = *blocks;
  // Prose weight before each block: a teaser list trails the article, with little prose
  // after it; a bullet list followed by more prose is the article's own.
  std::vector<double> prose_before(bs.size() + 1, 0.0);
  for (size_t k = 0; k < bs.size(); ++k) {
    prose_before[k + 1] = prose_before[k] + std::max(0.0, bs[k].score);
  }
  size_t i = 0;
  while (i < bs.size()) {
    // A run: consecutive lines opening with the same (non-numeric) bullet mark.
    // Only text lines: HTML lists are judged by link density and DOM context, since
    // articles use short bullet lists of their own.
    const size_t end = std::max(i + 1, BulletRunEnd(bs, i));
    const size_t n = end - i;
    if (n >= kMinTeaserRun) {
      size_t title_like = 0;
      for (size_t k = i; k < end; ++k) title_like += !bs[k].features.ends_with_full_stop;
      // Mostly headline-shaped items: a teaser list, however long each headline is.
      // Evidence, not a verdict: content bullet lists look the same, so the run only
      // loses score (ending an article's span at a teaser list that follows it).
      const double after = prose_before.back() - prose_before[end];
      const bool at_tail = after < kTailShare * prose_before.back();
      if (title_like * 4 >= n * 3 && at_tail) {
        for (size_t k = i; k < end; ++k) {
          bs[k].score -= 3.0;
          if (bs[k].kind == BlockKind::kNone) {
            bs[k].kind_if_left_out = BlockKind::kRelated;
            bs[k].reason = absl::StrCat("teaser list (", n, " headline-like items)");
          }
        }
      }
    }
    i = end;
  }
}

}  // namespace declutter::extract
