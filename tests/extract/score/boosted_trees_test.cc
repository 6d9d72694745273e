#include "service/extract/score/boosted_trees.h"

#include <cmath>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "service/extract/score/builtin_models.h"

namespace declutter::extract {
namespace {

std::unique_ptr<BoostedTrees> BuiltinModel() {
  absl::StatusOr<std::unique_ptr<BoostedTrees>> model =
      BoostedTrees::FromJson(BuiltinBlockModelJson());
  EXPECT_TRUE(model.ok()) << model.status();
  return model.ok() ? *std::move(model) : nullptr;
}

// The parity rows train/ wrote beside the built-in model: the model's feature
// values and the probability Python's XGBoost gave for them.
struct ParityRows {
  std::vector<std::string> names;
  std::vector<std::vector<float>> values;
  std::vector<double> probability;
};

ParityRows ReadParityRows() {
  ParityRows rows;
  std::ifstream in(DECLUTTER_MODELS_DIR "/block_model_parity.tsv");
  EXPECT_TRUE(in.good()) << "cannot read block_model_parity.tsv";
  std::string line;
  if (!std::getline(in, line)) return rows;
  rows.names = absl::StrSplit(line, '\t');
  rows.names.pop_back();  // "probability"
  while (std::getline(in, line)) {
    std::vector<std::string> cols = absl::StrSplit(line, '\t');
    EXPECT_EQ(cols.size(), rows.names.size() + 1) << line;
    std::vector<float> values;
    for (size_t i = 0; i + 1 < cols.size(); ++i) {
      double v = 0;
      EXPECT_TRUE(absl::SimpleAtod(cols[i], &v)) << cols[i];
      values.push_back(static_cast<float>(v));
    }
    double p = 0;
    EXPECT_TRUE(absl::SimpleAtod(cols.back(), &p)) << cols.back();
    rows.values.push_back(std::move(values));
    rows.probability.push_back(p);
  }
  return rows;
}

TEST(BoostedTreesTest, AgreesWithPythonXgboostOnStoredRows) {
  std::unique_ptr<BoostedTrees> model = BuiltinModel();
  ASSERT_NE(model, nullptr);
  const ParityRows rows = ReadParityRows();
  ASSERT_GE(rows.values.size(), 100u);
  absl::StatusOr<std::vector<size_t>> index = model->MapFeatures(rows.names);
  ASSERT_TRUE(index.ok()) << index.status();
  std::vector<float> matrix;
  for (const std::vector<float>& row : rows.values) {
    for (size_t column : *index) matrix.push_back(row[column]);
  }
  absl::StatusOr<std::vector<float>> predicted = model->Predict(matrix);
  ASSERT_TRUE(predicted.ok()) << predicted.status();
  ASSERT_EQ(predicted->size(), rows.probability.size());
  for (size_t i = 0; i < predicted->size(); ++i) {
    EXPECT_NEAR((*predicted)[i], rows.probability[i], 1e-5) << "row " << i;
  }
}

TEST(BoostedTreesTest, ConcurrentCallsGiveTheSameAnswers) {
  std::unique_ptr<BoostedTrees> model = BuiltinModel();
  ASSERT_NE(model, nullptr);
  const size_t cols = model->feature_names().size();
  std::vector<float> rows(cols * 50);
  for (size_t i = 0; i < rows.size(); ++i) rows[i] = float(i % 7) * 0.37f;
  const absl::StatusOr<std::vector<float>> alone = model->Predict(rows);
  ASSERT_TRUE(alone.ok());
  std::vector<std::vector<float>> got(4);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < got.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 20; ++round) {
        absl::StatusOr<std::vector<float>> p = model->Predict(rows);
        if (p.ok()) got[t] = *p;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (const std::vector<float>& g : got) EXPECT_EQ(g, *alone);
}

TEST(BoostedTreesTest, RefusesPartialRows) {
  std::unique_ptr<BoostedTrees> model = BuiltinModel();
  ASSERT_NE(model, nullptr);
  std::vector<float> rows(model->feature_names().size() + 1);
  absl::StatusOr<std::vector<float>> p = model->Predict(rows);
  EXPECT_EQ(p.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(model->Predict({}).ok());
}

TEST(BoostedTreesTest, MapFeaturesNamesWhatIsMissing) {
  std::unique_ptr<BoostedTrees> model = BuiltinModel();
  ASSERT_NE(model, nullptr);
  std::vector<std::string> available = model->feature_names();
  const std::string missing = available.back();
  available.pop_back();
  absl::StatusOr<std::vector<size_t>> index = model->MapFeatures(available);
  ASSERT_FALSE(index.ok());
  EXPECT_NE(index.status().message().find(missing), std::string::npos);
}

TEST(BoostedTreesTest, RefusesWhatIsNotAModel) {
  for (const char* bad : {"", "not json", "[1, 2]", R"({"learner": 3})",
                          R"({"learner": {"feature_names": []}})",
                          R"({"learner": {"feature_names": ["a", 2]}})",
                          R"({"learner": {"feature_names": ["a"]}})"}) {
    absl::StatusOr<std::unique_ptr<BoostedTrees>> model =
        BoostedTrees::FromJson(bad);
    EXPECT_EQ(model.status().code(), absl::StatusCode::kInvalidArgument) << bad;
  }
  EXPECT_EQ(BoostedTrees::FromFile("/nonexistent/model.json").status().code(),
            absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace declutter::extract
