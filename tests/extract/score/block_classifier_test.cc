#include "service/extract/score/block_classifier.h"

#include "gtest/gtest.h"
#include "service/extract/blocks/block_featurizer.h"

namespace declutter::extract {
namespace {

Block Classified(const std::string& text, int32_t link_chars = 0,
                 Favor favor = Favor::kBalanced) {
  BlockList blocks(1);
  blocks[0].text = text;
  blocks[0].link_chars = link_chars;
  ComputeBlockFeatures(nullptr, &blocks);
  EXPECT_TRUE(ClassifyBlocks(favor, &blocks).ok());
  return blocks[0];
}

TEST(BlockClassifierTest, ProseScoresAboveChrome) {
  Block prose = Classified(
      "会议强调，要加强党对卫生健康事业的领导，强化责任落实，坚持分级负责原则，"
      "形成合力。");
  Block label = Classified("读图时代");
  EXPECT_GT(prose.score, 0);
  EXPECT_EQ(prose.kind, BlockKind::kNone);
  EXPECT_LT(label.score, 0);
}

TEST(BlockClassifierTest, LexiconHitInShortLineDecides) {
  Block b = Classified("相关阅读 换一换");
  EXPECT_EQ(b.kind, BlockKind::kRelated);
  EXPECT_NE(b.reason.value().find("相关阅读"), std::string::npos);
}

TEST(BlockClassifierTest, WeakWordQuotedInProseIsNotEvidence) {
  Block b = Classified(
      "法院认为，被告未经许可使用原告作品，侵犯了原告的版权所有人权益，应当承担"
      "赔偿责任。"
      "判决被告赔偿经济损失及合理开支共计五万元。");
  EXPECT_EQ(b.kind, BlockKind::kNone);
  EXPECT_GT(b.score, 0);
}

TEST(BlockClassifierTest, StrongEntryCountsInLongerLine) {
  Block b =
      Classified("(映象网南阳新闻热线:18003713016,投稿邮箱:yxwny2021@126.com)");
  EXPECT_EQ(b.kind, BlockKind::kContact);
}

TEST(BlockClassifierTest, LinkHeavyBlockIsNavigation) {
  Block b = Classified("Home News Sport", 13);
  EXPECT_EQ(b.kind, BlockKind::kNavigation);
  EXPECT_LT(b.score, 0);
}

TEST(BlockClassifierTest, FavorShiftsScores) {
  const double precision =
      Classified("A short line.", 0, Favor::kPrecision).score;
  const double balanced = Classified("A short line.").score;
  const double recall = Classified("A short line.", 0, Favor::kRecall).score;
  // One shift, the same size each way.
  EXPECT_DOUBLE_EQ(balanced - precision, kScoringParams.favor_shift);
  EXPECT_DOUBLE_EQ(recall - balanced, kScoringParams.favor_shift);
}

}  // namespace
}  // namespace declutter::extract
