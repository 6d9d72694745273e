// The evidence an element's own markup gives about what it holds: its tag
// (<article>, <nav>, <footer>...) and its class, id, role and itemprop names
// (ClassHints), as the hint, hint_kind and class_key of its DomNode. The
// selector scores subtrees with them, and LinkNegativeAncestors (dom_tree.h)
// links each node to the negative container it sits in once the tree is
// complete.
//
// Input: elements of a parse tree the caller owns. Output: fields of the
// caller's DomNode. One DomHints serves one page's walk: it remembers the score
// of each distinct attribute value (pages repeat the same class names on
// hundreds of elements) by a view into the tree, so it must not outlive the
// tree. Not thread-safe; use one per walk.

#ifndef DECLUTTER_SERVICE_EXTRACT_HTML_DOM_HINTS_H_
#define DECLUTTER_SERVICE_EXTRACT_HTML_DOM_HINTS_H_

#include <gumbo.h>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "service/extract/html/class_hints.h"
#include "service/extract/blocks/dom_tree.h"

namespace declutter::extract {

class DomHints {
 public:
  // `memoize` as Shortcuts::memoize_class_hints: off scores every value afresh.
  explicit DomHints(bool memoize) : memoize_(memoize) {}

  // Sets `node`'s hint (tag weight plus class/id/role/itemprop weights),
  // hint_kind (the most negative matching entry's kind, else the tag's) and
  // class_key (tag and first class token, hashed; 0 without a class) from `el`.
  void Describe(const GumboElement& el, DomNode* node);

 private:
  // ClassHints::Score, remembered per distinct value when memoizing.
  ClassHint Score(absl::string_view value);

  static constexpr size_t kMaxRememberedHints = 1 << 14;

  const bool memoize_;
  absl::flat_hash_map<absl::string_view, ClassHint> hints_;  // keys: the tree's
};

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_HTML_DOM_HINTS_H_
