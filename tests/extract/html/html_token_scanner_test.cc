#include "service/extract/html/html_token_scanner.h"

#include <gtest/gtest.h>

namespace declutter::extract {
namespace {

TEST(HtmlTokenScannerTest, TagEndsAtTheFirstGreaterThanOutsideQuotedValues) {
  const absl::string_view html = R"(<a title="x > y" href='/b>c'>text)";
  const TagTail tail = HtmlTokenScanner::ScanTail(html, 2);
  EXPECT_EQ(html.substr(tail.end), "text");
  EXPECT_FALSE(tail.self_closing);
}

TEST(HtmlTokenScannerTest, AQuoteOutsideAValueDoesNotOpenOne) {
  // The quote is part of an attribute name, so the first '>' ends the tag.
  const absl::string_view html = R"(<a b"c=d>text">)";
  EXPECT_EQ(html.substr(HtmlTokenScanner::ScanTail(html, 2).end), "text\">");
}

TEST(HtmlTokenScannerTest, SelfClosingOnlyWhenTheSlashMeetsTheGreaterThan) {
  absl::string_view html = "<path d=x/>";
  EXPECT_FALSE(
      HtmlTokenScanner::ScanTail(html, 5).self_closing);  // "x/" is the value
  html = "<path d='x'/>";
  EXPECT_TRUE(HtmlTokenScanner::ScanTail(html, 5).self_closing);
  html = "<path / d=x>";
  EXPECT_FALSE(HtmlTokenScanner::ScanTail(html, 5).self_closing);
}

TEST(HtmlTokenScannerTest, ReadsTheFirstTypeAttribute) {
  const absl::string_view html =
      R"(<script TYPE="application/ld+json" type=x>)";
  const TagTail tail = HtmlTokenScanner::ScanTail(html, 7);
  EXPECT_EQ(tail.type, "application/ld+json");
  EXPECT_EQ(tail.type_count, 2);
}

TEST(HtmlTokenScannerTest, ATagCutByTheEndOfInputHasNoEnd) {
  EXPECT_EQ(HtmlTokenScanner::ScanTail("<a href='x>", 2).end,
            absl::string_view::npos);
}

TEST(HtmlTokenScannerTest, CommentEnds) {
  auto body = [](absl::string_view html) {
    const CommentSpan span = HtmlTokenScanner::ScanComment(html, 0);
    return std::string(
               html.substr(span.body_begin, span.body_end - span.body_begin)) +
           "|" + std::string(html.substr(span.end));
  };
  EXPECT_EQ(body("<!-- a -->b"), " a |b");
  EXPECT_EQ(body("<!-->b"), "|b");
  EXPECT_EQ(body("<!--->b"), "|b");
  EXPECT_EQ(body("<!---->b"), "|b");
  EXPECT_EQ(body("<!-- a --!>b"), " a |b");
  EXPECT_EQ(body("<!-- a --->b"), " a -|b");
  EXPECT_EQ(body("<!-- a -- b -->c"), " a -- b |c");
  EXPECT_EQ(body("<!-- a --!-->b"), " a --!|b");
  EXPECT_EQ(body("<!-- never closed"), " never closed|");
}

TEST(HtmlTokenScannerTest, RawTextEndsAtItsOwnEndTagOnly) {
  const absl::string_view html = "a</styles></style2></STYLE >b";
  const size_t end = HtmlTokenScanner::RawTextEnd(html, 0, "style");
  EXPECT_EQ(html.substr(end), "</STYLE >b");
  EXPECT_EQ(HtmlTokenScanner::RawTextEnd("a</style", 0, "style"), 8u);
}

TEST(HtmlTokenScannerTest, ScriptEndsAtItsEndTag) {
  const absl::string_view html = "if (a</b) x = '</scripts>';</script>rest";
  EXPECT_EQ(html.substr(HtmlTokenScanner::ScriptDataEnd(html, 0)),
            "</script>rest");
}

TEST(HtmlTokenScannerTest, EscapedScriptStillEndsAtItsEndTag) {
  const absl::string_view html = "<!-- x --></script>rest";
  EXPECT_EQ(html.substr(HtmlTokenScanner::ScriptDataEnd(html, 0)),
            "</script>rest");
  const absl::string_view open = "<!-- x </script>rest";
  EXPECT_EQ(open.substr(HtmlTokenScanner::ScriptDataEnd(open, 0)),
            "</script>rest");
}

TEST(HtmlTokenScannerTest, DoubleEscapedScriptHidesItsInnerEndTag) {
  // Inside "<!--", "<script>" makes the next "</script>" text; the escape then
  // needs "-->" before a "</script>" ends the element.
  const absl::string_view html =
      "<!-- document.write('<script>x</script>'); --></script>rest";
  EXPECT_EQ(html.substr(HtmlTokenScanner::ScriptDataEnd(html, 0)),
            "</script>rest");
  // After the inner "</script>" the escape is single again: the next end tag
  // ends it.
  const absl::string_view back = "<!-- <script> a </script> b </script>rest";
  EXPECT_EQ(back.substr(HtmlTokenScanner::ScriptDataEnd(back, 0)),
            "</script>rest");
  // Never closed: the script runs to the end of the input.
  const absl::string_view open = "<!--<script></script";
  EXPECT_EQ(HtmlTokenScanner::ScriptDataEnd(open, 0), open.size());
}

}  // namespace
}  // namespace declutter::extract
