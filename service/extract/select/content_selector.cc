#include "service/extract/select/content_selector.h"

#include <algorithm>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gumbo.h"
#include "service/extract/select/card_grid.h"
#include "service/extract/blocks/text_features.h"
#include "service/extract/strings/text_normalizer.h"
#include "service/extract/strings/utf8.h"

namespace declutter::extract {
namespace {

// The most a text line without explicit boilerplate evidence counts against a span.
constexpr double kNeutralCost = 0.5;

// How much of a paragraph's score reaches the ancestor `level` steps up.
constexpr double kLevelShare[] = {1.0, 0.5, 1.0 / 6, 1.0 / 9, 1.0 / 12};

// How far above the best container a post wrapper may sit, and how much text beyond
// the post body (author, date, counters) it may hold.
constexpr int kMaxPostLevels = 10;
constexpr int32_t kPostChromeChars = 200;
// How far above a run of posts' parent an opening post built apart is looked for.
constexpr int kMaxOpeningPostLevels = 3;
// What a candidate inside a consent dialog or a <footer> keeps of its score.
constexpr double kInsideLegalChromeShare = 0.1;
// Words of a structured body compared with the selection to tell whether it is shown.
constexpr int kStructuredWordsCompared = 200;
// A heading that names a boilerplate section adds this to its container's hint.
constexpr int32_t kSectionHeadingHint = -30;
// How far up a heading wrapped in elements of its own is followed to its section, and
// how much text beside it (an icon label, a count) its wrappers may hold.
constexpr int kMaxHeadingWrapLevels = 8;
constexpr int32_t kHeadingWrapChars = 20;
// Linked headlines a teaser grid has at least.
constexpr int32_t kMinTeaserCards = 3;
// Structured-data text shorter than this (code points) is not taken as a body.
constexpr int64_t kMinStructuredBodyChars = 150;
// A link block at least this long (code points) is a headline, not a menu item.
constexpr int32_t kHeadlineChars = 15;
// Text per linked headline below which a section is a grid of teaser cards.
constexpr int32_t kTextPerTeaser = 350;
// A paragraph this long (code points) is article prose; teaser excerpts are shorter.
constexpr int32_t kLongParagraphChars = 300;
// Below this share of the page's possible content text, the best container is one
// section of many; the container widened to holds at least the second share.
constexpr double kBestContentShare = 0.35;
constexpr double kWidenedContentShare = 0.6;
// A selected block this heavy (TextFeatures::Weight) is article prose: the page is
// not a listing.
constexpr double kArticleParagraphWeight = 200;
// ...and so is a lighter one that ends a sentence (a one-paragraph news brief).
constexpr double kArticleSentenceWeight = 120;
// How many times the selection's text a card grid must hold to replace it.
constexpr int64_t kGridOverSelection = 2;
// Levels above a card grid taken with it while they add little text (a listing's
// heading and item count): at most a quarter more, plus this many code points.
constexpr int kMaxGridHeadLevels = 3;
constexpr int32_t kGridHeadChars = 50;
// Text a sibling needs to count as another post rather than an empty shell.
constexpr int32_t kMinPostChars = 40;

double LinkDensity(const DomNode& n) {
  return n.text_chars == 0 ? 0.0 : static_cast<double>(n.link_chars) / n.text_chars;
}

// Teaser cards: several linked headlines with little text per headline and no long
// paragraph. A "more stories" grid, not more of the article, however much its
// excerpts read like prose.
bool TeaserCards(const DomNode& n) {
  return n.headline_links >= 2 && n.text_chars < n.headline_links * kTextPerTeaser &&
         n.longest_prose < kLongParagraphChars;
}

bool Prose(const DomNode& n) {
  return n.text_chars >= kMinPostChars && LinkDensity(n) < 0.5;
}

// Whether the subtree at `post` holds prose in an element keyed `body_key` (or, when
// that is 0, anywhere).
bool HasPostBody(const DomTree& nodes, int32_t post, uint32_t body_key) {
  if (body_key == 0) return Prose(nodes[post]);
  for (int32_t i = post; i < nodes[post].end; ++i) {
    if (nodes[i].class_key == body_key && Prose(nodes[i])) return true;
  }
  return false;
}

// Whether a negative container above `node` is a consent dialog or a <footer>.
bool InsideLegalChrome(const DomTree& nodes, int32_t node) {
  for (int32_t neg = nodes[node].negative_ancestor; neg >= 0;) {
    const BlockKind kind = nodes[neg].hint_kind;
    if (kind == BlockKind::kConsent || nodes[neg].tag == GUMBO_TAG_FOOTER) return true;
    const int32_t parent = nodes[neg].parent;
    neg = parent >= 0 ? nodes[parent].negative_ancestor : -1;
  }
  return false;
}

double CandidateScore(const DomNode& n) {
  return (n.score + n.hint * 0.5) * (1.0 - LinkDensity(n));
}

bool Neutral(const Block& b) {
  return b.kind == BlockKind::kNone && b.kind_if_left_out == BlockKind::kNone;
}

void ExtendOverLargeNeutralEdges(const BlockList& bs, size_t limit, size_t* begin,
                                 size_t* end) {
  if (*begin >= *end) return;
  int64_t span_chars = 0;
  for (size_t i = *begin; i < *end; ++i) span_chars += bs[i].features.chars;
  size_t after = *end;
  int64_t after_chars = 0;
  while (after < limit && Neutral(bs[after])) after_chars += bs[after++].features.chars;
  size_t before = *begin;
  int64_t before_chars = 0;
  while (before > 0 && Neutral(bs[before - 1])) before_chars += bs[--before].features.chars;
  if (after_chars > span_chars) *end = after;
  if (before_chars > span_chars) *begin = before;
}

void MarkLeftOut(Block* b, const char* why) {
  if (b->kind != BlockKind::kNone) return;
  if (b->kind_if_left_out != BlockKind::kNone) {
    b->kind = b->kind_if_left_out;  // its reason is already set
    return;
  }
  b->kind = BlockKind::kOther;
  b->reason = why;
}

// A forum thread, a Q&A page or a review list is a run of sibling posts sharing one
// structure; the best-scoring post alone is not the content. Climbs from `best` while
// the ancestor is still about one post (its text little more than best's: author,
// date, post number), looking for siblings with the same tag and first class that
// hold a body like best's (an element with the same class key, with prose in it):
// sharing an outer class is not enough, page sections and card grids share those.
// Returns every such post in document order, or no posts when `best` is not in a run.
struct PostRun {
  std::vector<int32_t> posts;
  uint32_t body_key = 0;  // class key of the posts' body element; 0 when unkeyed
};
PostRun RepeatedPosts(const DomTree& nodes, int32_t best) {
  const int32_t best_chars = nodes[best].text_chars;
  // The class key of the post body: best's own, or its nearest keyed ancestor below
  // the post wrapper; 0 while the wrapper itself is all there is.
  uint32_t body_key = 0;
  int32_t at = best;
  for (int level = 0; level < kMaxPostLevels; ++level) {
    const DomNode& node = nodes[at];
    if (node.text_chars > best_chars * 3 / 2 + kPostChromeChars) break;
    const int32_t parent = node.parent;
    if (parent < 0) break;
    if (node.class_key != 0 || body_key != 0) {
      std::vector<int32_t> posts;
      int prose_siblings = 0;
      // Teaser siblings are more of the same only when best is a teaser itself (a
      // listing page, whose cards are the content).
      const bool teasers_allowed = TeaserCards(node);
      for (int32_t i = parent + 1; i < nodes[parent].end; i = nodes[i].end) {
        const DomNode& sib = nodes[i];
        // A reply marked up as a comment (schema.org Comment, "comment" classes) is a
        // post when it is built like best's: the page is a thread, not an article
        // with comments under it. The opening post often carries a class of its own,
        // so a sibling of the same tag with a body keyed like best's is one too.
        const bool same_build = sib.class_key == node.class_key ||
                                (sib.tag == node.tag && body_key != 0);
        if (i != at) {
          if (!same_build || (sib.hint < 0 && sib.hint_kind != BlockKind::kComment)) continue;
          if ((TeaserCards(sib) && !teasers_allowed) || !HasPostBody(nodes, i, body_key)) {
            continue;
          }
          ++prose_siblings;
        }
        posts.push_back(i);
      }
      if (prose_siblings >= 1) return {std::move(posts), body_key};
      if (body_key == 0) body_key = node.class_key;
    }
    at = parent;
  }
  return {};
}

// A thread's opening post is often built apart from the replies, in a wrapper of its
// own above the reply list. The first body keyed like the replies' bodies, with prose,
// before the run and near it (under an ancestor at most kMaxOpeningPostLevels above
// the posts' parent), outside negative containers that do not hold `seed`, is the
// opening post: appended to `roots`.
void AddPostBodiesNearRun(const DomTree& nodes, const PostRun& run, int32_t seed,
                          std::vector<int32_t>* roots) {
  if (run.body_key == 0) return;
  int32_t scope = nodes[run.posts.front()].parent;
  for (int level = 0; level < kMaxOpeningPostLevels && nodes[scope].parent >= 0; ++level) {
    scope = nodes[scope].parent;
  }
  for (int32_t i = scope + 1; i < run.posts.front(); ++i) {
    if (nodes[i].Contains(i, run.posts.front())) continue;
    const int32_t neg = nodes[i].negative_ancestor;
    const bool negative = neg >= 0 && !nodes[neg].Contains(neg, seed);
    if (!negative && nodes[i].class_key == run.body_key && Prose(nodes[i])) {
      roots->push_back(i);
      return;
    }
  }
}

// A container whose first block is a boilerplate heading ("We value your privacy",
// "12 Comments", "相关阅读") is that section, whatever its class names say: it gets
// the negative hint a class name would have given it.
void LabelSectionsByHeading(const BlockList& blocks, DomTree* dom) {
  DomTree& nodes = *dom;
  bool labelled = false;
  for (size_t k = 0; k < blocks.size(); ++k) {
    const Block& b = blocks[k];
    const bool section_kind = b.kind == BlockKind::kConsent || b.kind == BlockKind::kComment ||
                              b.kind == BlockKind::kRelated || b.kind == BlockKind::kDisclaimer;
    if (!section_kind || !b.lexicon_hit || b.node < 0) continue;
    if (b.role != BlockRole::kHeading && !b.lexicon_heading) continue;
    int32_t c = nodes[b.node].paragraph_like ? nodes[b.node].parent : b.node;
    const int32_t previous = k > 0 ? blocks[k - 1].node : -1;
    auto heads = [&](int32_t n) {
      return n >= 0 && (previous < 0 || !nodes[n].Contains(n, previous));
    };
    if (!heads(c)) continue;
    // A heading wrapped on its own labels the lowest container that holds more than
    // it, while it is still that container's first block.
    for (int level = 0; level < kMaxHeadingWrapLevels &&
                        nodes[c].text_chars <= b.features.chars + kHeadingWrapChars &&
                        heads(nodes[c].parent);
         ++level) {
      c = nodes[c].parent;
    }
    nodes[c].hint += kSectionHeadingHint;
    if (nodes[c].hint_kind == BlockKind::kNone) nodes[c].hint_kind = b.kind;
    labelled = true;
  }
  if (labelled) LinkNegativeAncestors(dom);
}

// Marks `b` as not content because it sits in the negatively hinted `container`.
void MarkInContainer(const DomNode& container, const char* where, Block* b) {
  b->kind = container.hint_kind == BlockKind::kNone ? BlockKind::kOther : container.hint_kind;
  b->reason = absl::StrCat(where, " a ", BlockKindName(b->kind),
                           " container (class/id/tag/heading evidence)");
}

// Why a block outside the chosen content is not content: the kind of the negative
// container or teaser grid it sits in, when it sits in one.
void MarkOutside(const DomTree& nodes, const std::vector<int32_t>& teaser_grid, Block* b) {
  if (b->kind != BlockKind::kNone || b->node < 0) {
    MarkLeftOut(b, "outside the main content");
    return;
  }
  if (const int32_t neg = nodes[b->node].negative_ancestor; neg >= 0) {
    MarkInContainer(nodes[neg], "outside the main content, in", b);
    return;
  }
  if (teaser_grid[b->node] >= 0) {
    b->kind = BlockKind::kRelated;
    b->reason = "outside the main content, in a grid of teaser cards";
    return;
  }
  MarkLeftOut(b, "outside the main content");
}

// A landing page, a service page or a documentation hub has no one article: its
// content is many short sections, each a heading and a paragraph or two, and the best
// scoring container `seed` is one of them. When seed holds only a small share of the
// text that may be content (unclassified, few links, outside negative containers that
// do not hold seed), returns the lowest ancestor that holds most of it. Otherwise seed,
// or the <article> element above it when that holds half as much again as seed.
int32_t WidenToContentShare(const BlockList& blocks, int32_t seed, DomTree* dom) {
  DomTree& nodes = *dom;
  for (DomNode& n : nodes) n.content_chars = 0;
  for (const Block& b : blocks) {
    if (b.node < 0 || b.kind != BlockKind::kNone || b.LinkDensity() >= 0.5) continue;
    const int32_t neg = nodes[b.node].negative_ancestor;
    if (neg >= 0 && !nodes[neg].Contains(neg, seed)) continue;
    nodes[b.node].content_chars += b.features.chars;
  }
  for (size_t i = nodes.size(); i-- > 1;) {
    if (const int32_t parent = nodes[i].parent; parent >= 0) {
      nodes[parent].content_chars += nodes[i].content_chars;
    }
  }
  int64_t page_chars = 0;
  for (size_t i = 0; i < nodes.size(); i = nodes[i].end) page_chars += nodes[i].content_chars;
  if (nodes[seed].content_chars >= page_chars * kBestContentShare) {
    // An <article> above seed is the whole article when seed is only part of its text
    // (a body split across layout columns around an embedded figure or ad).
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
  while (nodes[at].parent >= 0 && nodes[at].content_chars < page_chars * kWidenedContentShare) {
    at = nodes[at].parent;
  }
  return at;
}

// A listing page: when nothing selected reads as article prose and a grid of cards
// holds far more text than the selection, the grid is the content, its links included
// (a card's title is a link). Blocks the lexicon marked and blocks in negative
// containers inside the grid stay out.
void SelectCardGridOnListing(const DomTree& nodes, const std::vector<int32_t>& teaser_grid,
                             BlockList* blocks) {
  int64_t selected_chars = 0;
  for (const Block& b : *blocks) {
    if (!b.selected) continue;
    const double weight = b.features.Weight();
    if (weight >= kArticleParagraphWeight ||
        (b.features.ends_sentence && weight >= kArticleSentenceWeight)) {
      return;
    }
    selected_chars += b.features.chars;
  }
  const CardGrid grid = FindCardGrid(nodes);
  if (grid.parent < 0 || grid.chars < selected_chars * kGridOverSelection) return;
  int32_t root = grid.parent;
  for (int level = 0; level < kMaxGridHeadLevels; ++level) {
    const int32_t up = nodes[root].parent;
    if (up < 0 || nodes[up].negative_ancestor >= 0 ||
        nodes[up].text_chars > nodes[root].text_chars * 5 / 4 + kGridHeadChars) {
      break;
    }
    root = up;
  }
  for (Block& b : *blocks) {
    const bool inside = b.node >= 0 && nodes[root].Contains(root, b.node);
    const int32_t negative = inside ? nodes[b.node].negative_ancestor : -1;
    if (inside && !b.lexicon_hit && negative < 0) {
      b.selected = true;
      b.kind = BlockKind::kNone;
      b.reason.clear();
      continue;
    }
    if (!b.selected) continue;
    b.selected = false;
    if (negative >= 0) {
      MarkInContainer(nodes[negative], "inside", &b);
    } else {
      MarkOutside(nodes, teaser_grid, &b);
    }
  }
}

}  // namespace

void ContentSelector::SelectHtml(Favor favor, DomTree* dom, BlockList* blocks) {
  DomTree& nodes = *dom;
  if (nodes.empty() || blocks->empty()) return;
  for (DomNode& n : nodes) {
    n.score = 0;
    n.text_chars = 0;
    n.link_chars = 0;
    n.headline_links = 0;
    n.longest_prose = 0;
  }
  for (const Block& b : *blocks) {
    DomNode& holder = nodes[b.node];
    holder.text_chars += b.features.chars;
    holder.link_chars += b.link_chars;
    holder.headline_links += b.features.chars >= kHeadlineChars && b.LinkDensity() >= 0.8;
    if (b.LinkDensity() < 0.3) {
      holder.longest_prose = std::max(holder.longest_prose, b.features.chars);
    }
    if (b.score <= 0 || b.kind != BlockKind::kNone) continue;
    int32_t at = holder.paragraph_like ? holder.parent : b.node;
    for (double share : kLevelShare) {
      if (at < 0) break;
      nodes[at].score += b.score * share;
      at = nodes[at].parent;
    }
  }
  // Pre-order: every child comes after its parent, so one reverse pass sums subtrees.
  for (size_t i = nodes.size(); i-- > 1;) {
    const int32_t parent = nodes[i].parent;
    if (parent < 0) continue;
    nodes[parent].text_chars += nodes[i].text_chars;
    nodes[parent].link_chars += nodes[i].link_chars;
    nodes[parent].headline_links += nodes[i].headline_links;
    nodes[parent].longest_prose = std::max(nodes[parent].longest_prose, nodes[i].longest_prose);
  }
  LabelSectionsByHeading(*blocks, &nodes);
  int32_t best = -1;
  double best_score = 0;

  for (size_t i = 0; i < nodes.size(); ++i) {
    if (nodes[i].paragraph_like || nodes[i].score <= 0) continue;
    double s = CandidateScore(nodes[i]);
    // Inside a consent dialog or a site footer, text is the article only when nothing
    // outside reads as well: consent managers and footers' policy pop-ups ship pages
    // of legal prose.
    if (InsideLegalChrome(nodes, static_cast<int32_t>(i))) s *= kInsideLegalChromeShare;
    if (best < 0 || s > best_score) {
      best = static_cast<int32_t>(i);
      best_score = s;
    }
  }
  // The outermost teaser grid above each node, for reporting what is left out.
  std::vector<int32_t> teaser_grid(nodes.size(), -1);
  for (size_t i = 0; i < nodes.size(); ++i) {
    const int32_t parent = nodes[i].parent;
    if (parent >= 0 && teaser_grid[parent] >= 0) {
      teaser_grid[i] = teaser_grid[parent];
    } else if (nodes[i].headline_links >= kMinTeaserCards && TeaserCards(nodes[i])) {
      teaser_grid[i] = static_cast<int32_t>(i);
    }
  }
  if (best < 0) {
    for (Block& b : *blocks) MarkLeftOut(&b, "no main content found");
    SelectCardGridOnListing(nodes, teaser_grid, blocks);
    return;
  }
  const int32_t seed = best;
  best = WidenToContentShare(*blocks, seed, &nodes);

  // The chosen container plus siblings that read like more of the same article.
  const PostRun run = RepeatedPosts(nodes, best);
  std::vector<int32_t> roots = run.posts;
  const int32_t parent = nodes[best].parent;
  const bool posts = !roots.empty();
  if (posts) {
    AddPostBodiesNearRun(nodes, run, seed, &roots);
  } else {
    roots = {best};
  }
  if (!posts && parent >= 0) {
    const double threshold = std::max(10.0, CandidateScore(nodes[best]) * 0.2);
    for (int32_t i = parent + 1; i < nodes[parent].end; i = nodes[i].end) {
      if (i == best) continue;
      const DomNode& sib = nodes[i];
      if (sib.hint < 0) continue;
      const bool strong = CandidateScore(sib) >= threshold;
      const bool prose_paragraph = sib.paragraph_like && sib.text_chars > 80 &&
                                   LinkDensity(sib) < 0.25;
      if (strong || prose_paragraph) roots.push_back(i);
    }
  }

  // Comment containers that hold seed were outvoted by it; in a run of posts so are
  // their twins (the same tag and first class) in the other posts: a thread's every
  // post sits in the "comment" wrapper that holds the best one.
  absl::flat_hash_set<uint32_t> outvoted_keys;
  for (int32_t at = seed; posts && at >= 0; at = nodes[at].parent) {
    if (nodes[at].hint < 0 && nodes[at].hint_kind == BlockKind::kComment &&
        nodes[at].class_key != 0) {
      outvoted_keys.insert(nodes[at].class_key);
    }
  }
  // The root above each node, in one pre-order pass: a thread has hundreds of posts
  // and thousands of blocks, too many to test each block against each root. Roots
  // never nest (siblings, and an opening post that ends before the run starts).
  std::vector<int32_t> root_of(nodes.size(), -1);
  for (int32_t r : roots) root_of[r] = r;
  for (size_t i = 0; i < nodes.size(); ++i) {
    const int32_t up = nodes[i].parent;
    if (root_of[i] < 0 && up >= 0) root_of[i] = root_of[up];
  }
  const double drop_below = favor == Favor::kRecall ? -8.0
                            : favor == Favor::kPrecision ? -2.0 : -4.0;
  for (Block& b : *blocks) {
    const int32_t root = b.node >= 0 ? root_of[b.node] : -1;
    if (root < 0) {
      MarkOutside(nodes, teaser_grid, &b);
      continue;
    }
    const int32_t negative = nodes[b.node].negative_ancestor;
    // A negative container that holds the best-scoring content itself was outvoted by
    // it.
    if (negative > root && nodes[root].Contains(root, negative) &&
        !nodes[negative].Contains(negative, seed) &&
        !outvoted_keys.contains(nodes[negative].class_key)) {
      MarkInContainer(nodes[negative], "inside", &b);
      continue;
    }
    if (b.kind != BlockKind::kNone) continue;
    if (b.score < drop_below) {
      MarkLeftOut(&b, "too little text evidence");
      continue;
    }
    b.selected = true;
  }
  SelectCardGridOnListing(nodes, teaser_grid, blocks);
}

void ContentSelector::SelectText(BlockList* blocks) {
  BlockList& bs = *blocks;
  const size_t n = bs.size();
  if (n == 0) return;
  // A related-list or comment heading after substantial content ends the article:
  // what follows it is that list, however prose-like its teasers are.
  size_t limit = n;
  double seen = 0;
  for (size_t i = 0; i < n; ++i) {
    const bool list_heading = bs[i].lexicon_heading && (bs[i].kind == BlockKind::kRelated ||
                                                        bs[i].kind == BlockKind::kComment);
    if (seen >= 15 && list_heading) {
      limit = i;
      break;
    }
    seen += std::max(0.0, bs[i].score);
  }
  // Maximum-sum contiguous run (Kadane) over [0, limit). A line with no explicit
  // evidence costs at most kNeutralCost: short neutral lines between paragraphs
  // (headings, list items) must not split an article, but still trim at its edges.
  double best = 0, run = 0;
  size_t best_begin = 0, best_end = 0, run_begin = 0;
  for (size_t i = 0; i < limit; ++i) {
    if (run <= 0) {
      run = 0;
      run_begin = i;
    }
    const bool evidence =
        bs[i].kind != BlockKind::kNone || bs[i].kind_if_left_out != BlockKind::kNone;
    run += evidence ? bs[i].score : std::max(bs[i].score, -kNeutralCost);
    if (run > best) {
      best = run;
      best_begin = run_begin;
      best_end = i + 1;
    }
  }
  // Neutral lines (no evidence at all) right outside the run are trimmed as page
  // edges, unless they outweigh the run itself: then they are most of the page (a
  // listing, a page of short items) and cutting them would cut the content.
  ExtendOverLargeNeutralEdges(bs, limit, &best_begin, &best_end);

  // Inside the run only explicit evidence (a kind) drops a line: headings, captions and
  // short lines between paragraphs are part of the text.
  for (size_t i = 0; i < n; ++i) {
    Block& b = bs[i];
    if (i >= limit && b.kind == BlockKind::kNone) {
      b.kind = BlockKind::kRelated;
      b.reason = "after a related-list heading";
      continue;
    }
    if (i < best_begin || i >= best_end) {
      MarkLeftOut(&b, "outside the main content");
      continue;
    }
    if (b.kind != BlockKind::kNone) continue;
    b.selected = true;
  }
}

void ContentSelector::AddStructuredBody(absl::string_view structured_body,
                                        BlockList* blocks) {
  // Most pages have no structured body: decide on lengths before building word sets.
  const int64_t body_chars = CountCodePoints(structured_body);
  if (body_chars < kMinStructuredBodyChars) return;
  int64_t selected_chars = 0;
  for (const Block& b : *blocks) selected_chars += b.selected ? b.features.chars : 0;
  if (body_chars <= selected_chars * 3 / 2) return;
  absl::flat_hash_set<absl::string_view> selected_words;
  for (const Block& b : *blocks) {
    if (!b.selected) continue;
    for (absl::string_view w : absl::StrSplit(b.text, ' ', absl::SkipEmpty())) {
      selected_words.insert(w);
    }
  }
  // Already shown when most of its words are on the page's selection already.
  int words = 0, shown = 0;
  for (absl::string_view w : absl::StrSplit(structured_body, absl::ByAnyChar(" \n"),
                                            absl::SkipEmpty())) {
    if (++words > kStructuredWordsCompared) break;
    shown += selected_words.contains(w);
  }
  if (shown * 2 >= words) return;
  for (absl::string_view line : absl::StrSplit(structured_body, '\n')) {
    Block b;
    b.text = TextNormalizer::CollapseSpaces(line);
    if (b.text.empty()) continue;
    b.features = ComputeTextFeatures(b.text);
    b.selected = true;
    blocks->push_back(std::move(b));
  }
}

}  // namespace declutter::extract
