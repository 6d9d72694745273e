#include "service/extract/select/dom_aggregates.h"

#include <algorithm>

namespace declutter::extract {

double LinkDensity(const DomNode& n) {
  return n.text_chars == 0 ? 0.0
                           : static_cast<double>(n.link_chars) / n.text_chars;
}

bool TeaserCards(const ScoringParams& p, const DomNode& n) {
  return n.headline_links >= 2 &&
         n.text_chars < n.headline_links * p.text_per_teaser &&
         n.longest_prose < p.long_paragraph_chars;
}

bool Prose(const ScoringParams& p, const DomNode& n) {
  return n.text_chars >= p.min_post_chars &&
         LinkDensity(n) < p.link_dense_share;
}

double CandidateScore(const ScoringParams& p, const DomNode& n) {
  return (n.score + n.hint * p.hint_to_score) * (1.0 - LinkDensity(n));
}

void AggregateBlocks(const ScoringParams& p, const BlockList& blocks,
                     DomTree* dom) {
  DomTree& nodes = *dom;
  for (DomNode& n : nodes) {
    n.score = 0;
    n.text_chars = 0;
    n.link_chars = 0;
    n.headline_links = 0;
    n.longest_prose = 0;
  }
  for (const Block& b : blocks) {
    DomNode& holder = nodes[b.node];
    const double link_density = b.features.link_density;
    holder.text_chars += b.features.text.chars;
    holder.link_chars += b.link_chars;
    holder.headline_links += b.features.text.chars >= p.headline_chars &&
                             link_density >= p.headline_link_share;
    if (link_density < p.prose_link_share) {
      holder.longest_prose =
          std::max(holder.longest_prose, b.features.text.chars);
    }
    if (b.score <= 0 || b.kind != BlockKind::kNone) continue;
    int32_t at = holder.paragraph_like ? holder.parent : b.node;
    for (double share : p.level_share) {
      if (at < 0) break;
      nodes[at].score += b.score * share;
      at = nodes[at].parent;
    }
  }
  // Pre-order: every child comes after its parent, so one reverse pass sums
  // subtrees.
  for (size_t i = nodes.size(); i-- > 1;) {
    const int32_t parent = nodes[i].parent;
    if (parent < 0) continue;
    nodes[parent].text_chars += nodes[i].text_chars;
    nodes[parent].link_chars += nodes[i].link_chars;
    nodes[parent].headline_links += nodes[i].headline_links;
    nodes[parent].longest_prose =
        std::max(nodes[parent].longest_prose, nodes[i].longest_prose);
  }
}

void LabelSectionsByHeading(const ScoringParams& p, const BlockList& blocks,
                            DomTree* dom) {
  DomTree& nodes = *dom;
  bool labelled = false;
  for (size_t k = 0; k < blocks.size(); ++k) {
    const Block& b = blocks[k];
    const bool section_kind =
        b.kind == BlockKind::kConsent || b.kind == BlockKind::kComment ||
        b.kind == BlockKind::kRelated || b.kind == BlockKind::kDisclaimer;
    if (!section_kind || b.evidence.lexicon == nullptr || b.node < 0) continue;
    if (b.role != BlockRole::kHeading && !b.evidence.lexicon_heading) continue;
    int32_t c = nodes[b.node].paragraph_like ? nodes[b.node].parent : b.node;
    const int32_t previous = k > 0 ? blocks[k - 1].node : -1;
    auto heads = [&](int32_t n) {
      return n >= 0 && (previous < 0 || !nodes[n].Contains(n, previous));
    };
    if (!heads(c)) continue;
    // A heading wrapped on its own labels the lowest container that holds more
    // than it, while it is still that container's first block.
    for (int level = 0;
         level < p.max_heading_wrap_levels &&
         nodes[c].text_chars <= b.features.text.chars + p.heading_wrap_chars &&
         heads(nodes[c].parent);
         ++level) {
      c = nodes[c].parent;
    }
    nodes[c].hint += p.section_heading_hint;
    if (nodes[c].hint_kind == BlockKind::kNone) nodes[c].hint_kind = b.kind;
    labelled = true;
  }
  if (labelled) LinkNegativeAncestors(dom);
}

std::vector<int32_t> TeaserGridAbove(const ScoringParams& p,
                                     const DomTree& nodes) {
  std::vector<int32_t> teaser_grid(nodes.size(), -1);
  for (size_t i = 0; i < nodes.size(); ++i) {
    const int32_t parent = nodes[i].parent;
    if (parent >= 0 && teaser_grid[parent] >= 0) {
      teaser_grid[i] = teaser_grid[parent];
    } else if (nodes[i].headline_links >= p.min_teaser_cards &&
               TeaserCards(p, nodes[i])) {
      teaser_grid[i] = static_cast<int32_t>(i);
    }
  }
  return teaser_grid;
}

}  // namespace declutter::extract
