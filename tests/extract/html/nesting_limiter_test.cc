#include "service/extract/html/nesting_limiter.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "service/extract/html/html_block_builder.h"

namespace declutter::extract {
namespace {

std::string Nested(const std::string& tag, int depth,
                   const std::string& inner) {
  std::string html;
  for (int i = 0; i < depth; ++i) absl::StrAppend(&html, "<", tag, ">");
  html += inner;
  for (int i = 0; i < depth; ++i) absl::StrAppend(&html, "</", tag, ">");
  return html;
}

TEST(NestingLimiterTest, LeavesPagesWithinTheLimitAlone) {
  const std::string html = Nested("div", 50, "<p>text</p>");
  std::string limited = "untouched";
  EXPECT_EQ(NestingLimiter::Limit(html, &limited, 60), 0);
  EXPECT_EQ(limited, "untouched");
}

TEST(NestingLimiterTest, DeletesTagsPastTheLimitAndKeepsTheText) {
  const std::string html = Nested("div", 100, "deep text");
  std::string limited;
  EXPECT_EQ(NestingLimiter::Limit(html, &limited, 10),
            180);  // 90 starts, 90 ends
  EXPECT_EQ(limited, Nested("div", 10, "deep text"));
}

TEST(NestingLimiterTest, ImpliedEndTagsDoNotCountAsNesting) {
  // 1,000 unclosed <li> and <p> and <td> are siblings, not 1,000 levels.
  std::string html = "<ul>";
  for (int i = 0; i < 1000; ++i) html += "<li>item";
  html += "</ul><div>";
  for (int i = 0; i < 1000; ++i) html += "<p>para";
  html += "</div><table>";
  for (int i = 0; i < 1000; ++i) html += "<tr><td>a<td>b";
  html += "</table>";
  std::string limited;
  EXPECT_EQ(NestingLimiter::Limit(html, &limited, 10), 0);
}

TEST(NestingLimiterTest, VoidRawTextCommentsAndQuotedAttributesDoNotNest) {
  std::string html;
  for (int i = 0; i < 500; ++i) {
    html +=
        "<br><img src='a>b'><input value=\"<div>\"><!-- <div> --><script>"
        "var s = '<div><div>';</script><style>div>p{}</style>";
  }
  std::string limited;
  EXPECT_EQ(NestingLimiter::Limit(html, &limited, 10), 0);
}

TEST(NestingLimiterTest, SelfClosingTagsCloseOnlyInSvgAndMath) {
  std::string svg = "<div><svg viewBox='0 0 1 1'>";
  for (int i = 0; i < 1000; ++i) svg += "<path d='M0 0'/><circle r=\"1\" />";
  svg += "</svg></div>";
  std::string limited;
  EXPECT_EQ(NestingLimiter::Limit(svg, &limited, 10), 0);
  // In HTML "<div/>" opens a div like "<div>" does, so it nests.
  std::string html;
  for (int i = 0; i < 100; ++i) html += "<div/>";
  EXPECT_GT(NestingLimiter::Limit(html, &limited, 10), 0);
}

TEST(NestingLimiterTest, UpperCaseAndAttributesAreTheSameElement) {
  const std::string html = Nested("DIV class=\"a\"", 30, "x") + "<p>after</p>";
  std::string limited;
  EXPECT_GT(NestingLimiter::Limit(html, &limited, 5), 0);
  EXPECT_NE(limited.find("x"), std::string::npos);
  EXPECT_NE(limited.find("<p>after</p>"), std::string::npos);
}

TEST(NestingLimiterTest, HundredThousandNestedDivsStillYieldTheirText) {
  const std::string html = absl::StrCat(
      "<html><body>", Nested("div", 100000, "<p>deep text inside</p>"),
      "<p>after the divs</p></body></html>");
  HtmlDocument doc = HtmlBlockBuilder::Build(html);
  std::string text;
  for (const Block& b : doc.blocks) absl::StrAppend(&text, b.text, "\n");
  EXPECT_NE(text.find("deep text inside"), std::string::npos) << text;
  EXPECT_NE(text.find("after the divs"), std::string::npos) << text;
}

TEST(NestingLimiterTest, UnterminatedTagsAndStrayLessThanSignsEnd) {
  std::string limited;
  EXPECT_EQ(NestingLimiter::Limit("a < b <", &limited, 1), 0);
  EXPECT_EQ(NestingLimiter::Limit("<div title=\"never closed", &limited, 1), 0);
  EXPECT_EQ(NestingLimiter::Limit("<script>no end", &limited, 1), 0);
  EXPECT_EQ(NestingLimiter::Limit("<!-- no end", &limited, 1), 0);
}

}  // namespace
}  // namespace declutter::extract
