#include "service/extract/score/heuristic_scorer.h"

#include <algorithm>
#include <vector>

#include "service/extract/blocks/boilerplate_lexicon.h"
#include "service/extract/blocks/list_runs.h"

namespace declutter::extract {

double HeuristicScorer::ScoreOne(const Block& b) const {
  const ScoringParams& p = params_;
  const TextFeatures& f = b.features.text;
  const BlockEvidence& e = b.evidence;
  const double weight = f.Weight();

  // Prose evidence: length (saturating) plus clause punctuation.
  double score =
      std::min(weight / p.weight_per_unit, p.max_length_score) +
      std::min(f.punctuation * p.per_punctuation, p.max_punctuation_score);
  if (f.ends_sentence) score += p.sentence_end_bonus;
  // Title-like: short, few clause marks, no sentence end. Teasers and menu
  // items. Each is weak evidence on its own (articles have headings, captions
  // and bullet lists too), so each costs little; the lexicon, links and context
  // passes carry the strong negatives.
  const bool title_like = !f.ends_sentence &&
                          f.punctuation <= p.title_like_max_punctuation &&
                          weight < p.title_like_weight;
  if (title_like) score -= p.title_like_cost;
  if (weight < p.tiny_weight) score -= p.tiny_cost;
  if (f.starts_with_bullet && !f.ends_sentence) score -= p.unended_bullet_cost;
  if (b.role == BlockRole::kHeading) score = std::max(score, 0.0);

  if (e.link_dense) {
    score -= p.link_dense_cost + p.link_density_cost * b.features.link_density;
  }
  if (e.lexicon != nullptr) {
    score -= e.lexicon->strength == kStrong ? p.strong_lexicon_cost
                                            : p.weak_lexicon_cost;
  }
  if (e.contact_line) score -= p.contact_line_cost;
  return score;
}

absl::Status HeuristicScorer::Score(BlockList* blocks) const {
  for (Block& b : *blocks) b.score = ScoreOne(b);
  MarkTeaserRuns(blocks);
  for (Block& b : *blocks) {
    if (b.evidence.listed_under >= 0)
      b.score -= params_.listed_under_heading_cost;
  }
  return absl::OkStatus();
}

void HeuristicScorer::MarkTeaserRuns(BlockList* blocks) const {
  BlockList& bs = *blocks;
  // Prose weight before each block: a teaser list trails the article, with
  // little prose after it; a bullet list followed by more prose is the
  // article's own.
  std::vector<double> prose_before(bs.size() + 1, 0.0);
  for (size_t k = 0; k < bs.size(); ++k) {
    prose_before[k + 1] = prose_before[k] + std::max(0.0, bs[k].score);
  }
  size_t i = 0;
  while (i < bs.size()) {
    // A run: consecutive lines opening with the same (non-numeric) bullet mark.
    const size_t end = std::max(i + 1, BulletRunEnd(bs, i));
    const size_t n = end - i;
    if (n >= static_cast<size_t>(params_.min_teaser_run)) {
      size_t title_like = 0;
      for (size_t k = i; k < end; ++k)
        title_like += !bs[k].features.text.ends_with_full_stop;
      // Mostly headline-shaped items: a teaser list, however long each headline
      // is. Evidence, not a verdict: content bullet lists look the same, so the
      // run only loses score (ending an article's span at a teaser list that
      // follows it).
      const double after = prose_before.back() - prose_before[end];
      const bool at_tail =
          after < params_.teaser_tail_share * prose_before.back();
      if (title_like * 4 >= n * 3 && at_tail) {
        for (size_t k = i; k < end; ++k) {
          bs[k].score -= params_.teaser_cost;
          bs[k].evidence.teaser_run = static_cast<int32_t>(n);
        }
      }
    }
    i = end;
  }
}

}  // namespace declutter::extract
