#include "service/extract/blocks/sequence_features.h"

#include <cmath>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "service/extract/blocks/block_featurizer.h"
#include "service/extract/text/text_block_builder.h"

namespace declutter::extract {
namespace {

constexpr char kProse[] =
    "The council voted on Tuesday to expand the program, which serves "
    "thousands of residents, after a long debate.";

BlockList Featurized(const std::string& text) {
  BlockList blocks = TextBlockBuilder::Build(text);
  ComputeBlockFeatures(nullptr, &blocks);
  return blocks;
}

TEST(SequenceFeaturesTest, EmptyPageGivesNothing) {
  EXPECT_TRUE(SequenceFeaturizer::Compute({}, {}).empty());
}

TEST(SequenceFeaturesTest, MenuRunsRepeatsAndDistanceToProse) {
  const BlockList bs = Featurized(std::string("Home\nNews\nLogin\n") + kProse +
                                  "\n" + kProse + "\nlogin\nContact us\n");
  ASSERT_EQ(bs.size(), 7u);
  const SequenceFeatures& home = bs[0].features.sequence;
  EXPECT_EQ(home.menu_run, 3);
  EXPECT_DOUBLE_EQ(home.log_index, 0.0);
  EXPECT_DOUBLE_EQ(home.log_blocks_after, std::log1p(6.0));
  EXPECT_DOUBLE_EQ(home.log_distance_to_prose, std::log1p(3.0));
  EXPECT_DOUBLE_EQ(home.prev_log_weight, 0.0);
  EXPECT_DOUBLE_EQ(home.weight_position, 0.0);
  // "Login" and "login" are the same text case-folded; the two prose lines
  // repeat each other.
  EXPECT_EQ(bs[2].features.sequence.repeat_count, 1);
  EXPECT_EQ(bs[5].features.sequence.repeat_count, 1);
  EXPECT_EQ(bs[3].features.sequence.repeat_count, 1);
  EXPECT_EQ(bs[1].features.sequence.repeat_count, 0);
  const SequenceFeatures& prose = bs[3].features.sequence;
  EXPECT_EQ(prose.menu_run, 0);
  EXPECT_DOUBLE_EQ(prose.log_distance_to_prose, 0.0);
  EXPECT_GT(prose.log_weight_over_median, 0.0);
  // Its window: Home, News, Login (menus) and prose, login, Contact us.
  EXPECT_DOUBLE_EQ(prose.window_menu_share, 5.0 / 6.0);
  EXPECT_DOUBLE_EQ(prose.window_sentence_share, 1.0 / 6.0);
  EXPECT_EQ(bs[6].features.sequence.menu_run, 2);
  EXPECT_DOUBLE_EQ(bs[6].features.sequence.next_log_weight, 0.0);
  EXPECT_GT(home.page_prose_share, 0.8);
  EXPECT_LT(home.page_prose_share, 1.0);
  EXPECT_DOUBLE_EQ(home.page_log_blocks, std::log1p(7.0));
  EXPECT_GT(bs[6].features.sequence.weight_position, 0.9);
}

TEST(SequenceFeaturesTest, PageWithoutProseIsFarFromItEverywhere) {
  const BlockList bs = Featurized("one\ntwo\nthree\n");
  for (const Block& b : bs) {
    EXPECT_DOUBLE_EQ(b.features.sequence.log_distance_to_prose,
                     std::log1p(3.0));
    EXPECT_DOUBLE_EQ(b.features.sequence.page_prose_share, 0.0);
  }
}

TEST(SequenceFeaturesTest, ShapesOfMenusAndProse) {
  TextFeatures menu = ComputeTextFeatures("Contact us");
  TextFeatures prose = ComputeTextFeatures(kProse);
  EXPECT_TRUE(SequenceFeaturizer::IsMenuShaped(menu));
  EXPECT_FALSE(SequenceFeaturizer::IsProse(menu));
  EXPECT_TRUE(SequenceFeaturizer::IsProse(prose));
  EXPECT_FALSE(SequenceFeaturizer::IsMenuShaped(prose));
  // A short line that ends a sentence is not a menu item.
  EXPECT_FALSE(
      SequenceFeaturizer::IsMenuShaped(ComputeTextFeatures("It rained.")));
}

}  // namespace
}  // namespace declutter::extract
