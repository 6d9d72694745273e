// Gumbo's tree of a page written out as text, minus what InertContentStripper
// removes (script and style text, comment text, the attributes of HTML elements
// that no reader uses, whitespace runs beyond their first character outside
// <pre> and <listing>), so a test can check that stripping a page leaves Gumbo
// building the same tree otherwise.
//
// One line per node: depth, node type, namespace, tag (the original name for
// unknown tags), attributes in order, and text. Iterative, so deep trees do not
// overflow the stack.

#ifndef DECLUTTER_TESTS_SUPPORT_GUMBO_TREE_SIGNATURE_H_
#define DECLUTTER_TESTS_SUPPORT_GUMBO_TREE_SIGNATURE_H_

#include <gumbo.h>

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "service/extract/html/inert_content_stripper.h"

namespace declutter::testing {

// `text` with each run of HTML whitespace cut to its first character.
inline std::string FirstOfEachWhitespaceRun(absl::string_view text) {
  auto space = [](char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
  };
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (i > 0 && space(text[i]) && space(text[i - 1])) continue;
    out.push_back(text[i]);
  }
  return out;
}

inline std::string GumboTreeSignature(absl::string_view html) {
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  GumboOutput* output =
      gumbo_parse_with_options(&options, html.data(), html.size());
  std::string out;
  struct Entry {
    const GumboNode* node;
    int depth;
    bool in_pre;  // inside <pre> or <listing>, where whitespace is kept
  };
  std::vector<Entry> stack = {{output->document, 0, false}};
  while (!stack.empty()) {
    const auto [node, depth, in_pre] = stack.back();
    stack.pop_back();
    absl::StrAppend(&out, depth, " ", static_cast<int>(node->type));
    switch (node->type) {
      case GUMBO_NODE_DOCUMENT:
        absl::StrAppend(
            &out, " doctype=", node->v.document.has_doctype, ":",
            node->v.document.name, ":", node->v.document.public_identifier, ":",
            node->v.document.system_identifier, " quirks=",
            static_cast<int>(node->v.document.doc_type_quirks_mode));
        break;
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE: {
        const GumboElement& el = node->v.element;
        absl::StrAppend(&out, " ns=", static_cast<int>(el.tag_namespace), " <",
                        gumbo_normalized_tagname(el.tag));
        if (el.tag == GUMBO_TAG_UNKNOWN) {
          GumboStringPiece name = el.original_tag;
          gumbo_tag_from_original_text(&name);
          absl::StrAppend(&out, absl::string_view(name.data, name.length));
        }
        const bool all_attributes =
            el.tag_namespace != GUMBO_NAMESPACE_HTML ||
            extract::InertContentStripper::KeepsAllAttributes(
                gumbo_normalized_tagname(el.tag));
        for (unsigned i = 0; i < el.attributes.length; ++i) {
          const auto* a =
              static_cast<const GumboAttribute*>(el.attributes.data[i]);
          if (!all_attributes &&
              !extract::InertContentStripper::KeepsAttribute(a->name)) {
            continue;
          }
          absl::StrAppend(&out, " ", static_cast<int>(a->attr_namespace), ":",
                          a->name, "=\"", a->value, "\"");
        }
        absl::StrAppend(&out, ">");
        break;
      }
      case GUMBO_NODE_COMMENT:
        break;  // its text is what the stripper removes
      default:
        absl::StrAppend(&out, " text=",
                        in_pre ? std::string(node->v.text.text)
                               : FirstOfEachWhitespaceRun(node->v.text.text));
        break;
    }
    out.push_back('\n');
    const GumboVector* kids = nullptr;
    if (node->type == GUMBO_NODE_DOCUMENT) kids = &node->v.document.children;
    if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE) {
      kids = &node->v.element.children;
    }
    if (kids == nullptr) continue;
    for (unsigned i = kids->length; i > 0; --i) {
      const auto* kid = static_cast<const GumboNode*>(kids->data[i - 1]);
      // A script or style whose text was removed has no text child at all.
      const bool stripped_text =
          (kid->type == GUMBO_NODE_TEXT || kid->type == GUMBO_NODE_WHITESPACE ||
           kid->type == GUMBO_NODE_CDATA) &&
          node->type == GUMBO_NODE_ELEMENT &&
          node->v.element.tag_namespace == GUMBO_NAMESPACE_HTML &&
          (node->v.element.tag == GUMBO_TAG_SCRIPT ||
           node->v.element.tag == GUMBO_TAG_STYLE);
      const bool pre =
          in_pre || (node->type == GUMBO_NODE_ELEMENT &&
                     (node->v.element.tag == GUMBO_TAG_PRE ||
                      node->v.element.tag == GUMBO_TAG_LISTING));
      if (!stripped_text) stack.push_back({kid, depth + 1, pre});
    }
  }
  gumbo_destroy_output(&options, output);
  return out;
}

}  // namespace declutter::testing

#endif  // DECLUTTER_TESTS_SUPPORT_GUMBO_TREE_SIGNATURE_H_
