#include "service/extract/text/text_block_builder.h"

#include "gtest/gtest.h"

namespace declutter::extract {
namespace {

TEST(TextBlockBuilderTest, OneBlockPerNonEmptyLine) {
  BlockList b = TextBlockBuilder::Build("first\r\n\n  second   line \rthird\n\n");
  ASSERT_EQ(b.size(), 3u);
  EXPECT_EQ(b[0].text, "first");
  EXPECT_EQ(b[1].text, "second line");
  EXPECT_EQ(b[1].line, 2);
  EXPECT_EQ(b[2].text, "third");
}

TEST(TextBlockBuilderTest, IdeographicAndNoBreakSpacesFold) {
  BlockList b = TextBlockBuilder::Build("\xE3\x80\x80\xE3\x80\x80正文\xC2\xA0开始");
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].text, "正文 开始");
}

TEST(TextBlockBuilderTest, EmptyInput) { EXPECT_TRUE(TextBlockBuilder::Build("").empty()); }

}  // namespace
}  // namespace declutter::extract
