// A gradient-boosted tree model trained by train/ (XGBoost), read from
// XGBoost's JSON model file and evaluated by this unit's own tree walk: the
// trees as flat arrays, walked tree by tree over all of a page's rows. It
// measured 1.5x faster than libxgboost's C API on the block model
// (bench/micro/tree_eval_benchmark), and it needs no library at run time; the
// parity test checks it against Python's XGBoost on stored rows (1e-5).
//
// What it reads: gbtree models with numerical splits; the objectives
// binary:logistic, reg:logistic (a sigmoid), multi:softprob and
// multi:softmax (a softmax over the classes), and reg:squarederror (the sum
// itself). Anything else is refused at load.
//
// Input: rows of feature values in the model's own feature order
// (feature_names(), as it was trained); the caller maps its values to that
// order by name (MapFeatures), so a model trained on another feature list
// fails at load instead of reading the wrong columns. NaN is a missing value
// and follows each split's default branch, as in XGBoost.
// Output: per row, one value for a binary or regression model, num_classes()
// probabilities for a multi-class one.
//
// Immutable after load; Predict is safe to call from many threads at once.

#ifndef DECLUTTER_SERVICE_EXTRACT_SCORE_BOOSTED_TREES_H_
#define DECLUTTER_SERVICE_EXTRACT_SCORE_BOOSTED_TREES_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace declutter::extract {

class BoostedTrees {
 public:
  // A model from the bytes of an XGBoost JSON model file. INVALID_ARGUMENT
  // naming what is missing or out of range when it is not a model this unit
  // reads, or has no feature names (train/ always stores them).
  static absl::StatusOr<std::unique_ptr<BoostedTrees>> FromJson(
      absl::string_view json);
  // The same from a file's path. NOT_FOUND when it cannot be read.
  static absl::StatusOr<std::unique_ptr<BoostedTrees>> FromFile(
      const std::string& path);

  const std::vector<std::string>& feature_names() const { return names_; }
  // 1 for a binary or regression model.
  int num_classes() const { return num_classes_; }

  // For each of the model's features, its index in `available` (the names of
  // the values a caller has). INVALID_ARGUMENT naming the first feature the
  // caller lacks.
  absl::StatusOr<std::vector<size_t>> MapFeatures(
      const std::vector<std::string>& available) const;

  // The model's output for `rows`, row-major, feature_names().size() values
  // per row: rows / features * num_classes() values. INVALID_ARGUMENT when
  // rows is not a whole number of rows.
  absl::StatusOr<std::vector<float>> Predict(
      absl::Span<const float> rows) const;

  // One row of a caller's `values` (`expected` of them, in the caller's
  // order), put in the model's order through `index` (from MapFeatures) and
  // predicted. INVALID_ARGUMENT when values is not `expected` long.
  absl::StatusOr<std::vector<float>> PredictNamed(
      const std::vector<size_t>& index, size_t expected,
      const std::vector<double>& values) const;

 private:
  // One node of a tree, 12 bytes. XGBoost puts a node's right child right
  // after its left one (checked at load), so one index serves both and the
  // walk picks a child without a branch. A leaf points at itself through a
  // feature that is always missing (the row's padding column), so every walk
  // can take its tree's full depth in steps and no lane waits on a branch.
  struct Node {
    float value = 0;       // split threshold, or a leaf's value
    int32_t feature = -1;  // the padding column for a leaf
    // The left child (taken when value < threshold) in nodes_; the right is
    // left + 1. Bit 31 set: a missing (NaN) value goes left.
    uint32_t children = 0;
  };
  static constexpr uint32_t kDefaultLeft = 1u << 31;
  enum class Output { kSum, kSigmoid, kSoftmax };

  BoostedTrees() = default;

  std::vector<std::string> names_;
  int num_classes_ = 1;
  Output output_ = Output::kSum;
  float base_margin_ = 0;
  std::vector<Node> nodes_;        // every tree's, one after another
  std::vector<int32_t> roots_;     // each tree's root in nodes_
  std::vector<int32_t> class_of_;  // each tree's class (multi-class models)
  std::vector<int32_t> depth_of_;  // each tree's depth: steps to any leaf
};

// For a model built into the engine: T::Create(model, args...) over the model
// whose JSON is `json`, or the error; held for the life of the process (the
// caller keeps it in a function-local static, so it loads once, on first use).
template <typename T, typename... Args>
const absl::StatusOr<std::unique_ptr<T>>* LoadBuiltinModel(
    absl::string_view json, const Args&... args) {
  absl::StatusOr<std::unique_ptr<BoostedTrees>> model =
      BoostedTrees::FromJson(json);
  if (!model.ok())
    return new absl::StatusOr<std::unique_ptr<T>>(model.status());
  return new absl::StatusOr<std::unique_ptr<T>>(
      T::Create(*std::move(model), args...));
}

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_SCORE_BOOSTED_TREES_H_
