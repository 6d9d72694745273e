#include "service/extract/html/dom_hints.h"

#include <gumbo.h>

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "service/extract/html/html_parser.h"

namespace declutter::extract {
namespace {

// The DomNode that `hints` gives each element of `tag` in `html`, in document
// order.
std::vector<DomNode> Describe(const std::string& html, GumboTag tag,
                              DomHints* hints) {
  const ParsedHtml parsed = ParsedHtml::Parse(html);
  std::vector<DomNode> out;
  std::vector<const GumboNode*> stack = {parsed.root()};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type != GUMBO_NODE_ELEMENT) continue;
    if (n->v.element.tag == tag) {
      hints->Describe(n->v.element, &out.emplace_back());
    }
    const GumboVector& kids = n->v.element.children;
    for (unsigned k = kids.length; k > 0; --k) {
      stack.push_back(static_cast<const GumboNode*>(kids.data[k - 1]));
    }
  }
  return out;
}

DomNode DescribeFirst(const std::string& html, GumboTag tag) {
  DomHints hints(/*memoize=*/true);
  std::vector<DomNode> nodes = Describe(html, tag, &hints);
  return nodes.empty() ? DomNode() : nodes.front();
}

TEST(DomHintsTest, TheTagAloneIsEvidence) {
  const DomNode nav = DescribeFirst("<nav>x</nav>", GUMBO_TAG_NAV);
  EXPECT_EQ(nav.hint, -40);
  EXPECT_EQ(nav.hint_kind, BlockKind::kNavigation);
  const DomNode article =
      DescribeFirst("<article>x</article>", GUMBO_TAG_ARTICLE);
  EXPECT_EQ(article.hint, 25);
  EXPECT_EQ(article.hint_kind, BlockKind::kNone);
  EXPECT_EQ(article.class_key, 0u);  // no class
}

TEST(DomHintsTest, NamesAddToTheTagAndTheirWorstKindWins) {
  const DomNode share =
      DescribeFirst("<div class=share>x</div>", GUMBO_TAG_DIV);
  EXPECT_EQ(share.hint, -30);
  EXPECT_EQ(share.hint_kind, BlockKind::kShare);
  const DomNode footer =
      DescribeFirst("<footer id=comments>x</footer>", GUMBO_TAG_FOOTER);
  EXPECT_EQ(footer.hint, -30 - 40);
  EXPECT_EQ(footer.hint_kind, BlockKind::kComment);
}

TEST(DomHintsTest, ClassKeyIsTheTagAndTheFirstClassToken) {
  DomHints hints(/*memoize=*/true);
  const std::vector<DomNode> divs = Describe(
      "<div class=\"post bg1\">a</div><div class=\"post bg2\">b</div>"
      "<div class=\"card\">c</div>",
      GUMBO_TAG_DIV, &hints);
  ASSERT_EQ(divs.size(), 3u);
  EXPECT_NE(divs[0].class_key, 0u);
  EXPECT_EQ(divs[0].class_key, divs[1].class_key);
  EXPECT_NE(divs[0].class_key, divs[2].class_key);
  const DomNode section =
      DescribeFirst("<section class=\"post\">a</section>", GUMBO_TAG_SECTION);
  EXPECT_NE(section.class_key, divs[0].class_key);
}

TEST(DomHintsTest, RememberedScoresEqualFreshOnes) {
  const std::string html =
      "<div class=\"comment-list\">a</div><div class=\"comment-list\">b</div>"
      "<div id=main role=navigation>c</div>";
  DomHints remembered(/*memoize=*/true);
  DomHints fresh(/*memoize=*/false);
  const std::vector<DomNode> a = Describe(html, GUMBO_TAG_DIV, &remembered);
  const std::vector<DomNode> b = Describe(html, GUMBO_TAG_DIV, &fresh);
  ASSERT_EQ(a.size(), 3u);
  ASSERT_EQ(b.size(), 3u);
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].hint, b[i].hint) << i;
    EXPECT_EQ(a[i].hint_kind, b[i].hint_kind) << i;
    EXPECT_EQ(a[i].class_key, b[i].class_key) << i;
  }
  EXPECT_EQ(a[0].hint_kind, BlockKind::kComment);
}

}  // namespace
}  // namespace declutter::extract
