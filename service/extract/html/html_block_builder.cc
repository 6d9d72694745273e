#include "service/extract/html/html_block_builder.h"

#include <gumbo.h>

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "service/extract/html/block_level_tags.h"
#include "service/extract/html/dom_hints.h"
#include "service/extract/html/element_attributes.h"
#include "service/extract/html/html_parser.h"
#include "service/extract/strings/utf8.h"
#include "service/extract/work_budget.h"

namespace declutter::extract {
namespace {

// Below this much visible block text (bytes), hidden content is looked at too.
constexpr int64_t kThinVisibleBytes = 400;
// A hidden element holding at least 1/kShownHiddenShare of the page's text is
// shown.
constexpr int64_t kShownHiddenShare = 2;

// The tag tables below keep one line per group of tags: clang-format would give
// each tag a line of its own.
// clang-format off
// Elements whose content is never article text.
bool IsSkipped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS: case GUMBO_TAG_INPUT: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_OPTION: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_HEAD: case GUMBO_TAG_AUDIO: case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_MAP:
      return true;
    default:
      return false;
  }
}

// Elements whose text is one paragraph; text directly in other block elements
// (a <div> with bare text) is its own paragraph inside that element.
bool IsParagraphLike(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_LI: case GUMBO_TAG_H1: case GUMBO_TAG_H2:
    case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
    case GUMBO_TAG_PRE: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_TD:
    case GUMBO_TAG_TH: case GUMBO_TAG_DD: case GUMBO_TAG_DT:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_CAPTION: case GUMBO_TAG_ADDRESS:
      return true;
    default:
      return false;
  }
}
// clang-format on

bool IsHidden(const GumboElement& el) {
  if (FindAttr(el, "hidden") != nullptr) return true;
  if (absl::EqualsIgnoreCase(Attr(el, "aria-hidden"), "true")) return true;
  absl::string_view style = Attr(el, "style");
  if (style.empty() || style.size() > 4096) return false;
  std::string s = absl::AsciiStrToLower(style);
  s.erase(std::remove_if(s.begin(), s.end(),
                         [](char c) { return absl::ascii_isspace(c); }),
          s.end());
  return absl::StrContains(s, "display:none") ||
         absl::StrContains(s, "visibility:hidden");
}

// clang-format off
BlockRole RoleOf(GumboTag tag, int* level) {
  *level = 0;
  switch (tag) {
    case GUMBO_TAG_H1: *level = 1; return BlockRole::kHeading;
    case GUMBO_TAG_H2: *level = 2; return BlockRole::kHeading;
    case GUMBO_TAG_H3: *level = 3; return BlockRole::kHeading;
    case GUMBO_TAG_H4: *level = 4; return BlockRole::kHeading;
    case GUMBO_TAG_H5: *level = 5; return BlockRole::kHeading;
    case GUMBO_TAG_H6: *level = 6; return BlockRole::kHeading;
    case GUMBO_TAG_LI: case GUMBO_TAG_DD: case GUMBO_TAG_DT:
      return BlockRole::kListItem;
    case GUMBO_TAG_BLOCKQUOTE: return BlockRole::kQuote;
    case GUMBO_TAG_PRE: return BlockRole::kPreformatted;
    case GUMBO_TAG_TD: case GUMBO_TAG_TH: return BlockRole::kTableCell;
    default: return BlockRole::kParagraph;
  }
}
// clang-format on

class Walker {
 public:
  Walker(HtmlDocument* doc, WorkBudget* budget, bool memoize_hints)
      : doc_(doc), budget_(budget), hints_(memoize_hints) {}

