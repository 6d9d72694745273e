// The extraction-confidence model (train/train_confidence.py): a page's
// features (select/page_features) in, the word F1 its extraction is expected
// to reach out, 0-1. Trained on the F1 the engine reached on wcxb-dev pages
// whose domain its models never saw, so it reads how hard a page is for this
// engine (a thin body among many links, a page of many short parts), not how
// good any one block is. Callers route pages under their own threshold
// elsewhere (Result::extraction_confidence).
//
// Immutable after Create; thread-safe. Owns its model.

#ifndef DECLUTTER_SERVICE_EXTRACT_SELECT_EXTRACTION_CONFIDENCE_H_
#define DECLUTTER_SERVICE_EXTRACT_SELECT_EXTRACTION_CONFIDENCE_H_

#include <memory>
#include <vector>

#include "absl/status/statusor.h"
#include "service/extract/score/boosted_trees.h"

namespace declutter::extract {

class ConfidenceEstimator {
 public:
  // An estimator over `model`: one output (a regression), over features all
  // among PageFeatureNames(). INVALID_ARGUMENT otherwise.
  static absl::StatusOr<std::unique_ptr<ConfidenceEstimator>> Create(
      std::unique_ptr<BoostedTrees> model);

  // The expected word F1, clipped to 0-1, for a page's PageFeatureValues().
  // An error only when `features` is not PageFeatureNames()' length.
  absl::StatusOr<double> Estimate(const std::vector<double>& features) const;

 private:
  ConfidenceEstimator(std::unique_ptr<BoostedTrees> model,
                      std::vector<size_t> index)
      : model_(std::move(model)), index_(std::move(index)) {}

  std::unique_ptr<BoostedTrees> model_;
  std::vector<size_t> index_;  // model feature -> PageFeatureNames() index
};

// The estimator over models/confidence_model.json, built into the engine; the
// load error when it does not load. Loaded once, on first use; thread-safe.
absl::StatusOr<const ConfidenceEstimator*> BuiltinConfidenceEstimator();

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_SELECT_EXTRACTION_CONFIDENCE_H_
