// Turns Gumbo's tree of a page into blocks, a DomTree, and the head facts the
// metadata stage reads (<title>, <meta>, canonical link, <html lang>, JSON-LD).
//
// What can never be article text is not turned into blocks at all: script, style,
// template, svg, iframe, form controls, and elements hidden with `hidden`,
// `aria-hidden="true"` or an inline display:none / visibility:hidden. <noscript> is
// read: it is what a client without scripts (a crawler) is served, and some sites put
// their whole content there. A hidden element holding half the page's text, or every
// hidden element when hiding leaves almost no text, is read too: that is content
// hidden until a script reveals it.
//
// The walk is iterative, so arbitrarily deep documents cannot overflow the stack; work
// and memory are linear in the input. Stateless; thread-safe.

#ifndef DECLUTTER_SERVICE_EXTRACT_HTML_HTML_BLOCK_BUILDER_H_
#define DECLUTTER_SERVICE_EXTRACT_HTML_HTML_BLOCK_BUILDER_H_

#include <string>
#include "absl/strings/string_view.h"
#include <utility>
#include <vector>

#include "service/extract/blocks/block.h"
#include "service/extract/blocks/dom_tree.h"
#include "service/extract/page.h"

struct GumboInternalNode;

namespace declutter::extract {

class WorkBudget;

struct HtmlFacts {
  std::string title;      // text of <title>
  std::string lang;       // <html lang>
  std::string canonical;  // <link rel=canonical href>, as written
  // <meta> name/property/itemprop (lower-cased) -> content, in document order.
  std::vector<std::pair<std::string, std::string>> meta;
  std::vector<std::string> json_ld;  // bodies of <script type=application/ld+json>
  std::vector<std::string> h1;       // texts of the first <h1> elements
  // Texts of the first short elements marked as an author or byline, in document
  // order: `strong` ones by itemprop or rel ("author"), or as links to an /author/
  // page; weak ones by a class or id containing "author" or "byline", which sites
  // also give to author bios, locations and avatars.
  struct Byline {
    std::string text;
    bool strong = false;
  };
  std::vector<Byline> bylines;
  // <time datetime> values and microdata datePublished values, in document order.
  std::vector<std::string> dates;

  // The first non-empty content of a <meta> whose key equals `key`; "" when none.
  absl::string_view Meta(absl::string_view key) const;
};

struct HtmlDocument {
  BlockList blocks;
  DomTree dom;
  HtmlFacts facts;
};

class HtmlBlockBuilder {
 public:
  // Parses `html` (UTF-8) with ParsedHtml and builds from its tree.
  static HtmlDocument Build(absl::string_view html, WorkBudget* budget = nullptr);

  // Builds from a parsed tree (`root` may be null: an empty document). `budget` (may
  // be null) is polled during the walk; when it expires the walk stops and the
  // document is partial (the caller's next budget check reports it). `shortcuts` as
  // in Options.
  static HtmlDocument FromTree(const GumboInternalNode* root, WorkBudget* budget = nullptr,
                               const Shortcuts& shortcuts = {});
};

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_HTML_HTML_BLOCK_BUILDER_H_
