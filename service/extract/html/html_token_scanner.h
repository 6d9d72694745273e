// Exact boundaries of HTML tokens, found without building tokens: where a tag,
// a comment, a script's or a style's text ends, as the HTML tokenizer (WHATWG
// "13.2.5 Tokenization", which Gumbo implements) would end them. Used by the
// byte-level passes that run before Gumbo, which must agree with it to the
// byte.
//
// Every function reads `html` from a given index and never past its end; each
// is linear in the bytes it reads. Stateless; thread-safe.

#ifndef DECLUTTER_SERVICE_EXTRACT_HTML_HTML_TOKEN_SCANNER_H_
#define DECLUTTER_SERVICE_EXTRACT_HTML_HTML_TOKEN_SCANNER_H_

#include <cstddef>
#include <vector>

#include "absl/strings/string_view.h"

namespace declutter::extract {

// Where one attribute is written: its name starts at `begin`, its value (with
// its quotes) ends at `end`.
struct AttributeSpan {
  size_t begin = 0;
  size_t name_end = 0;
  size_t end = 0;
};

// A tag's attributes, as far as the passes need them.
struct TagTail {
  // One past the tag's closing '>'; absl::string_view::npos when the document
  // ends inside the tag (the tokenizer then drops the tag).
  size_t end = absl::string_view::npos;
  bool self_closing = false;  // "/>" closed it
  // The raw value of the first attribute named "type" (any case), character
  // references undecoded, and how many such attributes there were.
  absl::string_view type;
  int type_count = 0;
  // How many attributes the tag writes (repeated names included).
  int64_t attribute_count = 0;
};

// A comment opened by "<!--".
struct CommentSpan {
  size_t body_begin = 0;  // just past "<!--"
  size_t body_end = 0;  // where the closing "-->" (or "--!>", ">", "->") starts
  size_t end = 0;       // one past the comment; html.size() at end of input
};

class HtmlTokenScanner {
 public:
  static bool IsSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
  }
  static bool IsAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  // The end of a tag name starting at `i` (just past "<" or "</"): the first
  // space, '/' or '>', or html.size().
  static size_t NameEnd(absl::string_view html, size_t i);

  // Reads a tag's attributes from `i` (just past its name) to its '>', through
  // the tokenizer's attribute states: a quote opens a value only right after
  // '=', an unquoted value takes '/' as its own, "/>" marks self-closing.
  // When `attributes` is given, it receives every attribute's span, in order.
  static TagTail ScanTail(absl::string_view html, size_t i,
                          std::vector<AttributeSpan>* attributes = nullptr);

  // The comment whose "<!--" starts at `i`.
  static CommentSpan ScanComment(absl::string_view html, size_t i);

  // Where the text of a RAWTEXT or RCDATA element (style, textarea, ...) whose
  // content starts at `i` ends: the '<' of the first "</name" followed by a
  // space, '/' or '>' (`lower_name` lower-case, compared ignoring case);
  // html.size() when it never ends.
  static size_t RawTextEnd(absl::string_view html, size_t i,
                           absl::string_view lower_name);

  // The same for a script, through the script data states: inside "<!--" a
  // nested "<script" makes "</script>" text until "-->" or its own
  // "</script>" ends the escape.
  static size_t ScriptDataEnd(absl::string_view html, size_t i);
};

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_HTML_HTML_TOKEN_SCANNER_H_
