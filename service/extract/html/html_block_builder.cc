#include "service/extract/html/html_block_builder.h"

#include <gumbo.h>

#include <algorithm>

#include "absl/container/flat_hash_map.h"
#include "absl/hash/hash.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "service/extract/html/class_hints.h"
#include "service/extract/html/html_parser.h"
#include "service/extract/html/inert_content_stripper.h"
#include "service/extract/strings/phrase_matcher.h"
#include "service/extract/strings/text_normalizer.h"
#include "service/extract/strings/utf8.h"
#include "service/extract/work_budget.h"

namespace declutter::extract {
namespace {

constexpr size_t kMaxH1 = 4;
// Bylines and dates read from the body's markup; the first ones are the article's.
constexpr size_t kMaxBylines = 16;
constexpr size_t kMaxBylineBytes = 120;
constexpr size_t kMaxDates = 16;
constexpr size_t kMaxMeta = 256;
constexpr size_t kMaxJsonLd = 16;
// Below this much visible block text (bytes), hidden content is looked at too.
constexpr int64_t kThinVisibleBytes = 400;
// A hidden element holding at least 1/kShownHiddenShare of the page's text is shown.
constexpr int64_t kShownHiddenShare = 2;

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

// Elements that start a new block of text.
bool IsBlockLevel(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_HTML: case GUMBO_TAG_BODY: case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_CENTER: case GUMBO_TAG_DD: case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIR: case GUMBO_TAG_DIV: case GUMBO_TAG_DL: case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM: case GUMBO_TAG_H1:
    case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HR: case GUMBO_TAG_LI: case GUMBO_TAG_MAIN:
    case GUMBO_TAG_MENU: case GUMBO_TAG_NAV: case GUMBO_TAG_OL: case GUMBO_TAG_P:
    case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION: case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TFOOT: case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH:
    case GUMBO_TAG_UL: case GUMBO_TAG_CAPTION: case GUMBO_TAG_BR:
    case GUMBO_TAG_LEGEND:
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

// Evidence from the element's own name, independent of its attributes.
std::pair<int, BlockKind> TagHint(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_ARTICLE: return {25, BlockKind::kNone};
    case GUMBO_TAG_MAIN: return {15, BlockKind::kNone};
    case GUMBO_TAG_NAV: return {-40, BlockKind::kNavigation};
    case GUMBO_TAG_FOOTER: return {-30, BlockKind::kCopyright};
    case GUMBO_TAG_ASIDE: return {-30, BlockKind::kRelated};
    case GUMBO_TAG_HEADER: return {-10, BlockKind::kNavigation};
    case GUMBO_TAG_MENU: return {-30, BlockKind::kNavigation};
    default: return {0, BlockKind::kNone};
  }
}

// The name of an attribute this file reads. InertContentStripper drops every
// attribute not in kReadAttributes before parsing, so reading another would
// silently find nothing: the check runs at compile time.
struct ReadAttribute {
  consteval ReadAttribute(const char* attribute) : name(attribute) {
    if (!InertContentStripper::KeepsAttribute(attribute)) {
      throw "InertContentStripper drops this attribute: add it to kReadAttributes";
    }
  }
  const char* name;
};

const GumboAttribute* FindAttr(const GumboElement& el, ReadAttribute attr) {
  return gumbo_get_attribute(&el.attributes, attr.name);
}

absl::string_view Attr(const GumboElement& el, ReadAttribute attr) {
  const GumboAttribute* a = FindAttr(el, attr);
  return a == nullptr ? absl::string_view() : absl::string_view(a->value);
}

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

// Tag and first class token, hashed. Only the first: the tokens after it vary among
// items of one kind (bg1/bg2, post-123, is-unread, elementor-element-702c).
uint32_t ClassKey(GumboTag tag, absl::string_view classes) {
  classes = absl::StripLeadingAsciiWhitespace(classes.substr(0, 256));
  const absl::string_view first = classes.substr(0, classes.find_first_of(" \t\n\r\f"));
  if (first.empty()) return 0;
  const size_t h = absl::HashOf(static_cast<int>(tag), first);
  return static_cast<uint32_t>(h ^ (h >> 32)) | 1u;  // never 0
}

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

// Concatenated text of a subtree (for JSON-LD), raw and bounded.
std::string SubtreeText(const GumboNode* root, size_t limit) {
  std::string out;
  std::vector<const GumboNode*> stack = {root};
  while (!stack.empty() && out.size() < limit) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
        n->type == GUMBO_NODE_CDATA) {
      out.append(n->v.text.text);
    } else if (n->type == GUMBO_NODE_ELEMENT) {
      const GumboVector& kids = n->v.element.children;
      for (unsigned i = kids.length; i > 0; --i) {
        stack.push_back(static_cast<const GumboNode*>(kids.data[i - 1]));
      }
    }
  }
  if (out.size() > limit) out.resize(Utf8Prefix(out, limit).size());
  return out;
}

