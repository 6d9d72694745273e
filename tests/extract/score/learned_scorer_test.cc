#include "service/extract/score/learned_scorer.h"

#include <cmath>
#include <string>

#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "service/extract/clean.h"
#include "service/extract/score/builtin_models.h"
#include "tests/support/score_stage.h"

namespace declutter::extract {
namespace {

std::unique_ptr<LearnedScorer> FromJson(const std::string& json) {
  absl::StatusOr<std::unique_ptr<BoostedTrees>> model =
      BoostedTrees::FromJson(json);
  EXPECT_TRUE(model.ok()) << model.status();
  if (!model.ok()) return nullptr;
  absl::StatusOr<std::unique_ptr<LearnedScorer>> scorer =
      LearnedScorer::Create(*std::move(model), kScoringParams);
  EXPECT_TRUE(scorer.ok()) << scorer.status();
  return scorer.ok() ? *std::move(scorer) : nullptr;
}

constexpr char kPage[] =
    "首页 新闻 体育 财经\n"
    "会议强调，要加强党对卫生健康事业的领导，强化责任落实，坚持分级负责原则，"
    "形成合力。会议要求，在新的历史起点上，全力推进卫生健康体育事业高质量发展，"
    "回应人民群众的热切期盼。\n"
    "版权所有 © 2024 某某网 京ICP备12345678号\n";

TEST(LearnedScorerTest, ScoreFollowsTheModelsProbability) {
  std::unique_ptr<LearnedScorer> scorer =
      FromJson(std::string(BuiltinBlockModelJson()));
  ASSERT_NE(scorer, nullptr);
  BlockList heuristic = TextBlocksWithEvidence(kPage);
  ASSERT_TRUE(HeuristicBlockScorer().Score(&heuristic).ok());
  absl::StatusOr<std::vector<float>> probability =
      scorer->Probabilities(heuristic);
  ASSERT_TRUE(probability.ok()) << probability.status();

  BlockList blocks = TextBlocksWithEvidence(kPage);
  ASSERT_TRUE(scorer->Score(&blocks).ok());
  ASSERT_EQ(blocks.size(), probability->size());
  for (size_t i = 0; i < blocks.size(); ++i) {
    // Above 1/2 reads as article text, below as chrome; the score's sign says
    // the same to the select stage.
    EXPECT_EQ(blocks[i].score > 0, (*probability)[i] > 0.5f) << blocks[i].text;
  }
  // The prose outweighs the menu and the footer.
  EXPECT_GT((*probability)[1], 0.5f);
  EXPECT_LT((*probability)[2], 0.5f);
  EXPECT_GT(blocks[1].score, blocks[0].score);
}

TEST(LearnedScorerTest, RefusesAModelOfFeaturesTheEngineLacks) {
  nlohmann::json model = nlohmann::json::parse(BuiltinBlockModelJson());
  model["learner"]["feature_names"][0] = "no_such_feature";
  absl::StatusOr<std::unique_ptr<BoostedTrees>> trees =
      BoostedTrees::FromJson(model.dump());
  ASSERT_TRUE(trees.ok()) << trees.status();
  absl::StatusOr<std::unique_ptr<LearnedScorer>> scorer =
      LearnedScorer::Create(*std::move(trees), kScoringParams);
  ASSERT_FALSE(scorer.ok());
  EXPECT_NE(scorer.status().message().find("no_such_feature"),
            std::string::npos);
}

TEST(LearnedScorerTest, CleanUsesTheBuiltInModelWhenAsked) {
  Page page;
  page.content =
      "<html><body><nav><a href=/>首页</a> <a href=/n>新闻</a> <a href=/s>体育"
      "</a></nav><article><p>会议强调，要加强党对卫生健康事业的领导，强化责任"
      "落实，坚持分级负责原则，形成合力。会议要求，在新的历史起点上，全力推进卫"
      "生健康体育事业高质量发展，回应人民群众的热切期盼。</p></article><footer>"
      "版权所有 © 2024 某某网 京ICP备12345678号</footer></body></html>";
  page.kind = InputKind::kHtml;
  Options options;
  options.scorer = ScorerChoice::kLearned;
  absl::StatusOr<Result> result = Clean(page, options);
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_NE(result->article.text.find("会议强调"), std::string::npos);
  EXPECT_EQ(result->article.text.find("ICP"), std::string::npos);
}

}  // namespace
}  // namespace declutter::extract
