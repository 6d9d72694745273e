#include "service/extract/text/text_block_builder.h"

#include <string>

#include "gtest/gtest.h"

namespace declutter::extract {
namespace {

TEST(TextBlockBuilderTest, OneBlockPerNonEmptyLine) {
  BlockList b =
      TextBlockBuilder::Build("first\r\n\n  second   line \rthird\n\n");
  ASSERT_EQ(b.size(), 3u);
  EXPECT_EQ(b[0].text, "first");
  EXPECT_EQ(b[1].text, "second line");
  EXPECT_EQ(b[1].line, 2);
  EXPECT_EQ(b[2].text, "third");
}

TEST(TextBlockBuilderTest, IdeographicAndNoBreakSpacesFold) {
  BlockList b =
      TextBlockBuilder::Build("\xE3\x80\x80\xE3\x80\x80正文\xC2\xA0开始");
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].text, "正文 开始");
}

TEST(TextBlockBuilderTest, EmptyInput) {
  EXPECT_TRUE(TextBlockBuilder::Build("").empty());
}

TEST(TextBlockBuilderTest, LinesPastTheLimitJoinIntoEqualBlocks) {
  std::string text;
  for (int i = 0; i < 10; ++i) text += "w" + std::to_string(i) + "\n\n";
  int64_t merged = -1;
  BlockList b = TextBlockBuilder::Build(text, 4, &merged);
  // Ten lines in at most four blocks: three lines each, the last one short.
  ASSERT_EQ(b.size(), 4u);
  EXPECT_EQ(b[0].text, "w0 w1 w2");
  EXPECT_EQ(b[0].line, 0);
  EXPECT_EQ(b[1].text, "w3 w4 w5");
  EXPECT_EQ(b[1].line, 6);
  EXPECT_EQ(b[3].text, "w9");
  EXPECT_EQ(merged, 6);
}

TEST(TextBlockBuilderTest, PagesWithinTheLimitAreNotMerged) {
  int64_t merged = -1;
  BlockList b = TextBlockBuilder::Build("a\nb\nc\n", 3, &merged);
  EXPECT_EQ(b.size(), 3u);
  EXPECT_EQ(merged, 0);
  // Real pages: tens of bytes a line stay within the limit of their size.
  std::string page;
  while (page.size() < (size_t{1} << 20)) {
    page += "A line of a scraped page, as long as most of them are.\n";
  }
  b = TextBlockBuilder::Build(
      page, TextBlockBuilder::MaxBlocksForPage(page.size()), &merged);
  EXPECT_EQ(merged, 0);
  EXPECT_GT(b.size(), 18000u);
}

TEST(TextBlockBuilderTest, TwoByteLinesAreBoundedByThePageSize) {
  std::string page;
  for (int i = 0; i < 500000; ++i) page += "x\n";
  int64_t merged = 0;
  const size_t limit = TextBlockBuilder::MaxBlocksForPage(page.size());
  BlockList b = TextBlockBuilder::Build(page, limit, &merged);
  EXPECT_LE(b.size(), limit);
  EXPECT_EQ(static_cast<int64_t>(b.size()) + merged, 500000);
}

}  // namespace
}  // namespace declutter::extract
