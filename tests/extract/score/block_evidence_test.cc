#include "service/extract/score/block_evidence.h"

#include "gtest/gtest.h"
#include "service/extract/blocks/block_featurizer.h"
#include "service/extract/blocks/boilerplate_lexicon.h"
#include "service/extract/text/text_block_builder.h"
#include "tests/support/score_stage.h"

namespace declutter::extract {
namespace {

BlockList Gathered(const std::string& text) {
  return TextBlocksWithEvidence(text);
}

TEST(BlockEvidenceTest, WeakPhraseDecidesOnlyTheBlockItDominates) {
  BlockList blocks = Gathered(
      "相关阅读\n"
      "法院认为，被告未经许可使用原告作品，侵犯了原告的版权所有人权益，应当承担"
      "赔偿责任。"
      "判决被告赔偿经济损失及合理开支共计五万元。\n");
  ASSERT_NE(blocks[0].evidence.lexicon, nullptr);
  EXPECT_TRUE(blocks[0].evidence.lexicon_heading);
  EXPECT_EQ(blocks[1].evidence.lexicon, nullptr);
}

TEST(BlockEvidenceTest, ContactLineOnlyWhenNothingStrongerExplainsIt) {
  BlockList blocks = Gathered("电话 01012345678\n");
  EXPECT_TRUE(blocks[0].evidence.contact_line);
  BlockList strong =
      Gathered("(映象网南阳新闻热线:18003713016,投稿邮箱:yxwny2021@126.com)\n");
  ASSERT_NE(strong[0].evidence.lexicon, nullptr);
  EXPECT_FALSE(strong[0].evidence.contact_line);
}

TEST(BlockEvidenceTest, LinkDenseNeedsMoreThanHalfInLinks) {
  BlockList blocks(2);
  blocks[0].text = "Home News Sport";
  blocks[0].link_chars = 13;
  blocks[1].text = "Home News Sport";
  blocks[1].link_chars = 6;
  ComputeBlockFeatures(nullptr, &blocks);
  GatherEvidence(kScoringParams, &blocks);
  EXPECT_TRUE(blocks[0].evidence.link_dense);
  EXPECT_FALSE(blocks[1].evidence.link_dense);
}

TEST(BlockEvidenceTest, ListUnderASectionHeadingBelongsToIt) {
  BlockList blocks = Gathered(
      "权利声明\n"
      "1、本站为文档交易平台,即用户上传的文档直接被用户下载,"
      "收益归上传人所有。\n"
      "2、文档的总页数、文档格式和文档大小以系统显示为准,"
      "网站客服只以系统显示为准。\n"
      "会议指出,要围绕总体目标,重点聚焦十项工作,推动事业行稳致远,"
      "走在全省前列。\n");
  EXPECT_EQ(blocks[0].evidence.listed_under, -1);
  EXPECT_EQ(blocks[1].evidence.listed_under, 0);
  EXPECT_EQ(blocks[2].evidence.listed_under, 0);
  EXPECT_EQ(blocks[3].evidence.listed_under, -1);
}

TEST(BlockEvidenceTest, OneItemIsNotAList) {
  BlockList blocks = Gathered(
      "权利声明\n"
      "1、本站为文档交易平台,即用户上传的文档直接被用户下载,"
      "收益归上传人所有。\n");
  EXPECT_EQ(blocks[1].evidence.listed_under, -1);
}

}  // namespace
}  // namespace declutter::extract
