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
      "<html><body><div>Intro <b>bold</b> text<p>First  "
      "para.</p>tail<br>after</div>"
      "<ul><li>one</li><li>two</li></ul></body></html>");
  EXPECT_EQ(Texts(doc),
            (std::vector<std::string>{"Intro bold text", "First para.", "tail",
                                      "after", "one", "two"}));
  EXPECT_EQ(doc.blocks[1].role, BlockRole::kParagraph);
  EXPECT_EQ(doc.blocks[4].role, BlockRole::kListItem);
}

TEST(HtmlBlockBuilderTest, NeverContentIsSkipped) {
  const std::string kept(450,
                         'k');  // enough visible text that hiding is honoured
  HtmlDocument doc = HtmlBlockBuilder::Build(
      "<body><script>var x=1;</script><style>p{}</style>"
      "<p hidden>h1</p><p aria-hidden=\"true\">h2</p><p style=\"display: "
      "none\">h3</p>"
      "<form><input value=v><button>Go</button><p>" +
      kept +
      "</p></form>"
      "<svg><text>s</text></svg></body>");
  EXPECT_EQ(Texts(doc), (std::vector<std::string>{kept}));
}

TEST(HtmlBlockBuilderTest, NoscriptIsWhatACrawlerSees) {
  HtmlDocument doc = HtmlBlockBuilder::Build(
      "<body><noscript><div><p>The posts, served to clients without "
      "scripts.</p></div>"
      "</noscript></body>");
  EXPECT_EQ(Texts(doc), (std::vector<std::string>{
                            "The posts, served to clients without scripts."}));
}

TEST(HtmlBlockBuilderTest, ContentHiddenUntilAScriptRunsIsRevealed) {
  // Almost nothing visible: the whole page waits behind visibility:hidden.
  const std::string body(450, 'b');
  HtmlDocument doc = HtmlBlockBuilder::Build(
      "<body><p>menu</p><div style=\"visibility:hidden\"><p>" + body +
      "</p></div></body>");
  EXPECT_EQ(Texts(doc), (std::vector<std::string>{"menu", body}));
}

TEST(HtmlBlockBuilderTest, AHiddenWrapperHoldingMostOfThePageIsShown) {
  // Plenty visible (a long menu), but the content sits in one display:none
  // wrapper that a script removes; a hidden dropdown and a hidden span stay
  // out.
  const std::string menu(500, 'm');
  const std::string body(1200, 'b');
  HtmlDocument doc = HtmlBlockBuilder::Build(
      "<body><nav><p>" + menu +
      "</p><ul style=\"display:none\"><li>dropdown</li></ul></nav>"
      "<div style='display:none;'><p>" +
      body + "<span hidden>x</span></p></div></body>");
  EXPECT_EQ(Texts(doc), (std::vector<std::string>{menu, body}));
}

TEST(HtmlBlockBuilderTest, LinkTextIsCounted) {
  HtmlDocument doc =
      HtmlBlockBuilder::Build("<p>see <a href=\"/x\">this link</a></p>");
  ASSERT_EQ(doc.blocks.size(), 1u);
  EXPECT_EQ(doc.blocks[0].link_chars,
            8);  // "thislink", spaces excluded... and the space
}

TEST(HtmlBlockBuilderTest, DomTreeHasExtentsAndNegativeAncestors) {
  HtmlDocument doc = HtmlBlockBuilder::Build(
      "<body><div class=share><p>Share this</p></div><div "
      "class=article><p>Body.</p></div></body>");
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

TEST(HtmlBlockBuilderTest, FactsComeFromTheElementsTheWalkVisits) {
  // The head is read whole; below a hidden inline element nothing is.
  HtmlDocument doc = HtmlBlockBuilder::Build(
      "<html lang=en><head><title>A title</title>"
      "<meta name=description content=\"D\"></head><body><h1>Head line</h1>"
      "<span hidden><time datetime=\"2020-01-01\">then</time></span>"
      "<p>Posted <time datetime=\"2021-02-03\">now</time>.</p></body></html>");
  EXPECT_EQ(doc.facts.title, "A title");
  EXPECT_EQ(doc.facts.lang, "en");
  EXPECT_EQ(doc.facts.Meta("description"), "D");
  EXPECT_EQ(doc.facts.h1, (std::vector<std::string>{"Head line"}));
  EXPECT_EQ(doc.facts.dates, (std::vector<std::string>{"2021-02-03"}));
}

}  // namespace
}  // namespace declutter::extract
