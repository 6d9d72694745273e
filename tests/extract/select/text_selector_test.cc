#include "service/extract/select/text_selector.h"

#include "gtest/gtest.h"
#include "service/extract/text/text_block_builder.h"
#include "tests/support/score_stage.h"

namespace declutter::extract {
namespace {

TEST(TextSelectorTest, KeepsTheBestRunAndStopsAtRelatedHeading) {
  BlockList blocks = TextBlockBuilder::Build(
      "首页 > 正文\n"
      "会议指出，要围绕总体目标，重点聚焦十项工作，推动全市卫生健康体育事业行稳"
      "致远，走在全省前列。\n"
      "会议要求，在新的历史起点上，全力推进卫生健康体育事业高质量发展，回应人民"
      "群众的热切期盼。\n"
      "相关阅读\n"
      "新华社北京11月16日电，当地时间11月16日，二十国集团领导人第十七次峰会在印"
      "度尼西亚巴厘岛继续举行，国家主席出席并发言。\n");
  ScoreBlocks(nullptr, &blocks);
  SelectText(kScoringParams, &blocks);
  EXPECT_FALSE(blocks[0].selected);
  EXPECT_TRUE(blocks[1].selected);
  EXPECT_TRUE(blocks[2].selected);
  EXPECT_FALSE(blocks[3].selected);
  EXPECT_EQ(blocks[3].kind, BlockKind::kRelated);
  EXPECT_FALSE(blocks[4].selected);
}

}  // namespace
}  // namespace declutter::extract
