#include "service/extract/score/heuristic_scorer.h"

#include "gtest/gtest.h"
#include "service/extract/blocks/block_featurizer.h"
#include "service/extract/score/block_evidence.h"
#include "service/extract/text/text_block_builder.h"
#include "tests/support/score_stage.h"

namespace declutter::extract {
namespace {

BlockList Scored(const std::string& text) {
  BlockList blocks = TextBlocksWithEvidence(text);
  EXPECT_TRUE(HeuristicScorer(kScoringParams).Score(&blocks).ok());
  return blocks;
}

TEST(HeuristicScorerTest, ProseAboveChrome) {
  BlockList blocks = Scored(
      "会议强调，要加强党对卫生健康事业的领导，强化责任落实，坚持分级负责原则，"
      "形成合力。\n"
      "读图时代\n");
  EXPECT_GT(blocks[0].score, 0);
  EXPECT_LT(blocks[1].score, 0);
}

TEST(HeuristicScorerTest, HeadingsNeverScoreBelowZeroOnTheirOwn) {
  BlockList blocks(1);
  blocks[0].text = "Intro";
  blocks[0].role = BlockRole::kHeading;
  ComputeBlockFeatures(nullptr, &blocks);
  GatherEvidence(kScoringParams, &blocks);
  EXPECT_DOUBLE_EQ(HeuristicScorer(kScoringParams).ScoreOne(blocks[0]), 0.0);
}

TEST(HeuristicScorerTest, TeaserRunAtTheTailIsRecorded) {
  BlockList blocks = Scored(
      "会议指出，要围绕总体目标，重点聚焦十项工作，推动全市卫生健康体育事业行稳"
      "致远，走在全省前列。\n"
      "- 焦點日報:我國新增7個國家級滑雪旅游度假地 河南一家上榜\n"
      "- 世界資訊:奮力拼經濟!豫企組團赴歐洲搶訂單\n"
      "- 中國大學生籃球聯賽全明星之夜熱力上演 今日播報\n");
  EXPECT_EQ(blocks[0].evidence.teaser_run, 0);
  for (size_t i = 1; i < blocks.size(); ++i)
    EXPECT_EQ(blocks[i].evidence.teaser_run, 3);
}

TEST(HeuristicScorerTest, BulletListFollowedByProseIsTheArticlesOwn) {
  BlockList blocks = Scored(
      "- 焦點日報:我國新增7個國家級滑雪旅游度假地 河南一家上榜\n"
      "- 世界資訊:奮力拼經濟!豫企組團赴歐洲搶訂單\n"
      "- 中國大學生籃球聯賽全明星之夜熱力上演 今日播報\n"
      "会议指出，要围绕总体目标，重点聚焦十项工作，推动全市卫生健康体育事业行稳"
      "致远，走在全省前列。"
      "会议要求，在新的历史起点上，全力推进卫生健康体育事业高质量发展，回应人民"
      "群众的热切期盼。\n");
  for (const Block& b : blocks) EXPECT_EQ(b.evidence.teaser_run, 0) << b.text;
}

}  // namespace
}  // namespace declutter::extract
