#include "service/extract/select/page_type_classifier.h"

#include <algorithm>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

// Defined by the source CMake generates from models/page_type_model.json.
extern const char kDeclutterPageTypeModel[];
extern const unsigned long kDeclutterPageTypeModelSize;  // NOLINT(runtime/int)

namespace declutter::extract {
namespace {

// The model's classes: PageType's values after kUnknown.
constexpr int kTypes = static_cast<int>(PageType::kService);

}  // namespace

absl::StatusOr<std::unique_ptr<PageTypeClassifier>> PageTypeClassifier::Create(
    std::unique_ptr<BoostedTrees> model) {
  if (model->num_classes() != kTypes) {
    return absl::InvalidArgumentError(absl::StrCat(
        "page-type model: ", model->num_classes(), " classes; expected ",
        kTypes, ", one per page type in PageType's order"));
  }
  absl::StatusOr<std::vector<size_t>> index =
      model->MapFeatures(PageFeatureNames());
  if (!index.ok()) return index.status();
  return std::unique_ptr<PageTypeClassifier>(
      new PageTypeClassifier(std::move(model), *std::move(index)));
}

absl::StatusOr<PageTypeGuess> PageTypeClassifier::Classify(
    const std::vector<double>& features) const {
  absl::StatusOr<std::vector<float>> p =
      model_->PredictNamed(index_, PageFeatureNames().size(), features);
  if (!p.ok()) return p.status();
  const auto best = std::max_element(p->begin(), p->end());
  PageTypeGuess guess;
  guess.type = static_cast<PageType>(1 + (best - p->begin()));
  guess.probability = *best;
  return guess;
}

absl::StatusOr<const PageTypeClassifier*> BuiltinPageTypeClassifier() {
  static const auto* const kClassifier = LoadBuiltinModel<PageTypeClassifier>(
      absl::string_view(kDeclutterPageTypeModel, kDeclutterPageTypeModelSize));
  if (!kClassifier->ok()) return kClassifier->status();
  return kClassifier->value().get();
}

}  // namespace declutter::extract
