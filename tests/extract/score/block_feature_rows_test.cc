#include "service/extract/score/block_feature_rows.h"

#include <algorithm>
#include <set>

#include "gtest/gtest.h"
#include "service/extract/clean.h"

namespace declutter::extract {
namespace {

TEST(BlockFeatureRowsTest, NamesAreUniqueAndMatchTheValues) {
  const std::vector<std::string>& names = BlockFeatureNames();
  EXPECT_EQ(std::set<std::string>(names.begin(), names.end()).size(),
            names.size());
  BlockList blocks(1);
  EXPECT_EQ(BlockFeatureValues(blocks, 0).size(), names.size());
}

TEST(BlockFeatureRowsTest, CleanReportsOneRowPerBlockWhenAsked) {
  Page page;
  page.content =
      "<html><body><nav><a href=/>Home</a> <a "
      "href=/n>News</a></nav><article><p>The council "
      "voted on Tuesday to expand the program, which serves thousands of "
      "residents, after a "
      "long debate.</p></article></body></html>";
  page.kind = InputKind::kHtml;
  Options options;
  absl::StatusOr<Result> plain = Clean(page, options);
  ASSERT_TRUE(plain.ok());
  EXPECT_TRUE(plain->block_rows.empty());
  options.report_block_features = true;
  absl::StatusOr<Result> result = Clean(page, options);
  ASSERT_TRUE(result.ok());
  ASSERT_EQ(result->block_rows.size(), 2u);
  const std::vector<std::string>& names = BlockFeatureNames();
  const size_t link_density =
      std::find(names.begin(), names.end(), "link_density") - names.begin();
  ASSERT_LT(link_density, names.size());
  EXPECT_DOUBLE_EQ(result->block_rows[0].values[link_density], 1.0);
  EXPECT_FALSE(result->block_rows[0].selected);
  EXPECT_EQ(result->block_rows[0].kind, BlockKind::kNavigation);
  EXPECT_TRUE(result->block_rows[1].selected);
  EXPECT_GT(result->block_rows[1].score, 0);
  EXPECT_EQ(result->article.text, plain->article.text);
}

TEST(BlockFeatureRowsTest, NeighboursAreReadInPageOrderAndZeroPastTheEnds) {
  BlockList blocks(5);
  for (size_t i = 0; i < blocks.size(); ++i)
    blocks[i].score = static_cast<double>(i + 1);
  const std::vector<std::string>& names = BlockFeatureNames();
  auto column = [&](const char* name) {
    return static_cast<size_t>(std::find(names.begin(), names.end(), name) -
                               names.begin());
  };
  const std::vector<double> first = BlockFeatureValues(blocks, 0);
  EXPECT_DOUBLE_EQ(first[column("prev_score")], 0.0);
  EXPECT_DOUBLE_EQ(first[column("next_score")], 2.0);
  EXPECT_DOUBLE_EQ(first[column("window_score")], 1 + 2 + 3 + 4);
  const std::vector<double> last = BlockFeatureValues(blocks, 4);
  EXPECT_DOUBLE_EQ(last[column("prev_score")], 4.0);
  EXPECT_DOUBLE_EQ(last[column("next_score")], 0.0);
  EXPECT_DOUBLE_EQ(last[column("window_score")], 2 + 3 + 4 + 5);
}

}  // namespace
}  // namespace declutter::extract
