#include "service/extract/text/line_repairer.h"

#include "gtest/gtest.h"
#include "tests/support/score_stage.h"
#include "service/extract/text/text_block_builder.h"

namespace declutter::extract {
namespace {

std::vector<std::string> Texts(const BlockList& blocks) {
  std::vector<std::string> out;
  for (const Block& b : blocks) out.push_back(b.text);
  return out;
}

TEST(LineRepairerTest, JoinsPageFragmentsCutMidSentence) {
  // Page-sized fragments (80+ characters each), numbered 1、2、3、, cut mid-sentence.
  const std::string a(60, 'a'), b(60, 'b'), c(60, 'c');
  BlockList blocks = TextBlockBuilder::Build(
      "标题.docx\n"
      "1、 同志们:今天召开会议," + a + ",进一步增强\n"
      "2、做好卫生健康工作的责任感、使命感。" + b + "下面我讲三点\n"
      "3、意见。" + c + "第一,要加强领导,进一步统一思想,凝心聚力。\n"
      "页脚\n");
  EXPECT_EQ(LineRepairer::JoinPageFragments(&blocks), 1);
  EXPECT_EQ(Texts(blocks),
            (std::vector<std::string>{
                "标题.docx",
                "同志们:今天召开会议," + a + ",进一步增强做好卫生健康工作的责任感、使命感。" + b +
                    "下面我讲三点意见。" + c + "第一,要加强领导,进一步统一思想,凝心聚力。",
                "页脚"}));
}

TEST(LineRepairerTest, LeavesAShortNumberedListWithoutFullStopsAlone) {
  BlockList blocks = TextBlockBuilder::Build(
      "1. Allied Van Lines: Best overall interstate mover\n"
      "2. Colonial Van Lines: Best-trained movers\n"
      "3. American Van Lines: Best value\n");
  EXPECT_EQ(LineRepairer::JoinPageFragments(&blocks), 0);
  EXPECT_EQ(blocks.size(), 3u);
}

TEST(LineRepairerTest, LeavesAnOrdinaryNumberedListAlone) {
  BlockList blocks = TextBlockBuilder::Build(
      "1、加强组织领导。\n2、完善工作机制。\n3、强化督导考核。\n");
  EXPECT_EQ(LineRepairer::JoinPageFragments(&blocks), 0);
  EXPECT_EQ(blocks.size(), 3u);
}

TEST(LineRepairerTest, OutOfSequenceNumbersAreNotFragments) {
  BlockList blocks = TextBlockBuilder::Build("1、甲乙丙\n3、丁戊己\n4、庚辛壬\n");
  EXPECT_EQ(LineRepairer::JoinPageFragments(&blocks), 0);
}

TEST(LineRepairerTest, SplitsATrailingDisclaimerSentence) {
  BlockList blocks = TextBlockBuilder::Build(
      "全力推进卫生健康事业高质量发展。 本文为网络搜集整理,仅做参考,如有侵权,请联系删除。\n");
  EXPECT_EQ(LineRepairer::SplitTrailingDisclaimers(&blocks), 1);
  EXPECT_EQ(Texts(blocks),
            (std::vector<std::string>{"全力推进卫生健康事业高质量发展。",
                                      "本文为网络搜集整理,仅做参考,如有侵权,请联系删除。"}));
}

TEST(LineRepairerTest, KeepsALineThatIsOnlyProse) {
  BlockList blocks = TextBlockBuilder::Build("会议指出,要加强领导。会议要求,要狠抓落实。\n");
  EXPECT_EQ(LineRepairer::SplitTrailingDisclaimers(&blocks), 0);
  EXPECT_EQ(blocks.size(), 1u);
}

TEST(BlockClassifierTest, HeadedListTakesItsHeadingsKind) {
  BlockList blocks = TextBlockBuilder::Build(
      "权利声明\n"
      "1、本站为文档交易平台,即用户上传的文档直接被用户下载,收益归上传人所有。\n"
      "2、文档的总页数、文档格式和文档大小以系统显示为准,网站客服只以系统显示为准。\n"
      "会议指出,要围绕总体目标,重点聚焦十项工作,推动事业行稳致远,走在全省前列。\n");
  ScoreBlocks(nullptr, &blocks);
  EXPECT_EQ(blocks[1].kind, BlockKind::kDisclaimer);
  EXPECT_EQ(blocks[2].kind, BlockKind::kDisclaimer);
  EXPECT_EQ(blocks[3].kind, BlockKind::kNone);
}

TEST(BlockClassifierTest, TeaserRunOfBulletHeadlines) {
  BlockList blocks = TextBlockBuilder::Build(
      "- 焦點日報:我國新增7個國家級滑雪旅游度假地 河南一家上榜\n"
      "- 世界資訊:奮力拼經濟!豫企組團赴歐洲搶訂單\n"
      "- 中國大學生籃球聯賽全明星之夜熱力上演 今日播報\n");
  BlockList alone = {blocks[0]};
  ScoreBlocks(nullptr, &blocks);
  ScoreBlocks(nullptr, &alone);
  // A teaser run loses score and is reported as related if left out, without being
  // forced out: content bullet lists look the same.
  EXPECT_LT(blocks[0].score, alone[0].score);
  for (const Block& b : blocks) {
    EXPECT_EQ(b.kind, BlockKind::kNone) << b.text;
    EXPECT_EQ(b.kind_if_left_out, BlockKind::kRelated) << b.text;
  }
}

}  // namespace
}  // namespace declutter::extract
