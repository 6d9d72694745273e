#include "service/extract/html/html_facts.h"

#include <gumbo.h>

#include <array>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "service/extract/html/element_attributes.h"
#include "service/extract/strings/phrase_matcher.h"
#include "service/extract/strings/text_normalizer.h"
#include "service/extract/strings/utf8.h"

namespace declutter::extract {
namespace {

constexpr size_t kMaxH1 = 4;
// Bylines and dates read from the body's markup; the first ones are the
// article's.
constexpr size_t kMaxBylines = 16;
constexpr size_t kMaxBylineBytes = 120;
constexpr size_t kMaxDates = 16;
constexpr size_t kMaxMeta = 256;
constexpr size_t kMaxJsonLd = 16;
constexpr size_t kMaxItemTypes = 32;
constexpr size_t kMaxItemTypeBytes = 64;

void Count(int32_t* n) {
  if (*n < HtmlFacts::ElementCounts::kMaxCount) ++*n;
}

// Counts a form control, a heading with an id or an in-page link into
// `controls`.
void CountElement(const GumboElement& el, HtmlFacts::ElementCounts* controls) {
  switch (el.tag) {
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
      if (!Attr(el, "id").empty()) Count(&controls->heading_ids);
      return;
    case GUMBO_TAG_A: {
      const absl::string_view href = Attr(el, "href");
      if (href.size() > 1 && href[0] == '#') Count(&controls->anchor_links);
      return;
    }
    case GUMBO_TAG_FORM:
      Count(&controls->forms);
      return;
    case GUMBO_TAG_SELECT:
      Count(&controls->selects);
      return;
    case GUMBO_TAG_TEXTAREA:
      Count(&controls->textareas);
      return;
    case GUMBO_TAG_BUTTON:
      Count(&controls->buttons);
      return;
    case GUMBO_TAG_INPUT:
      break;
    default:
      return;
  }
  const absl::string_view type = Attr(el, "type");
  if (type.empty() || absl::EqualsIgnoreCase(type, "text") ||
      absl::EqualsIgnoreCase(type, "email") ||
      absl::EqualsIgnoreCase(type, "tel") ||
      absl::EqualsIgnoreCase(type, "number")) {
    Count(&controls->text_inputs);
  } else if (absl::EqualsIgnoreCase(type, "search")) {
    Count(&controls->search_inputs);
  } else if (absl::EqualsIgnoreCase(type, "submit") ||
             absl::EqualsIgnoreCase(type, "button") ||
             absl::EqualsIgnoreCase(type, "image")) {
    Count(&controls->buttons);
  } else if (absl::EqualsIgnoreCase(type, "password")) {
    Count(&controls->passwords);
  }
}

struct ClassWord {
  absl::string_view word;
  ClassWordGroup group;
};

constexpr ClassWord kClassWords[] = {
#define PAGE_TYPE_CLASS_WORDS
#include "service/extract/data/page_type_words.inc"
#undef PAGE_TYPE_CLASS_WORDS
};

// The bytes of each class or id value looked at: the words that say what an
// element is for come first, long values are lists of utility classes.
constexpr size_t kMaxClassValueBytes = 256;

// Adds the groups of the class words in `el`'s class and id to the facts.
void CountClassWords(const GumboElement& el, HtmlFacts* facts) {
  static const PhraseMatcher* const matcher = PhraseMatcher::NewForTable(
      kClassWords, &ClassWord::word, PhraseMatcher::Case::kIgnoreAscii);
  std::array<bool, kClassWordGroups> found{};
  bool any = false;
  for (absl::string_view value : {Attr(el, "class"), Attr(el, "id")}) {
    matcher->Scan(value.substr(0, kMaxClassValueBytes),
                  [&](size_t index, size_t) {
                    found[static_cast<size_t>(kClassWords[index].group)] = true;
                    any = true;
                    return true;
                  });
  }
  if (!any) return;
  const bool root = el.tag == GUMBO_TAG_HTML || el.tag == GUMBO_TAG_BODY;
  for (size_t g = 0; g < kClassWordGroups; ++g) {
    if (!found[g]) continue;
    Count(&facts->class_words[g]);
    if (root) facts->root_class_words[g] = true;
  }
}

// The microdata type an element declares ("https://schema.org/Product" ->
// "Product"): the last path segment of its first itemtype URL.
void CollectItemType(const GumboElement& el, HtmlFacts* facts) {
  if (facts->item_types.size() >= kMaxItemTypes) return;
  absl::string_view type = Attr(el, "itemtype");
  type = absl::StripAsciiWhitespace(type);
  type = type.substr(0, type.find(' '));
  while (!type.empty() && type.back() == '/') type.remove_suffix(1);
  if (const size_t slash = type.rfind('/'); slash != absl::string_view::npos)
    type.remove_prefix(slash + 1);
  if (!type.empty())
    facts->item_types.emplace_back(Utf8Prefix(type, kMaxItemTypeBytes));
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
// whitespace collapsed while reading, so `limit` bounds the visible text and
// not the source's indentation; <br> and block elements separate words; script,
// style and template bodies skipped. At most `limit` bytes (cut on a code point
// boundary).
std::string VisibleText(const GumboNode* root, size_t limit) {
  std::string out;
  auto space = [&out] {
    if (!out.empty() && out.back() != ' ') out.push_back(' ');
  };
  std::vector<const GumboNode*> stack = {root};
  // One byte past the limit is read, so the cut below can see whether the limit
  // falls inside a character.
  while (!stack.empty() && out.size() <= limit) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n == nullptr) {  // the end of a block element
      space();
    } else if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
               n->type == GUMBO_NODE_CDATA) {
      for (const char* c = n->v.text.text; *c != '\0' && out.size() <= limit;
           ++c) {
        if (absl::ascii_isspace(static_cast<unsigned char>(*c))) {
          space();
        } else {
          out.push_back(*c);
        }
      }
    } else if (n->type == GUMBO_NODE_ELEMENT) {
      const GumboTag tag = n->v.element.tag;
      if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE ||
          tag == GUMBO_TAG_TEMPLATE || tag == GUMBO_TAG_NOSCRIPT) {
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

// Whether `value` names an author or byline: microdata itemprop=author,
// rel=author, and the class and id names sites give bylines ("byline",
// "author-name") and forum posters ("username", "poster").
bool MarksAuthor(absl::string_view value) {
  // Forum software marks a post's author as its user name or poster.
  static const PhraseMatcher* const marks =
      new PhraseMatcher({"author", "byline", "username", "user-name", "poster"},
                        PhraseMatcher::Case::kIgnoreAscii);
  // "authorize" and "authorization" name log-in links and forms ("Sign In"),
  // not an author.
  constexpr absl::string_view kAuthoriz = "authoriz";
  bool marked = false;
  marks->Scan(value, [&](size_t, size_t at) {
    marked = !absl::StartsWithIgnoreCase(value.substr(at), kAuthoriz);
    return !marked;
  });
  return marked;
}

// How many nodes below a microdata author item are searched for its name.
constexpr size_t kMaxAuthorItemNodes = 512;

// The name a microdata author item states: the content (or text) of the first
// itemprop=name element below `author` (a forum post's author box holds the
// poster's name there among rank, badges and post counts); "" when none.
std::string MicrodataAuthorName(const GumboNode* author) {
  std::vector<const GumboNode*> stack;
  const GumboVector& top = author->v.element.children;
  for (unsigned i = top.length; i > 0; --i)
    stack.push_back(static_cast<const GumboNode*>(top.data[i - 1]));
  for (size_t seen = 0; !stack.empty() && seen < kMaxAuthorItemNodes; ++seen) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type != GUMBO_NODE_ELEMENT) continue;
    const GumboElement& el = n->v.element;
    if (absl::EqualsIgnoreCase(Attr(el, "itemprop"), "name")) {
      absl::string_view content = Attr(el, "content");
      if (!content.empty())
        return TextNormalizer::CollapseSpaces(
            Utf8Prefix(content, kMaxBylineBytes + 1));
      return VisibleText(n, kMaxBylineBytes + 1);
    }
    // A nested item (the author's organisation, marked by its itemtype)
    // names itself, not the author.
    if (!Attr(el, "itemtype").empty() || el.tag == GUMBO_TAG_SCRIPT ||
        el.tag == GUMBO_TAG_STYLE)
      continue;
    for (unsigned i = el.children.length; i > 0; --i)
      stack.push_back(static_cast<const GumboNode*>(el.children.data[i - 1]));
  }
  return "";
}

// Facts any element may carry in its attributes: a date (<time datetime>,
// microdata datePublished) and a byline's text.
void CollectMarkedFacts(const GumboNode* node, HtmlFacts* facts) {
  const GumboElement& el = node->v.element;
  HtmlFacts& f = *facts;
  const absl::string_view itemprop = Attr(el, "itemprop");
  if (f.dates.size() < kMaxDates &&
      (el.tag == GUMBO_TAG_TIME ||
       absl::EqualsIgnoreCase(itemprop, "datePublished"))) {
    absl::string_view when = Attr(el, "datetime");
    if (when.empty()) when = Attr(el, "content");
    if (!when.empty()) f.dates.emplace_back(Utf8Prefix(when, 64));
  }
  if (f.bylines.size() >= kMaxBylines || el.tag == GUMBO_TAG_META ||
      el.tag == GUMBO_TAG_LINK || el.tag == GUMBO_TAG_SCRIPT ||
      el.tag == GUMBO_TAG_STYLE) {
    return;
  }
  // A link to the author's page ("/author/jane-doe") names the author too.
  const absl::string_view href = el.tag == GUMBO_TAG_A ? Attr(el, "href") : "";
  const bool author_link = absl::StrContains(href, "/author/") ||
                           absl::StrContains(href, "/authors/");
  const bool strong =
      author_link || MarksAuthor(itemprop) || MarksAuthor(Attr(el, "rel"));
  if (strong || MarksAuthor(Attr(el, "class")) || MarksAuthor(Attr(el, "id"))) {
    std::string text = VisibleText(node, kMaxBylineBytes + 1);
    bool marked_strong = strong;
    // A microdata author box (a forum post's author with rank, badges and
    // post counts: "Vader 6,796 gold badges") states the name in
    // itemprop=name. Such a box is weak when a byline came before it: on a
    // thread's later pages the first post is a reply, and the thread's header
    // names its starter ("Thread starter X").
    if (absl::EqualsIgnoreCase(itemprop, "author")) {
      if (std::string name = MicrodataAuthorName(node); !name.empty()) {
        if (name != text) marked_strong = f.bylines.empty();
        text = std::move(name);
      }
    }
    if (!text.empty() && text.size() <= kMaxBylineBytes) {
      f.bylines.push_back({std::move(text), marked_strong});
    }
  }
}

}  // namespace

