#include "service/extract/html/html_block_builder.h"

#include <gumbo.h>

#include "gtest/gtest.h"

namespace declutter::extract {
namespace {

std::vector<std::string> Texts(const HtmlDocument& doc) {
  std::vector<std::string> out;
  for (const Block& b : doc.blocks) out.push_back(b.text);
  return out;
}

TEST(HtmlBlockBuilderTest, BlocksFollowBlockElements) {
  HtmlDocument doc = HtmlBlockBuilder::Build(
      "<html><body><div>Intro <b>bold</b> text<p>First  para.</p>tail<br>after</div>"
      "<ul><li>one</li><li>two</li></ul></body></html>");
  EXPECT_EQ(Texts(doc), (std::vector<std::string>{"Intro bold text", "First para.", "tail",
                                                  "after", "one", "two"}));
  EXPECT_EQ(doc.blocks[1].role, BlockRole::kParagraph);
  EXPECT_EQ(doc.blocks[4].role, BlockRole::kListItem);
}

TEST(HtmlBlockBuilderTest, NeverContentIsSkipped) {
  const std::string kept(450, 'k');  // enough visible text that hiding is honoured
  HtmlDocument doc = HtmlBlockBuilder::Build(
      "<body><script>var x=1;</script><style>p{}</style>"
      "<p hidden>h1</p><p aria-hidden=\"true\">h2</p><p style=\"display: none\">h3</p>"
      "<form><input value=v><button>Go</button><p>" + kept + "</p></form>"
      "<svg><text>s</text></svg></body>");
  EXPECT_EQ(Texts(doc), (std::vector<std::string>{kept}));
}

TEST(HtmlBlockBuilderTest, NoscriptIsWhatACrawlerSees) {
  HtmlDocument doc = HtmlBlockBuilder::Build(
      "<body><noscript><div><p>The posts, served to clients without scripts.</p></div>"
      "</noscript></body>");
  EXPECT_EQ(Texts(doc),
            (std::vector<std::string>{"The posts, served to clients without scripts."}));
}

TEST(HtmlBlockBuilderTest, ContentHiddenUntilAScriptRunsIsRevealed) {
  // Almost nothing visible: the whole page waits behind visibility:hidden.
  const std::string body(450, 'b');
  HtmlDocument doc = HtmlBlockBuilder::Build(
      "<body><p>menu</p><div style=\"visibility:hidden\"><p>" + body + "</p></div></body>");
  EXPECT_EQ(Texts(doc), (std::vector<std::string>{"menu", body}));
}

TEST(HtmlBlockBuilderTest, AHiddenWrapperHoldingMostOfThePageIsShown) {
  // Plenty visible (a long menu), but the content sits in one display:none wrapper
  // that a script removes; a hidden dropdown and a hidden span stay out.
  const std::string menu(500, 'm');
  const std::string body(1200, 'b');
  HtmlDocument doc = HtmlBlockBuilder::Build(
      "<body><nav><p>" + menu + "</p><ul style=\"display:none\"><li>dropdown</li></ul></nav>"
      "<div style='display:none;'><p>" + body + "<span hidden>x</span></p></div></body>");
  EXPECT_EQ(Texts(doc), (std::vector<std::string>{menu, body}));
}

TEST(HtmlBlockBuilderTest, LinkTextIsCounted) {
  HtmlDocument doc = HtmlBlockBuilder::Build("<p>see <a href=\"/x\">this link</a></p>");
  ASSERT_EQ(doc.blocks.size(), 1u);
  EXPECT_EQ(doc.blocks[0].link_chars, 8);  // "thislink", spaces excluded... and the space
}

TEST(HtmlBlockBuilderTest, LongTitlesAreCutOnACharacterBoundary) {
  // 3,000 three-byte characters: the 2,048-byte cap falls inside one (found by the
  // charset fuzzer, which checks every output is valid UTF-8).
  std::string chars;
  for (int i = 0; i < 3000; ++i) chars += "\xE4\xB8\xAD";
  HtmlDocument doc = HtmlBlockBuilder::Build("<html><head><title>" + chars +
                                             "</title></head><body><h1>" + chars +
                                             "</h1></body></html>");
  for (const std::string& text : {doc.facts.title, doc.facts.h1.at(0)}) {
    EXPECT_LE(text.size(), 2048u);
    EXPECT_GE(text.size(), 2040u);
    EXPECT_EQ(text.size() % 3, 0u) << text.size();
  }
}

TEST(HtmlBlockBuilderTest, HeadFactsAreCollected) {
  HtmlDocument doc = HtmlBlockBuilder::Build(
      "<html lang=zh-CN><head><title> A title </title>"
      "<meta property=\"og:title\" content=\"OG\"><meta name=Keywords content=\"a,b\">"
      "<link rel=canonical href=\"/c\">"
      "<script type=\"application/ld+json\">{\"headline\":\"H\"}</script></head>"
      "<body><h1>Head <i>line</i></h1></body></html>");
  EXPECT_EQ(doc.facts.title, "A title");
  EXPECT_EQ(doc.facts.lang, "zh-CN");
  EXPECT_EQ(doc.facts.Meta("og:title"), "OG");
  EXPECT_EQ(doc.facts.Meta("keywords"), "a,b");
  EXPECT_EQ(doc.facts.canonical, "/c");
  ASSERT_EQ(doc.facts.json_ld.size(), 1u);
  ASSERT_EQ(doc.facts.h1.size(), 1u);
  EXPECT_EQ(doc.facts.h1[0], "Head line");
}

TEST(HtmlBlockBuilderTest, VisibleTextOfFactsIsBoundedAfterCollapsingSpaces) {
  // The byline's indentation alone is longer than a byline may be: the bound applies
  // to what a reader sees, so the name survives whole.
  const std::string indent(200, ' ');
  HtmlDocument doc = HtmlBlockBuilder::Build(
      "<html><body><h1>Cosmetic Packaging<br>Design<style>.x{}</style></h1>"
      "<div class=\"post_author\">\r\n" + indent + "<img alt=x>" + indent +
      "<a rel=author href=\"/authors/o\">Oleg Parashchak</a>" + indent + "</div>"
      "<p>Body text.</p></body></html>");
  ASSERT_EQ(doc.facts.h1.size(), 1u);
  EXPECT_EQ(doc.facts.h1[0], "Cosmetic Packaging Design");
  ASSERT_EQ(doc.facts.bylines.size(), 2u);
  EXPECT_EQ(doc.facts.bylines[0].text, "Oleg Parashchak");  // the class-marked div
  EXPECT_FALSE(doc.facts.bylines[0].strong);
  EXPECT_EQ(doc.facts.bylines[1].text, "Oleg Parashchak");  // the rel=author link
  EXPECT_TRUE(doc.facts.bylines[1].strong);
}

TEST(HtmlBlockBuilderTest, DomTreeHasExtentsAndNegativeAncestors) {
  HtmlDocument doc = HtmlBlockBuilder::Build(
      "<body><div class=share><p>Share this</p></div><div class=article><p>Body.</p></div></body>");
  ASSERT_EQ(doc.blocks.size(), 2u);
  const DomNode& share_p = doc.dom[doc.blocks[0].node];
  const DomNode& body_p = doc.dom[doc.blocks[1].node];
  EXPECT_GE(share_p.negative_ancestor, 0);
  EXPECT_EQ(doc.dom[share_p.negative_ancestor].hint_kind, BlockKind::kShare);
  EXPECT_EQ(body_p.negative_ancestor, -1);
  for (size_t i = 0; i < doc.dom.size(); ++i) {
    EXPECT_GT(doc.dom[i].end, static_cast<int32_t>(i));
  }
}

TEST(HtmlBlockBuilderTest, DeepNestingDoesNotOverflowTheStack) {
  std::string html;
  for (int i = 0; i < 20000; ++i) html += "<div>";
  html += "deep text";
  HtmlDocument doc = HtmlBlockBuilder::Build(html);
  ASSERT_EQ(doc.blocks.size(), 1u);
  EXPECT_EQ(doc.blocks[0].text, "deep text");
}

}  // namespace
}  // namespace declutter::extract
