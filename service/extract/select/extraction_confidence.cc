#include "service/extract/select/extraction_confidence.h"

#include <algorithm>
#include <utility>

#include "absl/status/status.h"
#include "service/extract/result.h"

// Defined by the source CMake generates from models/confidence_model.json.
extern const char kDeclutterConfidenceModel[];
extern const unsigned long
    kDeclutterConfidenceModelSize;  // NOLINT(runtime/int)

namespace declutter::extract {

absl::StatusOr<std::unique_ptr<ConfidenceEstimator>>
ConfidenceEstimator::Create(std::unique_ptr<BoostedTrees> model) {
  if (model->num_classes() != 1) {
    return absl::InvalidArgumentError(
        "confidence model: several classes; expected a regression over page "
        "features");
  }
  absl::StatusOr<std::vector<size_t>> index =
      model->MapFeatures(PageFeatureNames());
  if (!index.ok()) return index.status();
  return std::unique_ptr<ConfidenceEstimator>(
      new ConfidenceEstimator(std::move(model), *std::move(index)));
}

absl::StatusOr<double> ConfidenceEstimator::Estimate(
    const std::vector<double>& features) const {
  absl::StatusOr<std::vector<float>> p =
      model_->PredictNamed(index_, PageFeatureNames().size(), features);
  if (!p.ok()) return p.status();
  return std::clamp(static_cast<double>(p->front()), 0.0, 1.0);
}

absl::StatusOr<const ConfidenceEstimator*> BuiltinConfidenceEstimator() {
  static const auto* const kEstimator =
      LoadBuiltinModel<ConfidenceEstimator>(absl::string_view(
          kDeclutterConfidenceModel, kDeclutterConfidenceModelSize));
  if (!kEstimator->ok()) return kEstimator->status();
  return kEstimator->value().get();
}

}  // namespace declutter::extract