  void Run(const GumboNode* root) {
    struct Frame {
      const GumboNode* node;
      unsigned next_child;
      int32_t dom_index;
      bool block;
      bool link;
      bool pre;
    };
    std::vector<Frame> stack;
    if (!Enter(root, &stack)) return;
    while (!stack.empty()) {
      // The caller's next budget check reports the expiry.
      if (budget_ != nullptr && budget_->Expired()) return;
      Frame& top = stack.back();
      const GumboVector& kids = top.node->v.element.children;
      if (top.next_child < kids.length) {
        const auto* child =
            static_cast<const GumboNode*>(kids.data[top.next_child++]);
        if (child->type == GUMBO_NODE_ELEMENT ||
            child->type == GUMBO_NODE_TEMPLATE) {
          Enter(child, &stack);
        } else if (child->type == GUMBO_NODE_TEXT ||
                   child->type == GUMBO_NODE_WHITESPACE ||
                   child->type == GUMBO_NODE_CDATA) {
          AppendText(child->v.text.text);
        }
        continue;
      }
      // Leaving the element.
      Frame done = top;
      stack.pop_back();
      if (done.block) {
        Flush();
        blocks_open_.pop_back();
      }
      if (done.link) --link_depth_;
      if (done.pre) --pre_depth_;
      doc_->dom[done.dom_index].end = static_cast<int32_t>(doc_->dom.size());
      open_.pop_back();
    }
  }

 private:
  template <typename Stack>
  bool Enter(const GumboNode* node, Stack* stack) {
    const GumboElement& el = node->v.element;
    const GumboTag tag = el.tag;
    if (tag == GUMBO_TAG_HEAD) {
      CollectSubtreeFacts(node, &doc_->facts);
      return false;
    }
    CollectElementFacts(node, &doc_->facts);
    if (IsSkipped(tag)) return false;
    if (tag == GUMBO_TAG_BR || tag == GUMBO_TAG_HR) {
      Flush();
      return false;
    }
    const bool block = StartsBlock(tag);
    // A hidden inline element would merge its text into a visible block: it is
    // never read. A hidden block-level one is read and marked, for DropHidden
    // to judge.
    const bool hidden = IsHidden(el);
    if (hidden && !block) return false;
    if (block) Flush();

    DomNode dn;
    dn.parent = open_.empty() ? -1 : open_.back();
    dn.depth = open_.empty() ? 0 : doc_->dom[open_.back()].depth + 1;
    dn.tag = static_cast<uint16_t>(tag);
    dn.paragraph_like = IsParagraphLike(tag);
    hints_.Describe(el, &dn);
    dn.hidden = hidden;
    const int32_t index = static_cast<int32_t>(doc_->dom.size());
    dn.end = index + 1;
    doc_->dom.push_back(dn);
    open_.push_back(index);
    if (block) blocks_open_.push_back(index);

    const bool link = tag == GUMBO_TAG_A && !Attr(el, "href").empty();
    const bool pre = tag == GUMBO_TAG_PRE;
    if (link) ++link_depth_;
    if (pre) ++pre_depth_;
    stack->push_back({node, 0, index, block, link, pre});
    return true;
  }

  void AppendText(const char* text) {
    absl::string_view s(text);
    for (size_t i = 0; i < s.size();) {
      const auto byte = static_cast<unsigned char>(s[i]);
      if (byte < 0x80 && byte > ' ' && pre_depth_ == 0) {
        // A run of visible ASCII, appended at once (most text on most pages).
        size_t end = i + 1;
        while (end < s.size() && static_cast<unsigned char>(s[end]) > ' ' &&
               static_cast<unsigned char>(s[end]) < 0x80) {
          ++end;
        }
        if (pending_space_) {
          buffer_.push_back(' ');
          pending_space_ = false;
        }
        buffer_.append(s.data() + i, end - i);
        if (link_depth_ > 0) link_chars_ += static_cast<int32_t>(end - i);
        i = end;
        continue;
      }
      const size_t start = i;
      const uint32_t cp = NextCodePoint(s, &i);
      const bool space = cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
                         cp == '\f' || cp == 0xA0 || cp == 0x3000 ||
                         cp == 0x200B;
      if (pre_depth_ > 0 && (cp == '\n' || cp == ' ' || cp == '\t')) {
        buffer_.push_back(static_cast<char>(cp));
        pending_space_ = false;
        continue;
      }
      if (space) {
        pending_space_ = !buffer_.empty();
        continue;
      }
      if (pending_space_) {
        buffer_.push_back(' ');
        pending_space_ = false;
      }
      buffer_.append(s.data() + start, i - start);
      if (link_depth_ > 0) ++link_chars_;
    }
  }

