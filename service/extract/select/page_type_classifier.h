// The page-type model (train/train_page_type.py): page-level features
// (select/page_features) in, one of PageType's kinds and its probability out.
// The select stage reads the type to choose how it selects (ScoringParams'
// per-type profile): a forum keeps its posts, a listing its items, a service
// page its sections.
//
// Immutable after Create; thread-safe. Owns its model.

#ifndef DECLUTTER_SERVICE_EXTRACT_SELECT_PAGE_TYPE_CLASSIFIER_H_
#define DECLUTTER_SERVICE_EXTRACT_SELECT_PAGE_TYPE_CLASSIFIER_H_

#include <memory>
#include <vector>

#include "absl/status/statusor.h"
#include "service/extract/result.h"
#include "service/extract/score/boosted_trees.h"

namespace declutter::extract {

struct PageTypeGuess {
  PageType type = PageType::kUnknown;
  double probability = 0;
};

class PageTypeClassifier {
 public:
  // A classifier over `model`: multi-class, one class per PageType after
  // kUnknown, in PageType's order, over features all among
  // PageFeatureNames(). INVALID_ARGUMENT otherwise.
  static absl::StatusOr<std::unique_ptr<PageTypeClassifier>> Create(
      std::unique_ptr<BoostedTrees> model);

  // The most probable type for a page's PageFeatureValues(). An error only
  // when `features` is not PageFeatureNames()' length.
  absl::StatusOr<PageTypeGuess> Classify(
      const std::vector<double>& features) const;

 private:
  PageTypeClassifier(std::unique_ptr<BoostedTrees> model,
                     std::vector<size_t> index)
      : model_(std::move(model)), index_(std::move(index)) {}

  std::unique_ptr<BoostedTrees> model_;
  std::vector<size_t> index_;  // model feature -> PageFeatureNames() index
};

// The classifier over models/page_type_model.json, built into the engine; the
// load error when it does not load. Loaded once, on first use; thread-safe.
absl::StatusOr<const PageTypeClassifier*> BuiltinPageTypeClassifier();

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_SELECT_PAGE_TYPE_CLASSIFIER_H_
