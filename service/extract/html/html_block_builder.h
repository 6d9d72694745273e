// The HTML stage's entry: one walk over Gumbo's tree of a page that yields its
// blocks of text, the DomTree the selector scores (each element with its DOM
// hints, from DomHints) and the facts the metadata stage reads (HtmlFacts,
// collected as the walk visits each element).
//
// What can never be article text is not turned into blocks at all: script,
// style, template, svg, iframe, form controls, and elements hidden with
// `hidden`, `aria-hidden="true"` or an inline display:none / visibility:hidden.
// <noscript> is read: it is what a client without scripts (a crawler) is
// served, and some sites put their whole content there. A hidden element
// holding half the page's text, or every hidden element when hiding leaves
// almost no text, is read too: that is content hidden until a script reveals
// it.
//
// Input: a parse tree the caller owns, or UTF-8 HTML to parse. Output: an
// HtmlDocument that owns copies of everything it holds (block texts, facts; the
// DomTree is plain data), so it outlives the tree. The walk is iterative, so
// arbitrarily deep documents cannot overflow the stack; work and memory are
// linear in the input. Stateless; thread-safe.

#ifndef DECLUTTER_SERVICE_EXTRACT_HTML_HTML_BLOCK_BUILDER_H_
#define DECLUTTER_SERVICE_EXTRACT_HTML_HTML_BLOCK_BUILDER_H_

#include "absl/strings/string_view.h"
#include "service/extract/blocks/block.h"
#include "service/extract/blocks/dom_tree.h"
#include "service/extract/html/html_facts.h"
#include "service/extract/page.h"

struct GumboInternalNode;

namespace declutter::extract {

class WorkBudget;

struct HtmlDocument {
  BlockList blocks;  // in document order; each block's `node` indexes `dom`
  DomTree dom;
  HtmlFacts facts;
};

class HtmlBlockBuilder {
 public:
  // Parses `html` (UTF-8) with ParsedHtml and builds from its tree.
  static HtmlDocument Build(absl::string_view html,
                            WorkBudget* budget = nullptr);

  // Builds from a parsed tree (`root` may be null: an empty document). `budget`
  // (may be null) is polled during the walk; when it expires the walk stops and
  // the document is partial (the caller's next budget check reports it).
  // `shortcuts` as in Options.
  static HtmlDocument FromTree(const GumboInternalNode* root,
                               WorkBudget* budget = nullptr,
                               const Shortcuts& shortcuts = {});
};

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_HTML_HTML_BLOCK_BUILDER_H_