// The text a reader sees in a subtree (for <title>, <h1> and bylines): runs of
// whitespace collapsed while reading, so `limit` bounds the visible text and not the
// source's indentation; <br> and block elements separate words; script, style and
// template bodies skipped. At most `limit` bytes (cut on a code point boundary).
std::string VisibleText(const GumboNode* root, size_t limit) {
  std::string out;
  auto space = [&out] {
    if (!out.empty() && out.back() != ' ') out.push_back(' ');
  };
  std::vector<const GumboNode*> stack = {root};
  // One byte past the limit is read, so the cut below can see whether the limit falls
  // inside a character.
  while (!stack.empty() && out.size() <= limit) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n == nullptr) {  // the end of a block element
      space();
    } else if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
               n->type == GUMBO_NODE_CDATA) {
      for (const char* c = n->v.text.text; *c != '\0' && out.size() <= limit; ++c) {
        if (absl::ascii_isspace(static_cast<unsigned char>(*c))) {
          space();
        } else {
          out.push_back(*c);
        }
      }
    } else if (n->type == GUMBO_NODE_ELEMENT) {
      const GumboTag tag = n->v.element.tag;
      if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_TEMPLATE ||
          tag == GUMBO_TAG_NOSCRIPT) {
        continue;
      }
      const bool separates = tag == GUMBO_TAG_BR || tag == GUMBO_TAG_DIV ||
                             tag == GUMBO_TAG_P || tag == GUMBO_TAG_LI;
      if (separates) {
        space();
        stack.push_back(nullptr);
      }
      const GumboVector& kids = n->v.element.children;
      for (unsigned i = kids.length; i > 0; --i) {
        stack.push_back(static_cast<const GumboNode*>(kids.data[i - 1]));
      }
    }
  }
  if (out.size() > limit) out.resize(Utf8Prefix(out, limit).size());
  return TextNormalizer::CollapseSpaces(out);
}

// Whether `value` names an author or byline: microdata itemprop=author, rel=author,
// and the class and id names sites give bylines ("byline", "author-name") and forum
// posters ("username", "poster").
bool MarksAuthor(absl::string_view value) {
  // Forum software marks a post's author as its user name or poster.
  static const PhraseMatcher* const marks = new PhraseMatcher(
      {"author", "byline", "username", "user-name", "poster"},
      PhraseMatcher::Case::kIgnoreAscii);
  return marks->ContainsAny(value);
}

// Facts any element may carry in its attributes: a date (<time datetime>, microdata
// datePublished) and a byline's text.
void CollectMarkedFacts(const GumboNode* node, HtmlFacts* facts) {
  const GumboElement& el = node->v.element;
  HtmlFacts& f = *facts;
  const absl::string_view itemprop = Attr(el, "itemprop");
  if (f.dates.size() < kMaxDates &&
      (el.tag == GUMBO_TAG_TIME || absl::EqualsIgnoreCase(itemprop, "datePublished"))) {
    absl::string_view when = Attr(el, "datetime");
    if (when.empty()) when = Attr(el, "content");
    if (!when.empty()) f.dates.emplace_back(Utf8Prefix(when, 64));
  }
  if (f.bylines.size() >= kMaxBylines || el.tag == GUMBO_TAG_META ||
      el.tag == GUMBO_TAG_LINK || el.tag == GUMBO_TAG_SCRIPT || el.tag == GUMBO_TAG_STYLE) {
    return;
  }
  // A link to the author's page ("/author/jane-doe") names the author too.
  const absl::string_view href = el.tag == GUMBO_TAG_A ? Attr(el, "href") : "";
  const bool author_link =
      absl::StrContains(href, "/author/") || absl::StrContains(href, "/authors/");
  const bool strong = author_link || MarksAuthor(itemprop) || MarksAuthor(Attr(el, "rel"));
  if (strong || MarksAuthor(Attr(el, "class")) || MarksAuthor(Attr(el, "id"))) {
    std::string text = VisibleText(node, kMaxBylineBytes + 1);
    if (!text.empty() && text.size() <= kMaxBylineBytes) {
      f.bylines.push_back({std::move(text), strong});
    }
  }
}

