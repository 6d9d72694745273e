// Gumbo, wrapped: parses UTF-8 HTML into a tree that lives as long as the
// returned ParsedHtml.
//
// Before Gumbo sees the page, MarkupLimiter caps how deep its elements nest
// (Gumbo's work grows with depth times tags) and how much memory its markup
// may cost for the page's size (past it, tags are read as spaces) and, unless
// turned off,
// InertContentStripper empties script, style and comment bodies, drops unread
// attributes and cuts whitespace runs outside <pre>. Gumbo's
// memory comes from a GumboArena unless turned off; the tree is then freed at
// once, not node by node.
//
// Not copyable; movable. Stateless across calls; thread-safe.

#ifndef DECLUTTER_SERVICE_EXTRACT_HTML_HTML_PARSER_H_
#define DECLUTTER_SERVICE_EXTRACT_HTML_HTML_PARSER_H_

#include <gumbo.h>

#include <memory>
#include <optional>
#include <string>

#include "absl/strings/string_view.h"
#include "service/extract/html/gumbo_arena.h"
#include "service/extract/html/inert_content_stripper.h"
#include "service/extract/html/markup_limiter.h"
#include "service/extract/page.h"

namespace declutter::extract {

// Frees a tree through Gumbo, unless an arena holds it.
struct GumboOutputDeleter {
  bool in_arena = false;
  void operator()(GumboOutput* output) const {
    if (!in_arena) gumbo_destroy_output(&kGumboDefaultOptions, output);
  }
};

class ParsedHtml {
 public:
  // `html` must outlive the result: Gumbo's tree points into it for the tags'
  // original text (when a pre-pass changed the page, the result keeps its own
  // copy instead).
  // `limits` defaults to MarkupLimits::ForPage(html.size()); the engine passes
  // the limits of the page as it came, before decoding.
  static ParsedHtml Parse(absl::string_view html,
                          const Shortcuts& shortcuts = {},
                          std::optional<MarkupLimits> limits = std::nullopt);

  ParsedHtml(ParsedHtml&&) noexcept = default;
  ParsedHtml& operator=(ParsedHtml&&) noexcept = default;

  // The <html> element; null only if Gumbo failed.
  const GumboNode* root() const {
    return output_ == nullptr ? nullptr : output_->root;
  }
  const StripStats& strip_stats() const { return strip_stats_; }
  const MarkupLimitStats& markup_stats() const { return markup_stats_; }
  // Microseconds spent in the byte-level passes and in Gumbo.
  int64_t prepass_us() const { return prepass_us_; }
  int64_t parse_us() const { return parse_us_; }

 private:
  ParsedHtml() = default;

  // The page as the pre-passes left it, when they changed it; on the heap so a
  // move keeps the tree's pointers into it valid.
  std::unique_ptr<std::string> source_;
  std::unique_ptr<GumboArena> arena_;  // declared before output_: outlives it
  std::unique_ptr<GumboOutput, GumboOutputDeleter> output_;
  StripStats strip_stats_;
  MarkupLimitStats markup_stats_;
  int64_t prepass_us_ = 0;
  int64_t parse_us_ = 0;
};

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_HTML_HTML_PARSER_H_
