// Reading a Gumbo element's attributes, for the units that turn the parse tree
// into blocks, DOM hints and head facts.
//
// InertContentStripper drops every attribute not in kReadAttributes before
// parsing, so reading another would silently find nothing. An attribute is
// therefore named through ReadAttribute, whose constructor runs at compile time
// and fails the build for a name the pre-pass drops.
//
// Input: an element of a parse tree the caller owns. Output: views into that
// tree, valid while it lives. Header-only; stateless; thread-safe.

#ifndef DECLUTTER_SERVICE_EXTRACT_HTML_ELEMENT_ATTRIBUTES_H_
#define DECLUTTER_SERVICE_EXTRACT_HTML_ELEMENT_ATTRIBUTES_H_

#include <gumbo.h>

#include "absl/strings/string_view.h"
#include "service/extract/html/inert_content_stripper.h"

namespace declutter::extract {

// The name of an attribute the engine reads, checked against kReadAttributes.
struct ReadAttribute {
  consteval ReadAttribute(const char* attribute) : name(attribute) {
    if (!InertContentStripper::KeepsAttribute(attribute)) {
      throw "InertContentStripper drops this attribute: add it to kReadAttributes";
    }
  }
  const char* name;
};

// The attribute of `el` named `attr`; null when absent.
inline const GumboAttribute* FindAttr(const GumboElement& el,
                                      ReadAttribute attr) {
  return gumbo_get_attribute(&el.attributes, attr.name);
}

// The value of the attribute of `el` named `attr`; "" when absent.
inline absl::string_view Attr(const GumboElement& el, ReadAttribute attr) {
  const GumboAttribute* a = FindAttr(el, attr);
  return a == nullptr ? absl::string_view() : absl::string_view(a->value);
}

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_HTML_ELEMENT_ATTRIBUTES_H_