  void Flush() {
    pending_space_ = false;
    while (!buffer_.empty() &&
           (buffer_.back() == ' ' || buffer_.back() == '\n')) {
      buffer_.pop_back();
    }
    if (!buffer_.empty() && !blocks_open_.empty()) {
      Block b;
      b.text = std::move(buffer_);
      b.link_chars = link_chars_;
      b.node = blocks_open_.back();
      b.role = RoleOf(static_cast<GumboTag>(doc_->dom[b.node].tag),
                      &b.heading_level);
      doc_->blocks.push_back(std::move(b));
    }
    buffer_.clear();
    link_chars_ = 0;
  }

  HtmlDocument* doc_;
  WorkBudget* const budget_;  // may be null
  DomHints hints_;  // remembers attribute values by views into the tree
  std::vector<int32_t> open_;  // dom indices of the open elements
  // The open block-level ones: the containers of the text being read.
  std::vector<int32_t> blocks_open_;
  std::string buffer_;
  int32_t link_chars_ = 0;
  int link_depth_ = 0;
  int pre_depth_ = 0;
  bool pending_space_ = false;
};

// Removes the blocks of hidden elements, except where hiding is how the page
// waits for a script to reveal its content (a wrapper with display:none against
// a flash of unstyled content, streamed server rendering parked in <div
// hidden>): a hidden element holding at least half of the page's text is shown,
// and when hiding would leave almost nothing, everything is. A browser would
// show them; so do we. Dropdown menus, dialogs and mobile copies of the
// navigation stay out.
void DropHidden(HtmlDocument* doc) {
  DomTree& dom = doc->dom;
  std::vector<int64_t> bytes(dom.size(), 0);
  for (const Block& b : doc->blocks) bytes[b.node] += b.text.size();
  for (size_t i = dom.size(); i-- > 1;) {
    if (dom[i].parent >= 0) bytes[dom[i].parent] += bytes[i];
  }
  int64_t total = 0;
  for (size_t i = 0; i < dom.size(); i = dom[i].end) total += bytes[i];
  int64_t hidden_total = 0;
  for (size_t i = 0; i < dom.size();) {
    if (dom[i].hidden) {
      hidden_total += bytes[i];
      i = dom[i].end;
    } else {
      ++i;
    }
  }
  if (hidden_total == 0) return;  // nothing hidden holds text: nothing to judge
  const int64_t visible = total - hidden_total;
  if (visible < kThinVisibleBytes && total > 2 * visible) return;
  std::vector<bool> dropped(dom.size(), false);
  for (size_t i = 0; i < dom.size(); ++i) {
    const int32_t parent = dom[i].parent;
    dropped[i] = (parent >= 0 && dropped[parent]) ||
                 (dom[i].hidden && bytes[i] * kShownHiddenShare < total);
  }
  std::erase_if(doc->blocks, [&](const Block& b) { return dropped[b.node]; });
}

}  // namespace

HtmlDocument HtmlBlockBuilder::Build(absl::string_view html,
                                     WorkBudget* budget) {
  const ParsedHtml parsed = ParsedHtml::Parse(html);
  return FromTree(parsed.root(), budget);
}

HtmlDocument HtmlBlockBuilder::FromTree(const GumboNode* root,
                                        WorkBudget* budget,
                                        const Shortcuts& shortcuts) {
  HtmlDocument doc;
  if (root == nullptr) return doc;
  Walker(&doc, budget, shortcuts.memoize_class_hints).Run(root);
  DropHidden(&doc);
  LinkNegativeAncestors(&doc.dom);
  return doc;
}

}  // namespace declutter::extract
