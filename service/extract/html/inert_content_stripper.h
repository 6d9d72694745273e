// The byte-level pre-pass before Gumbo: empties what can never be article text
// (the bodies of scripts, style sheets and comments) so the parser has less to
// tokenize, and builds the same tree otherwise.
//
// Each body is cut exactly where the HTML tokenizer ends it (HtmlTokenScanner),
// and the tags around it are kept: "<script src=x>...</script>" becomes
// "<script src=x></script>", "<!-- ... -->" becomes "<!---->". Gumbo then
// builds the same elements and comments in the same places, only without their
// text. JSON-LD scripts (type containing "ld+json") are kept whole for the
// metadata stage.
//
// Runs of whitespace in text are cut to their first character: outside <pre>
// the engine reads any run as one space, and indentation between tags is often
// a third of what is left of a page after the bodies above. Gumbo still sees
// whitespace where there was whitespace, so it builds the same elements; only
// the text of whitespace runs is shorter. From the first <pre> or <listing> on,
// whitespace is kept as written (text stays inside a <pre> in ways a byte-level
// pass cannot follow).
//
// Where a tag's meaning depends on parser state this pass does not model -
// inside <svg> beyond plain drawing elements and text-only titles, <math>,
// <select> with unusual content, <frameset>, table columns inside <template>,
// <plaintext> - it stops and copies the rest unchanged: a page is stripped
// less, never wrongly.
//
// Linear time; at most one copy of the page. Stateless; thread-safe.

#ifndef DECLUTTER_SERVICE_EXTRACT_HTML_INERT_CONTENT_STRIPPER_H_
#define DECLUTTER_SERVICE_EXTRACT_HTML_INERT_CONTENT_STRIPPER_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "absl/strings/string_view.h"

namespace declutter::extract {

// The attributes any reader of the tree uses; the readers can only ask for
// these (ReadAttribute in element_attributes.h checks its names against this
// list at compile time). Lower case, as the tokenizer makes attribute names.
inline constexpr std::string_view kReadAttributes[] = {
    "class",      "id",       "role",
    "itemprop",                               // class hints, bylines, dates
    "style",      "hidden",   "aria-hidden",  // hidden elements
    "href",       "rel",  // links, canonical URL, author links
    "lang",               // <html lang>
    "name",       "property", "content",
    "http-equiv",  // <meta>
    "datetime",    // <time>
    "type",        // JSON-LD scripts; <input type=hidden> in tables (tree
                   // construction); form controls (page-type features)
    "itemtype",    // microdata types (page-type features)
};

struct StripStats {
  int64_t bytes_removed = 0;
  int32_t scripts = 0;     // script bodies emptied
  int32_t styles = 0;      // style bodies emptied
  int32_t comments = 0;    // comment bodies emptied
  int32_t attributes = 0;  // attributes dropped
  int64_t whitespace_removed = 0;  // bytes of whitespace runs cut to one
  // Where the pass stopped stripping because it met markup it does not model;
  // -1 when it read the whole page.
  int64_t stopped_at = -1;
};

class InertContentStripper {
 public:
  // Whether HTML elements named `name` (any case) keep all their attributes.
  static bool KeepsAllAttributes(absl::string_view name);

  // Whether the pass keeps attributes named `name` (any case) on every element.
  static constexpr bool KeepsAttribute(std::string_view name) {
    for (std::string_view kept : kReadAttributes) {
      if (kept.size() != name.size()) continue;
      bool same = true;
      for (size_t i = 0; same && i < name.size(); ++i) {
        const char c = name[i];
        same = (c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) ==
               kept[i];
      }
      if (same) return true;
    }
    return false;
  }

  // Strips `html` (UTF-8 or any ASCII-compatible bytes). When something was
  // removed, `*stripped` is set to the result; otherwise it is left alone and
  // nothing is copied.
  static StripStats Strip(absl::string_view html, std::string* stripped);
};

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_HTML_INERT_CONTENT_STRIPPER_H_
