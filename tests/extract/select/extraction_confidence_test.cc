#include "service/extract/select/extraction_confidence.h"

#include <string>

#include "gtest/gtest.h"
#include "service/extract/clean.h"
#include "service/extract/score/builtin_models.h"

namespace declutter::extract {
namespace {

Page ArticlePage() {
  Page page;
  page.content =
      "<html><head><title>Council expands the program</title></head><body>"
      "<nav><a href=/>Home</a> <a href=/news>News</a></nav>"
      "<article><h1>Council expands the program</h1>"
      "<p>The council voted on Tuesday to expand the program, which serves "
      "thousands of residents, after a long debate about its cost.</p>"
      "<p>Supporters said the money would be repaid within a decade, and "
      "opponents asked for an audit before the next vote.</p></article>"
      "</body></html>";
  page.url = "https://news.example.org/2024/05/14/council-expands-program";
  return page;
}

TEST(ExtractionConfidenceTest, CleanFillsItWithTheLearnedScorerOnly) {
  Options options;
  options.scorer = ScorerChoice::kLearned;
  absl::StatusOr<Result> result = Clean(ArticlePage(), options);
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_GT(result->extraction_confidence, 0.0);
  EXPECT_LE(result->extraction_confidence, 1.0);

  options.scorer = ScorerChoice::kHeuristic;
  result = Clean(ArticlePage(), options);
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_EQ(result->extraction_confidence, 0.0);
}

TEST(ExtractionConfidenceTest, TheBuiltInModelLoadsAndRefusesShortRows) {
  absl::StatusOr<const ConfidenceEstimator*> estimator =
      BuiltinConfidenceEstimator();
  ASSERT_TRUE(estimator.ok()) << estimator.status();
  EXPECT_EQ((*estimator)->Estimate({0.5}).status().code(),
            absl::StatusCode::kInvalidArgument);
  // The block model reads block features, not page features.
  absl::StatusOr<std::unique_ptr<BoostedTrees>> block_model =
      BoostedTrees::FromJson(BuiltinBlockModelJson());
  ASSERT_TRUE(block_model.ok());
  EXPECT_FALSE(ConfidenceEstimator::Create(*std::move(block_model)).ok());
}

}  // namespace
}  // namespace declutter::extract
