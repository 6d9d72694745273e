#include "bench/quality/feature_dump.h"

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "absl/strings/str_split.h"
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

TEST(FeatureDumpTest, PageRowsHaveTheHeadersColumnsAndTheWordF1) {
  const std::string path = ::testing::TempDir() + "/page_feature_dump_test.tsv";
  absl::StatusOr<PageFeatureDump> dump = PageFeatureDump::Open(path);
  ASSERT_TRUE(dump.ok()) << dump.status();
  extract::Result result;
  result.article.text = "the cat sat";
  result.page_features.assign(extract::PageFeatureNames().size(), 0.5);
  ASSERT_TRUE(dump->Write("wcxb", "0001", "article", "https://e.com/a\tb",
                          "the cat sat on the mat", result)
                  .ok());
  ASSERT_TRUE(dump->Close().ok());
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  const std::vector<std::string> lines =
      absl::StrSplit(text.str(), '\n', absl::SkipEmpty());
  ASSERT_EQ(lines.size(), 2u);
  const std::vector<std::string> header = absl::StrSplit(lines[0], '\t');
  const std::vector<std::string> row = absl::StrSplit(lines[1], '\t');
  ASSERT_EQ(header.size(), 5 + extract::PageFeatureNames().size());
  ASSERT_EQ(row.size(), header.size());
  EXPECT_EQ(header[4], "word_f1");
  EXPECT_EQ(header[5], extract::PageFeatureNames()[0]);
  EXPECT_EQ(row[3], "https://e.com/a b");  // a tab would split the row
  EXPECT_EQ(row[4], "0.6667");             // P 1, R 0.5
  EXPECT_EQ(row[5], "0.5");
  std::remove(path.c_str());
}

}  // namespace
}  // namespace declutter::bench
