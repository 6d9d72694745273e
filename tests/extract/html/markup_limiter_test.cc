#include "service/extract/html/markup_limiter.h"

#include <cstdint>
#include <limits>
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

// Tags deleted for depth, with no cost limit.
int64_t Deleted(absl::string_view html, int max_depth, std::string* limited) {
  MarkupLimits limits;
  limits.max_depth = max_depth;
  const MarkupLimitStats stats = MarkupLimiter::Limit(html, limits, limited);
  EXPECT_EQ(stats.tags_flattened, 0);
  return stats.tags_deleted;
}

TEST(MarkupLimiterTest, LeavesPagesWithinTheLimitAlone) {
  const std::string html = Nested("div", 50, "<p>text</p>");
  std::string limited = "untouched";
  EXPECT_EQ(Deleted(html, 60, &limited), 0);
  EXPECT_EQ(limited, "untouched");
}

TEST(MarkupLimiterTest, DeletesTagsPastTheLimitAndKeepsTheText) {
  const std::string html = Nested("div", 100, "deep text");
  std::string limited;
  EXPECT_EQ(Deleted(html, 10, &limited),
            180);  // 90 starts, 90 ends
  EXPECT_EQ(limited, Nested("div", 10, "deep text"));
}

TEST(MarkupLimiterTest, ImpliedEndTagsDoNotCountAsNesting) {
  // 1,000 unclosed <li> and <p> and <td> are siblings, not 1,000 levels.
  std::string html = "<ul>";
  for (int i = 0; i < 1000; ++i) html += "<li>item";
  html += "</ul><div>";
  for (int i = 0; i < 1000; ++i) html += "<p>para";
  html += "</div><table>";
  for (int i = 0; i < 1000; ++i) html += "<tr><td>a<td>b";
  html += "</table>";
  std::string limited;
  EXPECT_EQ(Deleted(html, 10, &limited), 0);
}

TEST(MarkupLimiterTest, VoidRawTextCommentsAndQuotedAttributesDoNotNest) {
  std::string html;
  for (int i = 0; i < 500; ++i) {
    html +=
        "<br><img src='a>b'><input value=\"<div>\"><!-- <div> --><script>"
        "var s = '<div><div>';</script><style>div>p{}</style>";
  }
  std::string limited;
  EXPECT_EQ(Deleted(html, 10, &limited), 0);
}

TEST(MarkupLimiterTest, SelfClosingTagsCloseOnlyInSvgAndMath) {
  std::string svg = "<div><svg viewBox='0 0 1 1'>";
  for (int i = 0; i < 1000; ++i) svg += "<path d='M0 0'/><circle r=\"1\" />";
  svg += "</svg></div>";
  std::string limited;
  EXPECT_EQ(Deleted(svg, 10, &limited), 0);
  // In HTML "<div/>" opens a div like "<div>" does, so it nests.
  std::string html;
  for (int i = 0; i < 100; ++i) html += "<div/>";
  EXPECT_GT(Deleted(html, 10, &limited), 0);
}

TEST(MarkupLimiterTest, UpperCaseAndAttributesAreTheSameElement) {
  const std::string html = Nested("DIV class=\"a\"", 30, "x") + "<p>after</p>";
  std::string limited;
  EXPECT_GT(Deleted(html, 5, &limited), 0);
  EXPECT_NE(limited.find("x"), std::string::npos);
  EXPECT_NE(limited.find("<p>after</p>"), std::string::npos);
}

TEST(MarkupLimiterTest, HundredThousandNestedDivsStillYieldTheirText) {
  const std::string html = absl::StrCat(
      "<html><body>", Nested("div", 100000, "<p>deep text inside</p>"),
      "<p>after the divs</p></body></html>");
  HtmlDocument doc = HtmlBlockBuilder::Build(html);
  std::string text;
  for (const Block& b : doc.blocks) absl::StrAppend(&text, b.text, "\n");
  EXPECT_NE(text.find("deep text inside"), std::string::npos) << text;
  EXPECT_NE(text.find("after the divs"), std::string::npos) << text;
}

TEST(MarkupLimiterTest, HtmlAfterThousandsOfOpenSvgGroupsIsKept) {
  // The parser leaves foreign content at the first <h1> or <p>, however deep
  // the <g> elements went; the model must too, or it deletes their tags.
  std::string html = "<html><body><svg>";
  for (int i = 0; i < 1500; ++i) html += "<g>";
  html +=
      "<article><h1>The headline</h1><p>The first paragraph.</p>"
      "<p>The second paragraph.</p></article></body></html>";
  std::string limited;
  // The <g> elements past the depth, and the <article> (not an HTML tag the
  // parser leaves foreign content for) with them; not the <h1> or the <p>s.
  EXPECT_EQ(Deleted(html, MarkupLimits::kDefaultMaxDepth, &limited),
            1500 - (MarkupLimits::kDefaultMaxDepth - 3) + 1);
  EXPECT_NE(limited.find("<h1>The headline</h1><p>"), std::string::npos);
  HtmlDocument doc = HtmlBlockBuilder::Build(html);
  std::string text;
  for (const Block& b : doc.blocks) absl::StrAppend(&text, b.text, "\n");
  EXPECT_NE(text.find("The headline"), std::string::npos) << text;
  EXPECT_NE(text.find("The second paragraph."), std::string::npos) << text;
}

