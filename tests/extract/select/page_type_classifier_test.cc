#include "service/extract/select/page_type_classifier.h"

#include <string>

#include "gtest/gtest.h"
#include "service/extract/clean.h"
#include "service/extract/score/builtin_models.h"

namespace declutter::extract {
namespace {

TEST(PageTypeClassifierTest, TheBuiltInModelLoadsAndTypesAnArticle) {
  absl::StatusOr<const PageTypeClassifier*> classifier =
      BuiltinPageTypeClassifier();
  ASSERT_TRUE(classifier.ok()) << classifier.status();
  Page page;
  page.content =
      "<html><head><title>Council expands the program</title>"
      "<meta property=og:type content=article></head><body>"
      "<nav><a href=/>Home</a> <a href=/news>News</a></nav>"
      "<article><h1>Council expands the program</h1>"
      "<p>The council voted on Tuesday to expand the program, which serves "
      "thousands of residents, after a long debate about its cost.</p>"
      "<p>Supporters said the money would be repaid within a decade, and "
      "opponents asked for an audit before the next vote.</p>"
      "<p>The expansion starts in March, the mayor said on Wednesday.</p>"
      "</article></body></html>";
  page.url = "https://news.example.org/2024/05/14/council-expands-program";
  Options options;
  options.scorer = ScorerChoice::kLearned;
  absl::StatusOr<Result> result = Clean(page, options);
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_EQ(result->page_type, PageType::kArticle);
  EXPECT_GT(result->page_type_probability, 0.5);
  EXPECT_LE(result->page_type_probability, 1.0);

  // The heuristic scorer runs no page-type model.
  options.scorer = ScorerChoice::kHeuristic;
  result = Clean(page, options);
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_EQ(result->page_type, PageType::kUnknown);
  EXPECT_EQ(result->page_type_probability, 0);
}

TEST(PageTypeClassifierTest, RefusesABinaryModelAndShortRows) {
  absl::StatusOr<std::unique_ptr<BoostedTrees>> block_model =
      BoostedTrees::FromJson(BuiltinBlockModelJson());
  ASSERT_TRUE(block_model.ok());
  absl::StatusOr<std::unique_ptr<PageTypeClassifier>> wrong =
      PageTypeClassifier::Create(*std::move(block_model));
  EXPECT_EQ(wrong.status().code(), absl::StatusCode::kInvalidArgument);

  absl::StatusOr<const PageTypeClassifier*> classifier =
      BuiltinPageTypeClassifier();
  ASSERT_TRUE(classifier.ok());
  EXPECT_EQ((*classifier)->Classify({1.0, 2.0}).status().code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace declutter::extract
