#include "service/extract/select/html_selector.h"

#include "gtest/gtest.h"
#include "service/extract/html/html_block_builder.h"
#include "tests/support/score_stage.h"

namespace declutter::extract {
namespace {

std::string Selected(const BlockList& blocks) {
  std::string out;
  for (const Block& b : blocks) {
    if (b.selected) out += b.text + "|";
  }
  return out;
}

// Runs the HTML path (blocks, classification, selection) and returns the
// selection.
std::string SelectedOf(const std::string& html) {
  HtmlDocument doc = HtmlBlockBuilder::Build(html);
  ScoreBlocks(&doc.dom, &doc.blocks);
  SelectHtml(kScoringParams, &doc.dom, &doc.blocks);
  return Selected(doc.blocks);
}

constexpr char kPara[] =
    "The council voted on Tuesday to expand the program, which serves "
    "thousands of "
    "residents, after a long debate about its cost and its reach.";

TEST(HtmlSelectorTest, HtmlPicksTheArticleContainer) {
  std::string html =
      "<body><nav><a href=/>Home</a> <a href=/n>News</a></nav>"
      "<div class=sidebar><p>Sidebar blurb about other things.</p></div>"
      "<div class=story>";
  for (int i = 0; i < 5; ++i) html += std::string("<p>") + kPara + "</p>";
  html +=
      "<div class=share-tools><p>Share this on social media, please.</p></div>"
      "</div><footer><p>Copyright 2024 Example News. All rights "
      "reserved.</p></footer>"
      "</body>";
  HtmlDocument doc = HtmlBlockBuilder::Build(html);
  ScoreBlocks(&doc.dom, &doc.blocks);
  SelectHtml(kScoringParams, &doc.dom, &doc.blocks);
  std::string expected;
  for (int i = 0; i < 5; ++i) expected += std::string(kPara) + "|";
  EXPECT_EQ(Selected(doc.blocks), expected);
  // The share bar inside the story is dropped as share.
  bool share_reported = false;
  for (const Block& b : doc.blocks) {
    if (b.text.find("Share this") != std::string::npos) {
      share_reported = b.kind == BlockKind::kShare;
    }
  }
  EXPECT_TRUE(share_reported);
}

TEST(HtmlSelectorTest, HtmlTakesTheWholeArticleElementWhenTheBodyIsSplit) {
  // The body runs in two layout columns of one <article>, cousins rather than
  // siblings, around an advert; a related box sits outside the article.
  std::string html =
      "<body><article><h1>Headline</h1><div><div><div class=lead-grid><div "
      "class=row>"
      "<div class=wide-col>";
  for (int i = 0; i < 3; ++i) html += std::string("<p>") + kPara + "</p>";
  html +=
      "</div></div></div></div></div><div "
      "class=ad-slot><p>Advertisement</p></div>"
      "<div><div><div class=grid><div class=row-b><div class=col>";
  for (int i = 0; i < 2; ++i)
    html += std::string("<p>") + kPara + " Later.</p>";
  html += "</div></div></div></div></div></article><div class=related><p>" +
          std::string(kPara) + " Elsewhere.</p></div></body>";
  const std::string selected = SelectedOf(html);
  EXPECT_NE(selected.find(std::string(kPara) + "|"), std::string::npos);
  EXPECT_NE(selected.find(std::string(kPara) + " Later.|"), std::string::npos);
  EXPECT_EQ(selected.find("Elsewhere"), std::string::npos);
  EXPECT_EQ(selected.find("Advertisement"), std::string::npos);
}

TEST(HtmlSelectorTest, HtmlWrappedSectionHeadingLabelsItsWholeSection) {
  // A shop's recommender: its heading sits alone in wrappers of its own, the
  // cards in a sibling of the outermost wrapper, all inside the product's
  // container.
  std::string html = "<body><div class=product><h1>Walnut desk</h1>";
  for (int i = 0; i < 3; ++i) html += std::string("<p>") + kPara + "</p>";
  html +=
      "<div class=strip><div><div><div><h2>You may also "
      "like</h2></div></div></div>"
      "<ul class=cards>";
  for (int i = 0; i < 5; ++i) {
    html += "<li><p>Oak chair number " + std::to_string(i) +
            ", hand finished in our own workshop, solid wood</p><p>$120.00 + "
            "$9 delivery"
            "</p></li>";
  }
  html += "</ul></div></div></body>";
  const std::string selected = SelectedOf(html);
  EXPECT_NE(selected.find(kPara), std::string::npos);
  EXPECT_EQ(selected.find("Oak chair"), std::string::npos) << selected;
  EXPECT_EQ(selected.find("delivery"), std::string::npos) << selected;
}

TEST(HtmlSelectorTest, HtmlThreadKeepsPostsInTheCommentWrapperTheBestPostHas) {
  // Every post of this thread sits in a "comment" card; the longest post
  // outvotes its own card, and the other posts' cards are the same build.
  const std::string replies[] = {
      "I had the same trouble with my table saw fence last spring and a new "
      "rail fixed it.",
      "Check the blade alignment first, it is usually the cheapest thing to "
      "get wrong.",
      "A cheap dial indicator will tell you within minutes whether the arbor "
      "runs true."};
  std::string html = "<body><div class=thread>";
  html += std::string(
              "<div class=post><div class=comment-card><div class=msg><p>") +
          kPara + " " + kPara + "</p></div></div></div>";
  for (const std::string& reply : replies) {
    html += "<div class=post><div class=comment-card><div class=msg><p>" +
            reply + "</p></div></div></div>";
  }
  html += "</div></body>";
  const std::string selected = SelectedOf(html);
  EXPECT_NE(selected.find(kPara), std::string::npos);
  for (const std::string& reply : replies) {
    EXPECT_NE(selected.find(reply), std::string::npos) << selected;
  }
}

TEST(HtmlSelectorTest, HtmlThreadKeepsAnOpeningPostBuiltApartFromTheReplies) {
  // The opening post has a wrapper of its own above the reply list; its body is
  // built like the replies' bodies. A sidebar after the run has no such body.
  const std::string question =
      "Which hand plane should a beginner buy first, and is a used one worth "
      "restoring?";
  std::string html =
      "<body><div class=thread><div class=op-card><div class=body><p>" +
      question + "</p></div></div><div class=replies>";
  for (int i = 0; i < 3; ++i) {
    html += "<div class=reply><div class=author>user" + std::to_string(i) +
            "</div><div class=body><p>" + kPara + " Reply " +
            std::to_string(i) + ".</p></div></div>";
  }
  html +=
      "</div></div><div class=sidebar><p>Forum rules: be kind to each other "
      "and "
      "search before posting a question.</p></div></body>";
  const std::string selected = SelectedOf(html);
  EXPECT_NE(selected.find(question), std::string::npos) << selected;
  EXPECT_NE(selected.find("Reply 0."), std::string::npos) << selected;
  EXPECT_NE(selected.find("Reply 2."), std::string::npos) << selected;
  EXPECT_EQ(selected.find("Forum rules"), std::string::npos) << selected;
}

TEST(HtmlSelectorTest, HtmlLegalProseInTheFooterLosesToAShortBody) {
  // A product page with one paragraph of description; the footer ships the
  // privacy policy in a pop-up, far more prose than the page's own.
  std::string html =
      "<body><main><h1>Wool runner</h1><div class=description><p>" +
      std::string(kPara) + "</p></div></main><footer><div class=policy>";
  for (int i = 0; i < 4; ++i) {
    html +=
        "<p>We process personal information for our legitimate purposes of "
        "running "
        "our business, complying with the law and protecting our rights, and "
        "we keep "
        "it only as long as we need it for those purposes.</p>";
  }
  html += "</div></footer></body>";
  const std::string selected = SelectedOf(html);
  EXPECT_NE(selected.find(kPara), std::string::npos) << selected;
  EXPECT_EQ(selected.find("personal information"), std::string::npos)
      << selected;
}

TEST(HtmlSelectorTest, HtmlWithNoTextSelectsNothing) {
  HtmlDocument doc = HtmlBlockBuilder::Build("<body></body>");
  ScoreBlocks(&doc.dom, &doc.blocks);
  SelectHtml(kScoringParams, &doc.dom, &doc.blocks);
  EXPECT_EQ(Selected(doc.blocks), "");
}

}  // namespace
}  // namespace declutter::extract