TEST(MarkupLimiterTest, UnterminatedTagsAndStrayLessThanSignsEnd) {
  std::string limited;
  EXPECT_EQ(Deleted("a < b <", 1, &limited), 0);
  EXPECT_EQ(Deleted("<div title=\"never closed", 1, &limited), 0);
  EXPECT_EQ(Deleted("<script>no end", 1, &limited), 0);
  EXPECT_EQ(Deleted("<!-- no end", 1, &limited), 0);
}

MarkupLimits CostLimit(int64_t max_structure_cost) {
  MarkupLimits limits;
  limits.max_structure_cost = max_structure_cost;
  return limits;
}

std::string Repeat(absl::string_view unit, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) absl::StrAppend(&out, unit);
  return out;
}

size_t Count(absl::string_view haystack, absl::string_view needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != absl::string_view::npos;
       at = haystack.find(needle, at + needle.size()))
    ++n;
  return n;
}

TEST(MarkupLimiterTest, RealShapedPagesStayWithinTheirBudget) {
  // As dense as the densest real pages of the benchmark sets: small ones
  // estimate up to 23 bytes per byte (the fixed part of the budget covers
  // them), pages over 300 KB up to 13; this article estimates 9.
  const std::string teasers = Repeat(
      "<li class=\"item\"><a href=\"/news/2024/story.html\">A headline of "
      "a story</a> <span class=\"date\">2024-05-01</span></li>\n",
      2500);
  const std::string article = Repeat(
      "<p class=\"text\">A paragraph of an article, with a <a href=\"/x\">"
      "link</a> in it and a sentence or two around it, as pages have. Most "
      "paragraphs of real articles run longer than this one does, and hold "
      "a few sentences of plain text between their links.</p>\n",
      10000);
  for (const std::string& html : {teasers, article}) {
    std::string limited = "untouched";
    const MarkupLimitStats stats = MarkupLimiter::Limit(
        html, MarkupLimits::ForPage(html.size()), &limited);
    EXPECT_EQ(stats.tags_flattened, 0) << html.size();
    EXPECT_TRUE(limited == "untouched");
  }
}

TEST(MarkupLimiterTest, TagsPastTheCostBecomeSpacesAndTheTextStays) {
  const std::string html = Repeat("x<br>", 10000);
  std::string limited;
  const int64_t budget = 100 * (MarkupCosts::kTextRun + MarkupCosts::kElement);
  const MarkupLimitStats stats =
      MarkupLimiter::Limit(html, CostLimit(budget), &limited);
  // About 100 of the 10,000 line breaks fit; the rest are spaces.
  EXPECT_GT(stats.tags_flattened, 9800);
  EXPECT_LE(Count(limited, "<br>"), 101u);
  EXPECT_EQ(Count(limited, "x"), 10000u);
  EXPECT_LE(stats.structure_cost, budget + MarkupCosts::kTextRun +
                                      MarkupCosts::kBlock +
                                      MarkupCosts::kElement);
  // No word is glued to the next.
  EXPECT_EQ(Count(limited, "xx"), 0u);
}

TEST(MarkupLimiterTest, AttributesAndCommentsCostToo) {
  const int64_t budget = 1000 * MarkupCosts::kElement;
  std::string limited;
  // 500 bare elements fit; with 26 attributes each, they do not.
  EXPECT_EQ(
      MarkupLimiter::Limit(Repeat("<b>", 500), CostLimit(budget), &limited)
          .tags_flattened,
      0);
  EXPECT_GT(
      MarkupLimiter::Limit(
          Repeat("<b a b c d e f g h i j k l m n o p q r s t u v w x y z>",
                 500),
          CostLimit(budget), &limited)
          .tags_flattened,
      0);
  EXPECT_GT(
      MarkupLimiter::Limit(Repeat("<!---->", 5000), CostLimit(budget), &limited)
          .tags_flattened,
      0);
  // Stray end tags make elements; end tags that close one do not.
  EXPECT_EQ(MarkupLimiter::Limit(Repeat("<i>w</i>", 200), CostLimit(budget * 2),
                                 &limited)
                .tags_flattened,
            0);
  EXPECT_GT(MarkupLimiter::Limit(Repeat("</p></br>", 2000), CostLimit(budget),
                                 &limited)
                .tags_flattened,
            0);
}

TEST(MarkupLimiterTest, ScriptsPastTheCostGoWithTheirContent) {
  const std::string html =
      Repeat("<p>w</p>", 100) +
      "<script>var s = '<p>not text</p>';</script><p>kept words</p>";
  std::string limited;
  const MarkupLimitStats stats = MarkupLimiter::Limit(
      html, CostLimit(10 * MarkupCosts::kTextRun), &limited);
  EXPECT_GT(stats.tags_flattened, 0);
  EXPECT_EQ(limited.find("not text"), std::string::npos) << limited;
  EXPECT_EQ(limited.find("script"), std::string::npos) << limited;
  EXPECT_NE(limited.find("kept words"), std::string::npos) << limited;
}

TEST(MarkupLimiterTest, TheBudgetGrowsWithThePage) {
  const MarkupLimits small = MarkupLimits::ForPage(0);
  const MarkupLimits large = MarkupLimits::ForPage(size_t{8} << 20);
  EXPECT_EQ(small.max_structure_cost, MarkupLimits::kMinStructureCost);
  EXPECT_EQ(large.max_structure_cost,
            MarkupLimits::kMinStructureCost +
                MarkupLimits::kStructureCostPerByte * (int64_t{8} << 20));
  // A huge size does not overflow.
  EXPECT_GT(MarkupLimits::ForPage(std::numeric_limits<size_t>::max())
                .max_structure_cost,
            0);
}

}  // namespace
}  // namespace declutter::extract
