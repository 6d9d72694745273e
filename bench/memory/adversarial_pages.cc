#include "bench/memory/adversarial_pages.h"

#include <algorithm>

namespace declutter::bench {

const std::vector<AdversarialShape>& AdversarialShapes() {
  static const std::vector<AdversarialShape>* const kShapes =
      new std::vector<AdversarialShape>{
          // One block per two bytes on the text path.
          {"x\\n", "", "x\n"},
          {"ok\\n", "", "ok\n"},
          // A table cell, a line break or a paragraph per few bytes.
          {"<td>x", "<table><tr>", "<td>x"},
          {"x<br>", "", "x<br>"},
          {"<p>w</p>", "", "<p>w</p>"},
          // Attributes: one node each in the parser, two bytes apiece.
          {"<p a b c ...>", "",
           "<p a b c d e f g h i j k l m n o p q r s t u v w x y z>w"},
          // Formatting elements left open are reopened in every new block
          // (the parser's "reconstruct the active formatting elements").
          {"<b><i>..<p>x", "<b><i><u><s><em><strong><big><small><tt><code>",
           "<p>x"},
          // Rows and items whose end tags the parser implies.
          {"<tr><td>x", "<table>", "<tr><td>x"},
          {"<li>x", "<ul>", "<li>x"},
          // End tags with no start tag: the parser makes an element of
          // "</p>" and "</br>".
          {"</p></br>", "", "</p></br>"},
          // Nested foreign content, open to the end.
          {"<svg><g>x", "<svg>", "<g>x"},
          // A short line of CJK text: three bytes a character.
          {"CJK\\n", "", "\xE4\xB8\xAD\xE6\x96\x87\n"},
          // Links in a list: what a link farm looks like.
          {"<a href=x>x</a>", "", "<a href=x>x</a>"},
      };
  return *kShapes;
}

std::string BuildAdversarialPage(const AdversarialShape& shape, size_t bytes) {
  std::string page;
  page.reserve(bytes);
  page.append(shape.head, 0, std::min(shape.head.size(), bytes));
  if (shape.unit.empty()) return page;
  while (page.size() + shape.unit.size() <= bytes) page += shape.unit;
  page.append(shape.unit, 0, bytes - page.size());
  return page;
}

}  // namespace declutter::bench