void CollectElementFacts(const GumboNode* node, HtmlFacts* facts) {
  const GumboElement& el = node->v.element;
  HtmlFacts& f = *facts;
  switch (el.tag) {
    case GUMBO_TAG_HTML:
      if (f.lang.empty()) {
        f.lang = std::string(Utf8Prefix(Attr(el, "lang"), 64));
      }
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
        f.meta.emplace_back(
            absl::AsciiStrToLower(key.substr(0, 128)),
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
          absl::StrContains(absl::AsciiStrToLower(Attr(el, "type")),
                            "ld+json")) {
        f.json_ld.push_back(SubtreeText(node, 1 << 20));
      }
      break;
    case GUMBO_TAG_H1:
      if (f.h1.size() < kMaxH1) f.h1.push_back(VisibleText(node, 2048));
      break;
    default:
      break;
  }
  CountElement(el, &f.counts);
  CollectItemType(el, facts);
  CountClassWords(el, facts);
  CollectMarkedFacts(node, facts);
}

void CollectSubtreeFacts(const GumboNode* root, HtmlFacts* facts) {
  std::vector<const GumboNode*> stack = {root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type != GUMBO_NODE_ELEMENT) continue;
    CollectElementFacts(n, facts);
    const GumboVector& kids = n->v.element.children;
    for (unsigned k = kids.length; k > 0; --k) {
      stack.push_back(static_cast<const GumboNode*>(kids.data[k - 1]));
    }
  }
}

absl::string_view HtmlFacts::Meta(absl::string_view key) const {
  for (const auto& [k, v] : meta) {
    if (k == key && !v.empty()) return v;
  }
  return {};
}

}  // namespace declutter::extract
