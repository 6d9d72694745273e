// Caps how deeply a page's elements nest before Gumbo parses it.
//
// Gumbo's tree construction scans the stack of open elements for many start
// tags ("is a <p> in button scope?"), so its time grows with depth times tags:
// 100,000 nested <div>s take half a minute, and its tree teardown recurses once
// per level. Real pages nest a few dozen levels deep. This pass follows the
// nesting with a light model: tags, comments and raw text found where the
// tokenizer finds them (HtmlTokenScanner), void elements, and the common
// implied end tags of p, li, dt/dd, td/th, tr and option. Only where that
// model's depth would pass `max_depth` does it delete the start tags (and their
// end tags) that would go deeper. Text is never removed; a page that stays
// within the limit is left as it is, with no copy made.
//
// Linear time; the model's stack is bounded by `max_depth`. Stateless;
// thread-safe.

#ifndef DECLUTTER_SERVICE_EXTRACT_HTML_NESTING_LIMITER_H_
#define DECLUTTER_SERVICE_EXTRACT_HTML_NESTING_LIMITER_H_

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"

namespace declutter::extract {

class NestingLimiter {
 public:
  // Deeper than real pages go (in this model no page of the four benchmark sets
  // in ../shared/data nests past 60 levels), shallow enough that Gumbo's
  // depth-times-tags work stays small.
  static constexpr int kDefaultMaxDepth = 400;

  // Returns how many tags had to be deleted from `html`; when that is not 0,
  // `*limited` is set to `html` without them (and is left alone otherwise, so
  // the common case copies nothing).
  static int64_t Limit(absl::string_view html, std::string* limited,
                       int max_depth = kDefaultMaxDepth);
};

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_HTML_NESTING_LIMITER_H_
