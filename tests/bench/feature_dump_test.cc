#include "bench/quality/feature_dump.h"

#include "gtest/gtest.h"

namespace declutter::bench {
namespace {

TEST(FeatureDumpTest, LabelIsTheShareOfTokensTheTruthHolds) {
  const TokenCounts truth = CountTokens("the cat sat on the mat");
  EXPECT_DOUBLE_EQ(TokenShareInTruth(truth, "the cat"), 1.0);
  EXPECT_DOUBLE_EQ(TokenShareInTruth(truth, "the dog"), 0.5);
  EXPECT_DOUBLE_EQ(TokenShareInTruth(truth, "..."), 0.0);
  // A truth token matches at most as often as the truth has it.
  EXPECT_DOUBLE_EQ(TokenShareInTruth(truth, "the the the mat"), 0.75);
}

TEST(FeatureDumpTest, HanCharactersAreTokensOfTheirOwn) {
  const TokenCounts truth = CountTokens("会议指出");
  EXPECT_DOUBLE_EQ(TokenShareInTruth(truth, "会议要求"), 0.5);
}

TEST(FeatureDumpTest, OpenNamesAnUnwritablePath) {
  absl::StatusOr<FeatureDump> dump =
      FeatureDump::Open("/nonexistent-dir/rows.tsv");
  ASSERT_FALSE(dump.ok());
  EXPECT_NE(dump.status().message().find("/nonexistent-dir/rows.tsv"),
            std::string::npos);
}

}  // namespace
}  // namespace declutter::bench
