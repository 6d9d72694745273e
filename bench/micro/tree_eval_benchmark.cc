// The engine's tree walk (score/boosted_trees) against libxgboost's C API on
// the built-in block model, in the same run: the figure behind the choice of
// evaluator (issue 23 allows either; the faster is the engine's). Rows are the
// parity rows train/ stores beside the model, repeated to a page's worth.
//
//   build/bench/micro/declutter-tree-eval-benchmark [--benchmark_repetitions=5]
//
// Both run on one thread (XGBoost's nthread = 1), as the server runs a page.

#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "benchmark/benchmark.h"
#include "service/extract/score/boosted_trees.h"
#include "service/extract/score/builtin_models.h"
#include "xgboost/c_api.h"

namespace {

using declutter::extract::BoostedTrees;

// Blocks of a large page: the rows are cycled up to this many.
constexpr size_t kRowsPerPage = 400;

// The parity rows, in the model's feature order, kRowsPerPage of them.
std::vector<float> PageRows(const BoostedTrees& model) {
  std::ifstream in(DECLUTTER_MODELS_DIR "/block_model_parity.tsv");
  std::string line;
  std::getline(in, line);
  std::vector<std::string> names = absl::StrSplit(line, '\t');
  names.pop_back();  // "probability"
  const std::vector<size_t> index = *model.MapFeatures(names);
  std::vector<std::vector<float>> rows;
  while (std::getline(in, line)) {
    std::vector<std::string> cols = absl::StrSplit(line, '\t');
    std::vector<float> row;
    for (size_t c : index) {
      double v = 0;
      if (!absl::SimpleAtod(cols[c], &v)) v = 0;
      row.push_back(static_cast<float>(v));
    }
    rows.push_back(std::move(row));
  }
  std::vector<float> page;
  for (size_t i = 0; i < kRowsPerPage && !rows.empty(); ++i) {
    const std::vector<float>& row = rows[i % rows.size()];
    page.insert(page.end(), row.begin(), row.end());
  }
  return page;
}

void BM_EngineTreeWalk(benchmark::State& state) {
  const auto model =
      *BoostedTrees::FromJson(declutter::extract::BuiltinBlockModelJson());
  const std::vector<float> rows = PageRows(*model);
  for (auto _ : state) {
    auto p = model->Predict(rows);
    benchmark::DoNotOptimize(p);
  }
  state.SetItemsProcessed(state.iterations() * kRowsPerPage);
}
BENCHMARK(BM_EngineTreeWalk);

void BM_LibxgboostInplacePredict(benchmark::State& state) {
  const auto model =
      *BoostedTrees::FromJson(declutter::extract::BuiltinBlockModelJson());
  const std::vector<float> rows = PageRows(*model);
  const absl::string_view json = declutter::extract::BuiltinBlockModelJson();
  BoosterHandle booster = nullptr;
  if (XGBoosterCreate(nullptr, 0, &booster) != 0 ||
      XGBoosterLoadModelFromBuffer(booster, json.data(), json.size()) != 0 ||
      XGBoosterSetParam(booster, "nthread", "1") != 0) {
    state.SkipWithError(XGBGetLastError());
    return;
  }
  const size_t cols = model->feature_names().size();
  const std::string array = absl::StrFormat(
      R"({"data": [%d, true], "shape": [%d, %d], "typestr": "<f4", )"
      R"("version": 3})",
      reinterpret_cast<uintptr_t>(rows.data()), rows.size() / cols, cols);
  const char* config =
      R"({"type": 0, "training": false, "iteration_begin": 0, )"
      R"("iteration_end": 0, "strict_shape": false, "missing": NaN, )"
      R"("cache_id": 0})";
  for (auto _ : state) {
    const bst_ulong* shape = nullptr;
    bst_ulong dims = 0;
    const float* out = nullptr;
    if (XGBoosterPredictFromDense(booster, array.c_str(), config, nullptr,
                                  &shape, &dims, &out) != 0) {
      state.SkipWithError(XGBGetLastError());
      break;
    }
    benchmark::DoNotOptimize(out);
  }
  XGBoosterFree(booster);
  state.SetItemsProcessed(state.iterations() * kRowsPerPage);
}
BENCHMARK(BM_LibxgboostInplacePredict);

}  // namespace

BENCHMARK_MAIN();
