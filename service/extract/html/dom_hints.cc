#include "service/extract/html/dom_hints.h"

#include <utility>

#include "absl/hash/hash.h"
#include "absl/strings/ascii.h"
#include "service/extract/html/element_attributes.h"

namespace declutter::extract {
namespace {

// Evidence from the element's own name, independent of its attributes.
// clang-format off: one line per tag.
std::pair<int, BlockKind> TagHint(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_ARTICLE:
      return {25, BlockKind::kNone};
    case GUMBO_TAG_MAIN:
      return {15, BlockKind::kNone};
    case GUMBO_TAG_NAV:
      return {-40, BlockKind::kNavigation};
    case GUMBO_TAG_FOOTER:
      return {-30, BlockKind::kCopyright};
    case GUMBO_TAG_ASIDE:
      return {-30, BlockKind::kRelated};
    case GUMBO_TAG_HEADER:
      return {-10, BlockKind::kNavigation};
    case GUMBO_TAG_MENU:
      return {-30, BlockKind::kNavigation};
    default:
      return {0, BlockKind::kNone};
  }
}
// clang-format on

// Tag and first class token, hashed. Only the first: the tokens after it vary
// among items of one kind (bg1/bg2, post-123, is-unread,
// elementor-element-702c).
uint32_t ClassKey(GumboTag tag, absl::string_view classes) {
  classes = absl::StripLeadingAsciiWhitespace(classes.substr(0, 256));
  const absl::string_view first =
      classes.substr(0, classes.find_first_of(" \t\n\r\f"));
  if (first.empty()) return 0;
  const size_t h = absl::HashOf(static_cast<int>(tag), first);
  return static_cast<uint32_t>(h ^ (h >> 32)) | 1u;  // never 0
}

}  // namespace

void DomHints::Describe(const GumboElement& el, DomNode* node) {
  const auto [tag_weight, tag_kind] = TagHint(el.tag);
  ClassHint hint;
  const absl::string_view classes = Attr(el, "class");
  if (!classes.empty()) hint.Add(Score(classes));
  for (ReadAttribute attr : {ReadAttribute("id"), ReadAttribute("role"),
                             ReadAttribute("itemprop")}) {
    absl::string_view v = Attr(el, attr);
    if (!v.empty()) hint.Add(Score(v));
  }
  node->hint = tag_weight + hint.weight;
  node->class_key = ClassKey(el.tag, classes);
  node->hint_kind = hint.worst != nullptr ? hint.worst->kind : tag_kind;
}

ClassHint DomHints::Score(absl::string_view value) {
  if (!memoize_) return ClassHints::Score(value);
  auto it = hints_.find(value);
  if (it != hints_.end()) return it->second;
  const ClassHint hint = ClassHints::Score(value);
  if (hints_.size() < kMaxRememberedHints) hints_.emplace(value, hint);
  return hint;
}

}  // namespace declutter::extract
