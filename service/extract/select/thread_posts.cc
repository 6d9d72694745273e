#include "service/extract/select/thread_posts.h"

#include "service/extract/select/dom_aggregates.h"

namespace declutter::extract {
namespace {

// Whether the subtree at `post` holds prose in an element keyed `body_key` (or,
// when that is 0, anywhere).
bool HasPostBody(const ScoringParams& p, const DomTree& nodes, int32_t post,
                 uint32_t body_key) {
  if (body_key == 0) return Prose(p, nodes[post]);
  for (int32_t i = post; i < nodes[post].end; ++i) {
    if (nodes[i].class_key == body_key && Prose(p, nodes[i])) return true;
  }
  return false;
}

// The siblings of `at` (itself included) built like it and holding a post body;
// `*prose_siblings` counts those other than `at`.
std::vector<int32_t> PostsBeside(const ScoringParams& p, const DomTree& nodes,
                                 int32_t at, uint32_t body_key,
                                 int* prose_siblings) {
  const DomNode& node = nodes[at];
  const int32_t parent = node.parent;
  std::vector<int32_t> posts;
  // Teaser siblings are more of the same only when best is a teaser itself (a
  // listing page, whose cards are the content).
  const bool teasers_allowed = TeaserCards(p, node);
  for (int32_t i = parent + 1; i < nodes[parent].end; i = nodes[i].end) {
    const DomNode& sib = nodes[i];
    // A reply marked up as a comment (schema.org Comment, "comment" classes) is
    // a post when it is built like best's: the page is a thread, not an article
    // with comments under it. The opening post often carries a class of its
    // own, so a sibling of the same tag with a body keyed like best's is one
    // too.
    const bool same_build = sib.class_key == node.class_key ||
                            (sib.tag == node.tag && body_key != 0);
    if (i != at) {
      if (!same_build || (sib.hint < 0 && sib.hint_kind != BlockKind::kComment))
        continue;
      if ((TeaserCards(p, sib) && !teasers_allowed) ||
          !HasPostBody(p, nodes, i, body_key)) {
        continue;
      }
      ++*prose_siblings;
    }
    posts.push_back(i);
  }
  return posts;
}

}  // namespace

PostRun RepeatedPosts(const ScoringParams& p, const DomTree& nodes,
                      int32_t best) {
  const int32_t best_chars = nodes[best].text_chars;
  // The class key of the post body: best's own, or its nearest keyed ancestor
  // below the post wrapper; 0 while the wrapper itself is all there is.
  uint32_t body_key = 0;
  int32_t at = best;
  for (int level = 0; level < p.max_post_levels; ++level) {
    const DomNode& node = nodes[at];
    if (node.text_chars > best_chars * 3 / 2 + p.post_chrome_chars) break;
    if (node.parent < 0) break;
    if (node.class_key != 0 || body_key != 0) {
      int prose_siblings = 0;
      std::vector<int32_t> posts =
          PostsBeside(p, nodes, at, body_key, &prose_siblings);
      if (prose_siblings >= 1) return {std::move(posts), body_key};
      if (body_key == 0) body_key = node.class_key;
    }
    at = node.parent;
  }
  return {};
}

void AddPostBodiesNearRun(const ScoringParams& p, const DomTree& nodes,
                          const PostRun& run, int32_t seed,
                          std::vector<int32_t>* roots) {
  if (run.body_key == 0) return;
  int32_t scope = nodes[run.posts.front()].parent;
  for (int level = 0;
       level < p.max_opening_post_levels && nodes[scope].parent >= 0; ++level) {
    scope = nodes[scope].parent;
  }
  for (int32_t i = scope + 1; i < run.posts.front(); ++i) {
    if (nodes[i].Contains(i, run.posts.front())) continue;
    const int32_t neg = nodes[i].negative_ancestor;
    const bool negative = neg >= 0 && !nodes[neg].Contains(neg, seed);
    if (!negative && nodes[i].class_key == run.body_key && Prose(p, nodes[i])) {
      roots->push_back(i);
      return;
    }
  }
}

}  // namespace declutter::extract