void CollectFacts(const GumboNode* node, HtmlFacts* facts) {
    const GumboElement& el = node->v.element;
    HtmlFacts& f = *facts;
    switch (el.tag) {
      case GUMBO_TAG_HTML:
        if (f.lang.empty()) f.lang = std::string(Utf8Prefix(Attr(el, "lang"), 64));
        break;
      case GUMBO_TAG_TITLE:
        if (f.title.empty()) f.title = VisibleText(node, 2048);
        break;
      case GUMBO_TAG_META: {
        if (f.meta.size() >= kMaxMeta) break;
        absl::string_view key = Attr(el, "property");
        if (key.empty()) key = Attr(el, "name");
        if (key.empty()) key = Attr(el, "itemprop");
        if (key.empty()) key = Attr(el, "http-equiv");
        absl::string_view content = Attr(el, "content");
        if (!key.empty() && !content.empty()) {
          f.meta.emplace_back(absl::AsciiStrToLower(key.substr(0, 128)),
                              TextNormalizer::CollapseSpaces(Utf8Prefix(content, 4096)));
        }
        break;
      }
      case GUMBO_TAG_LINK:
        if (f.canonical.empty() &&
            absl::EqualsIgnoreCase(Attr(el, "rel"), "canonical")) {
          f.canonical = std::string(Utf8Prefix(Attr(el, "href"), 2048));
        }
        break;
      case GUMBO_TAG_SCRIPT:
        if (f.json_ld.size() < kMaxJsonLd &&
            absl::StrContains(absl::AsciiStrToLower(Attr(el, "type")), "ld+json")) {
          f.json_ld.push_back(SubtreeText(node, 1 << 20));
        }
        break;
      case GUMBO_TAG_H1:
        if (f.h1.size() < kMaxH1) f.h1.push_back(VisibleText(node, 2048));
        break;
      default:
        break;
    }
    CollectMarkedFacts(node, facts);
  }

// Reads the facts of every element below `root` (used for <head>, whose content is
// never turned into blocks).
void CollectSubtreeFacts(const GumboNode* root, HtmlFacts* facts) {
  std::vector<const GumboNode*> stack = {root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type != GUMBO_NODE_ELEMENT) continue;
    CollectFacts(n, facts);
    const GumboVector& kids = n->v.element.children;
    for (unsigned k = kids.length; k > 0; --k) {
      stack.push_back(static_cast<const GumboNode*>(kids.data[k - 1]));
    }
  }
}

