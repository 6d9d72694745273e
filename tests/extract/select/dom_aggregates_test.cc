#include "service/extract/select/dom_aggregates.h"

#include "gtest/gtest.h"
#include "service/extract/html/html_block_builder.h"
#include "tests/support/score_stage.h"

namespace declutter::extract {
namespace {

TEST(DomAggregatesTest, ScoreFadesUpTheTreeAndTextSumsWhole) {
  HtmlDocument doc = HtmlBlockBuilder::Build(
      "<body><div id=a><div id=b><p>The council voted on Tuesday to expand the "
      "program, "
      "which serves thousands of residents, after a long "
      "debate.</p></div></div></body>");
  ScoreBlocks(&doc.dom, &doc.blocks);
  AggregateBlocks(kScoringParams, doc.blocks, &doc.dom);
  const Block& p = doc.blocks[0];
  ASSERT_GT(p.score, 0);
  const int32_t b =
      doc.dom[p.node].parent;  // the <p> passes its score to its parent
  const int32_t a = doc.dom[b].parent;
  EXPECT_DOUBLE_EQ(doc.dom[b].score, p.score * kScoringParams.level_share[0]);
  EXPECT_DOUBLE_EQ(doc.dom[a].score, p.score * kScoringParams.level_share[1]);
  EXPECT_EQ(doc.dom[a].text_chars, p.features.text.chars);
  EXPECT_EQ(doc.dom[0].text_chars, p.features.text.chars);
}

TEST(DomAggregatesTest, CandidateScoreConvertsHintsAndDampsLinks) {
  DomNode n;
  n.score = 10;
  n.hint = 4;
  n.text_chars = 100;
  n.link_chars = 25;
  EXPECT_DOUBLE_EQ(CandidateScore(kScoringParams, n),
                   (10 + 4 * kScoringParams.hint_to_score) * 0.75);
}

}  // namespace
}  // namespace declutter::extract
