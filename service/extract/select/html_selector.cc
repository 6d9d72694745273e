#include "service/extract/select/html_selector.h"

#include <algorithm>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "gumbo.h"
#include "service/extract/score/block_labeller.h"
#include "service/extract/select/card_grid.h"
#include "service/extract/select/dom_aggregates.h"
#include "service/extract/select/thread_posts.h"

namespace declutter::extract {
namespace {

// Whether a negative container above `node` is a consent dialog or a <footer>.
bool InsideLegalChrome(const DomTree& nodes, int32_t node) {
  for (int32_t neg = nodes[node].negative_ancestor; neg >= 0;) {
    const BlockKind kind = nodes[neg].hint_kind;
    if (kind == BlockKind::kConsent || nodes[neg].tag == GUMBO_TAG_FOOTER)
      return true;
    const int32_t parent = nodes[neg].parent;
    neg = parent >= 0 ? nodes[parent].negative_ancestor : -1;
  }
  return false;
}

// The element that rates best as the article's container, or -1 when none
// scores.
int32_t BestContainer(const ScoringParams& p, const DomTree& nodes) {
  int32_t best = -1;
  double best_score = 0;
  for (size_t i = 0; i < nodes.size(); ++i) {
    if (nodes[i].paragraph_like || nodes[i].score <= 0) continue;
    double s = CandidateScore(p, nodes[i]);
    // Inside a consent dialog or a site footer, text is the article only when
    // nothing outside reads as well: consent managers and footers' policy
    // pop-ups ship pages of legal prose.
    if (InsideLegalChrome(nodes, static_cast<int32_t>(i)))
      s *= p.inside_legal_chrome_share;
    if (best < 0 || s > best_score) {
      best = static_cast<int32_t>(i);
      best_score = s;
    }
  }
  return best;
}

// Why a block outside the chosen content is not content: the kind of the
// negative container or teaser grid it sits in, when it sits in one.
void LeaveOutOutside(const DomTree& nodes,
                     const std::vector<int32_t>& teaser_grid, Block* b) {
  if (b->kind != BlockKind::kNone || b->node < 0) {
    LeaveOut(LeftOutBecause::kOutsideMainContent, b);
    return;
  }
  if (const int32_t neg = nodes[b->node].negative_ancestor; neg >= 0) {
    LeaveOutInContainer(nodes[neg].hint_kind, /*inside_content=*/false, b);
    return;
  }
  if (teaser_grid[b->node] >= 0) {
    LeaveOut(LeftOutBecause::kInTeaserGrid, b);
    return;
  }
  LeaveOut(LeftOutBecause::kOutsideMainContent, b);
}

// A landing page, a service page or a documentation hub has no one article: its
// content is many short sections, each a heading and a paragraph or two, and
// the best scoring container `seed` is one of them. When seed holds only a
// small share of the text that may be content (unclassified, few links, outside
// negative containers that do not hold seed), returns the lowest ancestor that
// holds most of it. Otherwise seed, or the <article> element above it when that
// holds half as much again as seed.
int32_t WidenToContentShare(const ScoringParams& p, const BlockList& blocks,
                            int32_t seed, DomTree* dom) {
  DomTree& nodes = *dom;
  for (DomNode& n : nodes) n.content_chars = 0;
  for (const Block& b : blocks) {
    if (b.node < 0 || b.kind != BlockKind::kNone ||
        b.features.link_density >= p.link_dense_share)
      continue;
    const int32_t neg = nodes[b.node].negative_ancestor;
    if (neg >= 0 && !nodes[neg].Contains(neg, seed)) continue;
    nodes[b.node].content_chars += b.features.text.chars;
  }
  for (size_t i = nodes.size(); i-- > 1;) {
    if (const int32_t parent = nodes[i].parent; parent >= 0) {
      nodes[parent].content_chars += nodes[i].content_chars;
    }
  }
  int64_t page_chars = 0;
  for (size_t i = 0; i < nodes.size(); i = nodes[i].end)
    page_chars += nodes[i].content_chars;
  if (nodes[seed].content_chars >= page_chars * p.best_content_share) {
    // An <article> above seed is the whole article when seed is only part of
    // its text (a body split across layout columns around an embedded figure or
    // ad).
    for (int32_t at = nodes[seed].parent; at >= 0; at = nodes[at].parent) {
      if (nodes[at].tag != GUMBO_TAG_ARTICLE) continue;
      if (nodes[at].negative_ancestor < 0 &&
          nodes[at].content_chars * 2 >= nodes[seed].content_chars * 3) {
        return at;
      }
      break;
    }
    return seed;
  }
  int32_t at = seed;
  while (nodes[at].parent >= 0 &&
         nodes[at].content_chars < page_chars * p.widened_content_share) {
    at = nodes[at].parent;
  }
  return at;
}

// The containers whose blocks may be content: the posts of a thread around
// `best` (with an opening post built apart), or `best` plus siblings that read
// like more of the same article. `*posts` tells which.
std::vector<int32_t> ContentRoots(const ScoringParams& p, const DomTree& nodes,
                                  int32_t best, int32_t seed, bool* posts) {
  const PostRun run = RepeatedPosts(p, nodes, best);
  std::vector<int32_t> roots = run.posts;
  *posts = !roots.empty();
  if (*posts) {
    AddPostBodiesNearRun(p, nodes, run, seed, &roots);
    return roots;
  }
  roots = {best};
  const int32_t parent = nodes[best].parent;
  if (parent < 0) return roots;
  const double threshold =
      std::max(p.min_sibling_score,
               CandidateScore(p, nodes[best]) * p.sibling_score_share);
  for (int32_t i = parent + 1; i < nodes[parent].end; i = nodes[i].end) {
    if (i == best) continue;
    const DomNode& sib = nodes[i];
    if (sib.hint < 0) continue;
    const bool strong = CandidateScore(p, sib) >= threshold;
    const bool prose_paragraph = sib.paragraph_like &&
                                 sib.text_chars > p.sibling_paragraph_chars &&
                                 LinkDensity(sib) < p.sibling_paragraph_links;
    if (strong || prose_paragraph) roots.push_back(i);
  }
  return roots;
}

// Comment containers that hold seed were outvoted by it; in a run of posts so
// are their twins (the same tag and first class) in the other posts: a thread's
// every post sits in the "comment" wrapper that holds the best one.
absl::flat_hash_set<uint32_t> OutvotedCommentKeys(const DomTree& nodes,
                                                  int32_t seed, bool posts) {
  absl::flat_hash_set<uint32_t> keys;
  for (int32_t at = seed; posts && at >= 0; at = nodes[at].parent) {
    if (nodes[at].hint < 0 && nodes[at].hint_kind == BlockKind::kComment &&
        nodes[at].class_key != 0) {
      keys.insert(nodes[at].class_key);
    }
  }
  return keys;
}

// The root above each node, in one pre-order pass: a thread has hundreds of
// posts and thousands of blocks, too many to test each block against each root.
// Roots never nest (siblings, and an opening post that ends before the run
// starts).
std::vector<int32_t> RootAbove(const DomTree& nodes,
                               const std::vector<int32_t>& roots) {
  std::vector<int32_t> root_of(nodes.size(), -1);
  for (int32_t r : roots) root_of[r] = r;
  for (size_t i = 0; i < nodes.size(); ++i) {
    const int32_t up = nodes[i].parent;
    if (root_of[i] < 0 && up >= 0) root_of[i] = root_of[up];
  }
  return root_of;
}

// A listing page: when nothing selected reads as article prose and a grid of
// cards holds far more text than the selection, the grid is the content, its
// links included (a card's title is a link). Blocks the lexicon marked and
// blocks in negative containers inside the grid stay out.
void SelectCardGridOnListing(const ScoringParams& p, const DomTree& nodes,
                             const std::vector<int32_t>& teaser_grid,
                             BlockList* blocks) {
  int64_t selected_chars = 0;
  for (const Block& b : *blocks) {
    if (!b.selected) continue;
    const double weight = b.features.text.Weight();
    if (weight >= p.article_paragraph_weight ||
        (b.features.text.ends_sentence &&
         weight >= p.article_sentence_weight)) {
      return;
    }
    selected_chars += b.features.text.chars;
  }
  const CardGrid grid = FindCardGrid(p, nodes);
  if (grid.parent < 0 || grid.chars < selected_chars * p.grid_over_selection)
    return;
  int32_t root = grid.parent;
  for (int level = 0; level < p.max_grid_head_levels; ++level) {
    const int32_t up = nodes[root].parent;
    if (up < 0 || nodes[up].negative_ancestor >= 0 ||
        nodes[up].text_chars >
            nodes[root].text_chars * 5 / 4 + p.grid_head_chars) {
      break;
    }
    root = up;
  }
  for (Block& b : *blocks) {
    const bool inside = b.node >= 0 && nodes[root].Contains(root, b.node);
    const int32_t negative = inside ? nodes[b.node].negative_ancestor : -1;
    if (inside && b.evidence.lexicon == nullptr && negative < 0) {
      TakeAsContent(&b);
      continue;
    }
    if (!b.selected) continue;
    b.selected = false;
    if (negative >= 0) {
      LeaveOutInContainer(nodes[negative].hint_kind, /*inside_content=*/true,
                          &b);
    } else {
      LeaveOutOutside(nodes, teaser_grid, &b);
    }
  }
}

// Selects the blocks under `roots` that nothing speaks against; labels the
// others.
void SelectUnderRoots(const ScoringParams& p, const DomTree& nodes,
                      const std::vector<int32_t>& roots, int32_t seed,
                      bool posts, const std::vector<int32_t>& teaser_grid,
                      BlockList* blocks) {
  const absl::flat_hash_set<uint32_t> outvoted_keys =
      OutvotedCommentKeys(nodes, seed, posts);
  const std::vector<int32_t> root_of = RootAbove(nodes, roots);
  for (Block& b : *blocks) {
    const int32_t root = b.node >= 0 ? root_of[b.node] : -1;
    if (root < 0) {
      LeaveOutOutside(nodes, teaser_grid, &b);
      continue;
    }
    const int32_t negative = nodes[b.node].negative_ancestor;
    // A negative container that holds the best-scoring content itself was
    // outvoted by it.
    if (negative > root && nodes[root].Contains(root, negative) &&
        !nodes[negative].Contains(negative, seed) &&
        !outvoted_keys.contains(nodes[negative].class_key)) {
      LeaveOutInContainer(nodes[negative].hint_kind, /*inside_content=*/true,
                          &b);
      continue;
    }
    if (b.kind != BlockKind::kNone) continue;
    if (b.score < p.drop_below) {
      LeaveOut(LeftOutBecause::kTooLittleText, &b);
      continue;
    }
    b.selected = true;
  }
}

// Blocks left out that a learned scorer gives at least `at_least` join the
// content: the container logic picks one region, and pages of several
// (service pages, threads, listings, documentation with a split body) lose
// the rest. Not against the lexicon: a block it names (a consent notice, a
// copyright line) stays out. (Negatively hinted containers do not keep blocks
// out: forum posts and service sections sit in many; 0.829 against 0.841 on
// wcxb-dev.)
void RescueConfidentBlocks(double at_least, BlockList* blocks) {
  for (Block& b : *blocks) {
    if (!b.selected && b.content_probability >= at_least &&
        b.evidence.lexicon == nullptr) {
      TakeAsContent(&b);
    }
  }
}

}  // namespace

void SelectHtml(const ScoringParams& p, DomTree* dom, BlockList* blocks,
                PageType type, double type_probability) {
  DomTree& nodes = *dom;
  if (nodes.empty() || blocks->empty()) return;
  // A type the model is unsure of gets the article's profile: the cautious one.
  const double rescue = p.rescue_probability[static_cast<size_t>(
      type_probability >= p.min_profile_probability ? type
                                                    : PageType::kArticle)];
  AggregateBlocks(p, *blocks, &nodes);
  LabelSectionsByHeading(p, *blocks, &nodes);
  const int32_t seed = BestContainer(p, nodes);
  const std::vector<int32_t> teaser_grid = TeaserGridAbove(p, nodes);
  if (seed < 0) {
    for (Block& b : *blocks) LeaveOut(LeftOutBecause::kNoMainContent, &b);
    SelectCardGridOnListing(p, nodes, teaser_grid, blocks);
    RescueConfidentBlocks(rescue, blocks);
    return;
  }
  const int32_t best = WidenToContentShare(p, *blocks, seed, &nodes);
  bool posts = false;
  const std::vector<int32_t> roots = ContentRoots(p, nodes, best, seed, &posts);
  SelectUnderRoots(p, nodes, roots, seed, posts, teaser_grid, blocks);
  SelectCardGridOnListing(p, nodes, teaser_grid, blocks);
  RescueConfidentBlocks(rescue, blocks);
}

}  // namespace declutter::extract