class Walker {
 public:
  Walker(HtmlDocument* doc, WorkBudget* budget, bool memoize_hints)
      : doc_(doc), budget_(budget), memoize_hints_(memoize_hints) {}

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
      if (budget_ != nullptr && budget_->Expired()) return;  // the caller reports it
      Frame& top = stack.back();
      const GumboVector& kids = top.node->v.element.children;
      if (top.next_child < kids.length) {
        const auto* child = static_cast<const GumboNode*>(kids.data[top.next_child++]);
        if (child->type == GUMBO_NODE_ELEMENT || child->type == GUMBO_NODE_TEMPLATE) {
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
    CollectFacts(node, &doc_->facts);
    if (IsSkipped(tag)) return false;
    if (tag == GUMBO_TAG_BR || tag == GUMBO_TAG_HR) {
      Flush();
      return false;
    }
    const bool block = IsBlockLevel(tag);
    // A hidden inline element would merge its text into a visible block: it is never
    // read. A hidden block-level one is read and marked, for DropHidden to judge.
    const bool hidden = IsHidden(el);
    if (hidden && !block) return false;
    if (block) Flush();

    DomNode dn;
    dn.parent = open_.empty() ? -1 : open_.back();
    dn.depth = open_.empty() ? 0 : doc_->dom[open_.back()].depth + 1;
    dn.tag = static_cast<uint16_t>(tag);
    dn.paragraph_like = IsParagraphLike(tag);
    auto [tag_weight, tag_kind] = TagHint(tag);
    ClassHint hint;
    const absl::string_view classes = Attr(el, "class");
    if (!classes.empty()) hint.Add(Score(classes));
    for (ReadAttribute attr : {ReadAttribute("id"), ReadAttribute("role"),
                               ReadAttribute("itemprop")}) {
      absl::string_view v = Attr(el, attr);
      if (!v.empty()) hint.Add(Score(v));
    }
    dn.hint = tag_weight + hint.weight;
    dn.class_key = ClassKey(tag, classes);
    dn.hint_kind = hint.worst != nullptr ? hint.worst->kind : tag_kind;
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
                         cp == '\f' || cp == 0xA0 || cp == 0x3000 || cp == 0x200B;
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
    while (!buffer_.empty() && (buffer_.back() == ' ' || buffer_.back() == '\n')) {
      buffer_.pop_back();
    }
    if (!buffer_.empty() && !blocks_open_.empty()) {
      Block b;
      b.text = std::move(buffer_);
      b.link_chars = link_chars_;
      b.node = blocks_open_.back();
      b.role = RoleOf(static_cast<GumboTag>(doc_->dom[b.node].tag), &b.heading_level);
      doc_->blocks.push_back(std::move(b));
    }
    buffer_.clear();
    link_chars_ = 0;
  }

  // ClassHints::Score, remembered per distinct value: pages repeat the same class
  // names on hundreds of elements. The keys point into the parse tree, which
  // outlives the walk.
  ClassHint Score(absl::string_view value) {
    if (!memoize_hints_) return ClassHints::Score(value);
    auto it = hints_.find(value);
    if (it != hints_.end()) return it->second;
    const ClassHint hint = ClassHints::Score(value);
    if (hints_.size() < kMaxRememberedHints) hints_.emplace(value, hint);
    return hint;
  }

  static constexpr size_t kMaxRememberedHints = 1 << 14;

  HtmlDocument* doc_;
  WorkBudget* const budget_;  // may be null
  const bool memoize_hints_;
  absl::flat_hash_map<absl::string_view, ClassHint> hints_;
  std::vector<int32_t> open_;         // dom indices of the open elements
  std::vector<int32_t> blocks_open_;  // the open block-level ones: text containers
  std::string buffer_;
  int32_t link_chars_ = 0;
  int link_depth_ = 0;
  int pre_depth_ = 0;
  bool pending_space_ = false;
};

// Removes the blocks of hidden elements, except where hiding is how the page waits for
// a script to reveal its content (a wrapper with display:none against a flash of
// unstyled content, streamed server rendering parked in <div hidden>): a hidden
// element holding at least half of the page's text is shown, and when hiding would
// leave almost nothing, everything is. A browser would show them; so do we. Dropdown
// menus, dialogs and mobile copies of the navigation stay out.
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

absl::string_view HtmlFacts::Meta(absl::string_view key) const {
  for (const auto& [k, v] : meta) {
    if (k == key && !v.empty()) return v;
  }
  return {};
}

HtmlDocument HtmlBlockBuilder::Build(absl::string_view html, WorkBudget* budget) {
  const ParsedHtml parsed = ParsedHtml::Parse(html);
  return FromTree(parsed.root(), budget);
}

HtmlDocument HtmlBlockBuilder::FromTree(const GumboNode* root, WorkBudget* budget,
                                        const Shortcuts& shortcuts) {
  HtmlDocument doc;
  if (root == nullptr) return doc;
  Walker(&doc, budget, shortcuts.memoize_class_hints).Run(root);
  DropHidden(&doc);
  LinkNegativeAncestors(&doc.dom);
  return doc;
}

}  // namespace declutter::extract
