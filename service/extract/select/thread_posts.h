// A forum thread, a Q&A page or a review list is a run of sibling posts sharing
// one structure; the best-scoring post alone is not the content. These find the
// run around the best container and the opening post a thread often builds
// apart.
//
// Input: a DomTree aggregated by AggregateBlocks, negative links set. Bounded
// by the parameters' level limits times the siblings looked at. Stateless;
// thread-safe.

#ifndef DECLUTTER_SERVICE_EXTRACT_SELECT_THREAD_POSTS_H_
#define DECLUTTER_SERVICE_EXTRACT_SELECT_THREAD_POSTS_H_

#include <cstdint>
#include <vector>

#include "service/extract/blocks/dom_tree.h"
#include "service/extract/score/scoring_params.h"

namespace declutter::extract {

struct PostRun {
  std::vector<int32_t>
      posts;  // the posts, in document order; empty when no run
  uint32_t body_key =
      0;  // class key of the posts' body element; 0 when unkeyed
};

// Climbs from `best` while the ancestor is still about one post (its text
// little more than best's: author, date, post number), looking for siblings
// with the same tag and first class that hold a body like best's (an element
// with the same class key, with prose in it): sharing an outer class is not
// enough, page sections and card grids share those. Returns every such post, or
// no posts when `best` is not in a run.
PostRun RepeatedPosts(const ScoringParams& p, const DomTree& nodes,
                      int32_t best);

// A thread's opening post is often built apart from the replies, in a wrapper
// of its own above the reply list. The first body keyed like the replies'
// bodies, with prose, before the run and near it (under an ancestor at most
// max_opening_post_levels above the posts' parent), outside negative containers
// that do not hold `seed`, is the opening post: appended to `roots`.
void AddPostBodiesNearRun(const ScoringParams& p, const DomTree& nodes,
                          const PostRun& run, int32_t seed,
                          std::vector<int32_t>* roots);

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_SELECT_THREAD_POSTS_H_
