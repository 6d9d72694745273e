#include "service/extract/html/inert_content_stripper.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "tests/support/gumbo_tree_signature.h"
#include "tests/support/test_data.h"

namespace declutter::extract {
namespace {

std::string Stripped(absl::string_view html, StripStats* stats = nullptr) {
  std::string out;
  const StripStats s = InertContentStripper::Strip(html, &out);
  if (stats != nullptr) *stats = s;
  return s.bytes_removed > 0 ? out : std::string(html);
}

// Gumbo builds the same tree from the stripped page, minus the removed text.
void ExpectSameTree(absl::string_view html) {
  EXPECT_EQ(testing::GumboTreeSignature(Stripped(html)),
            testing::GumboTreeSignature(html))
      << html.substr(0, 300);
}

TEST(InertContentStripperTest, EmptiesScriptStyleAndCommentBodies) {
  StripStats stats;
  EXPECT_EQ(
      Stripped("<p>a<script src=x>var a = '<p>';</script><style>p{}</style>"
               "<!-- note -->b</p>",
               &stats),
      "<p>a<script ></script><style></style><!---->b</p>");
  EXPECT_EQ(stats.scripts, 1);
  EXPECT_EQ(stats.styles, 1);
  EXPECT_EQ(stats.comments, 1);
  EXPECT_EQ(stats.stopped_at, -1);
}

TEST(InertContentStripperTest, DropsAttributesNobodyReads) {
  StripStats stats;
  EXPECT_EQ(
      Stripped(
          R"html(<div data-x='{"a":1}' class=c onclick="f()"id=i>t</div>)html",
          &stats),
      R"html(<div  class=c id=i>t</div>)html");
  EXPECT_EQ(stats.attributes, 2);
  // Formatting elements keep theirs: the parser compares them when it reopens
  // one.
  const std::string html = R"(<b data-x=1>t</b><a data-y=2 href=/>u</a>)";
  EXPECT_EQ(Stripped(html), html);
}

TEST(InertContentStripperTest, CutsWhitespaceRunsToTheirFirstCharacter) {
  StripStats stats;
  EXPECT_EQ(Stripped("<ul>\n    <li>a  \t b</li>\r\n  <li> c</li>\n</ul>  ", &stats),
            "<ul>\n<li>a b</li>\r<li> c</li>\n</ul> ");
  EXPECT_EQ(stats.whitespace_removed, 11);
  // Attribute values, titles and text areas are not text between tags.
  const std::string kept =
      "<p class='a   b'>x</p><title>a   b</title><textarea>\n\n  t</textarea>";
  EXPECT_EQ(Stripped(kept), kept);
}

TEST(InertContentStripperTest, KeepsWhitespaceFromTheFirstPreOn) {
  EXPECT_EQ(Stripped("<p>a   b</p><pre>\n\n  code\n  more</pre><p>c   d</p>"),
            "<p>a b</p><pre>\n\n  code\n  more</pre><p>c   d</p>");
  // <pre> whitespace is kept as written, so collapsing it would show: the tree
  // comparison the other tests rely on sees a change inside <pre>.
  EXPECT_NE(testing::GumboTreeSignature("<pre>\n\nx  y</pre>"),
            testing::GumboTreeSignature("<pre>\nx y</pre>"));
  EXPECT_EQ(testing::GumboTreeSignature("<p>\n\nx  y</p>"),
            testing::GumboTreeSignature("<p>\nx y</p>"));
}

TEST(InertContentStripperTest, KeepsJsonLd) {
  const std::string html =
      R"(<script type="application/LD+JSON">{"headline": "</p>"}</script>)"
      R"(<script type="application/ld&#43;json">{}</script>)";
  EXPECT_EQ(Stripped(html), html);
}

TEST(InertContentStripperTest, LeavesAPageWithNothingToStripUncopied) {
  std::string out = "untouched";
  const StripStats stats = InertContentStripper::Strip("<p>text</p>", &out);
  EXPECT_EQ(stats.bytes_removed, 0);
  EXPECT_EQ(out, "untouched");
}

TEST(InertContentStripperTest, LeavesTextTheEngineMayReadAlone) {
  const std::string html =
      "<textarea><script>x</script></textarea><title><!-- t --></title>"
      "<noscript><p>shown without "
      "scripts</p></noscript><xmp><style>x</style></xmp>";
  EXPECT_EQ(Stripped(html),
            "<textarea><script>x</script></textarea><title><!-- t --></title>"
            "<noscript><p>shown without scripts</p></noscript>"
            "<xmp><style>x</style></xmp>");
}

TEST(InertContentStripperTest, StopsAtMarkupItDoesNotFollow) {
  StripStats stats;
  const std::string html =
      "<svg><foreignObject><script>a</script></foreignObject></svg>"
      "<script>b</script>";
  EXPECT_EQ(Stripped(html, &stats), html);
  EXPECT_EQ(stats.stopped_at, 5);
  // A title holding only text is followed; one holding an element is not.
  EXPECT_EQ(
      Stripped("<svg><title>Share</title><path/></svg><script>b</script>"),
      "<svg><title>Share</title><path/></svg><script></script>");
  EXPECT_EQ(
      Stripped("<svg><title><b>x</b></title></svg><script>b</script>", &stats),
      "<svg><title><b>x</b></title></svg><script>b</script>");
  EXPECT_EQ(stats.stopped_at, 12);
  // Plain drawing elements are followed, and stripping resumes after them.
  EXPECT_EQ(
      Stripped(
          "<svg><g><path d='M0'/></g><style>x</style></svg><script>b</script>"),
      "<svg><g><path d='M0'/></g><style>x</style></svg><script></script>");
}

TEST(InertContentStripperTest, InsideSelectStyleIsNotRawText) {
  StripStats stats;
  // In a <select> the parser ignores <style>; the pass stops rather than guess.
  const std::string html =
      "<select><style><option>a</style></select><script>b</script>";
  EXPECT_EQ(Stripped(html, &stats), html);
  EXPECT_GE(stats.stopped_at, 0);
  // Emptying that <style> as if it were raw text would lose the option: the
  // tree comparison the other tests rely on sees it.
  EXPECT_NE(testing::GumboTreeSignature("<select><style></style></select>"),
            testing::GumboTreeSignature(html));
  // A script inside a select is still a script.
  EXPECT_EQ(
      Stripped(
          "<select><script>x</script><option>a</select><script>b</script>"),
      "<select><script></script><option>a</select><script></script>");
}

TEST(InertContentStripperTest, GumboBuildsTheSameTreeFromTrickyMarkup) {
  const char* const cases[] = {
      "<p>a<script>if (a<b) document.write('</p>')</script>b",
      "<script><!-- document.write('<script>x</script>'); --></script><p>after",
      "<script><!--<script></script>--></script><p>x</p>",
      "<script><!-- a </script><p>x</p>",
      "<script>x</scriptx></script ><p>y",
      "<script>unterminated <p>",
      "<p title='<!--'>a</p><!-- c --><p>b</p>",
      "<!---->a<!-->b<!--->c<!-- d --!>e<!-- f --->g<!-- h",
      "<style>a</b></style ><p>x</p><style>never closed",
      "<table><tr><td>a<style>x</style><script>y</script></td></tr></table>",
      "<table> <!-- c --> <tr><td>a</table>",
      "<svg><style>.a>b{}</style><path d='M0 0'/><script>x</script></svg><p>q",
      "<svg><p>breaks out<script>x</script></svg>",
      "<svg/><script>x</script>",
      "<svg><title>Share</title><desc>icon</desc><path/></svg><script>x</"
      "script>",
      "<svg><title>a<script>x</script></title></svg><script>y</script>",
      "<svg><title>a<b>bold</b></title></svg><style>y</style>",
      "<math><mi><script>x</script></mi></math><script>y</script>",
      "<select><option>a<script>s</script><textarea><script>t</script></"
      "textarea>",
      "<template><col><script>x</script></template><script>y</script>",
      "<template><script>x</script></template><style>y</style>",
      "<frameset><noframes><script>x</script></noframes></frameset>",
      "<head><noscript><style>x</style></noscript><script>y</script></"
      "head><p>z",
      "<plaintext><script>x</script>",
      "<a href=x/><script>y</script>",
      "<div a=\"1\"b='2'c=3/><script>x</script></div>",
      "</ x><script>a</script><? pi ><!doctype html><![CDATA[ x "
      "]]><script>b</script>",
      "<SCRIPT TYPE=text/javascript>A</SCRIPT><STYLE>B</STYLE>",
      "<!DOCTYPE "
      "html><html><head><script>a</script></head><body><!--x--></body></html>",
      "<p>text</p><script",
      "<p>text</p><script>",
      "<iframe><script>x</script></iframe><noembed><style>y</style></noembed>",
      // Whitespace runs: in tables (foster parenting), before <html>, after
      // </body>, around a lone '<', beside CR LF, and where <pre> and <listing>
      // drop a leading newline.
      "  \n <!doctype html>\n\n<html>  <head>\n  <title> t  </title>  </head>\n"
      "  <body>  <table>  \n  <tr>  <td> a  b </td>  x  </tr>  </table>\n"
      "  a  <  b\r\n\r\n c </body>  \n  </html>  \n ",
      "<div>\n\n  <pre>\n\n  keep  this\n</pre>\n\n  after\n\n</div>",
      "<listing>\n\nx  y</listing>  z",
      "<select>  <option>  a  </option>  </select>  <frameset>  </frameset>",
      "<svg>  <title>  a  b  </title>  <path/>  </svg>  c  d",
  };
  for (const char* html : cases) ExpectSameTree(html);
}

TEST(InertContentStripperTest, GumboBuildsTheSameTreeFromTheTestPages) {
  const std::filesystem::path dir = testing::TestDataPath("html_pages");
  int pages = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".html") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string html((std::istreambuf_iterator<char>(in)),
                           std::istreambuf_iterator<char>());
    ExpectSameTree(html);
    ++pages;
  }
  EXPECT_GT(pages, 0);
}

}  // namespace
}  // namespace declutter::extract
