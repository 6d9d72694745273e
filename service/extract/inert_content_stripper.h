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
// Where a tag's meaning depends on parser state this pass does not model -
// inside <svg> beyond plain drawing elements, <math>, <select> with unusual
// content, <frameset>, table columns inside <template>, <plaintext> - it stops
// and copies the rest unchanged: a page is stripped less, never wrongly.
//
// Linear time; at most one copy of the page. Stateless; thread-safe.

#ifndef DECLUTTER_SERVICE_EXTRACT_INERT_CONTENT_STRIPPER_H_
#define DECLUTTER_SERVICE_EXTRACT_INERT_CONTENT_STRIPPER_H_

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"

namespace declutter::extract {

struct StripStats {
  int64_t bytes_removed = 0;
  int32_t scripts = 0;   // script bodies emptied
  int32_t styles = 0;    // style bodies emptied
  int32_t comments = 0;  // comment bodies emptied
  // Where the pass stopped stripping because it met markup it does not model;
  // -1 when it read the whole page.
  int64_t stopped_at = -1;
};

class InertContentStripper {
 public:
  // Strips `html` (UTF-8 or any ASCII-compatible bytes). When something was
  // removed, `*stripped` is set to the result; otherwise it is left alone and
  // nothing is copied.
  static StripStats Strip(absl::string_view html, std::string* stripped);
};

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_INERT_CONTENT_STRIPPER_H_
