// Which block scorer declutter-quality cleans each page with, so that a learned
// model is measured honestly: with --cv_models, each wcxb-dev page is scored by
// the model of the fold that held its domain out (train/train_block_model.py
// writes fold_K.json and folds.tsv), so no page is scored by a model that saw
// it; with --block_model, every page by one model file (the sets it was never
// trained on); otherwise the engine's own choice (Options::scorer). The same
// folder's page_type_fold_K.json and page_type_folds.tsv, when there, type
// each page with the page-type model of its fold.
//
// Owns the models it loads; immutable after Load. Not thread-safe to load.

#ifndef DECLUTTER_BENCH_QUALITY_CASE_SCORERS_H_
#define DECLUTTER_BENCH_QUALITY_CASE_SCORERS_H_

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "service/extract/page.h"
#include "service/extract/score/learned_scorer.h"
#include "service/extract/select/page_type_classifier.h"

namespace declutter::bench {

class CaseScorers {
 public:
  // `cv_dir`: a folder of fold_K.json and folds.tsv (page id, tab, K), or "";
  // `model_path`: one model file, or "". At most one of them. An error names
  // the file that does not load or the line that does not parse.
  static absl::StatusOr<CaseScorers> Load(const std::string& cv_dir,
                                          const std::string& model_path);

  // The scorer for page `id`: null means the engine's own choice. With
  // --cv_models, NOT_FOUND when the page has no fold.
  absl::StatusOr<const extract::BlockScorer*> ForPage(
      const std::string& id) const;

  // The page-type classifier for page `id`: null means the engine's own.
  // NOT_FOUND when --cv_models has page-type folds and the page has none.
  absl::StatusOr<const extract::PageTypeClassifier*> PageTypeForPage(
      const std::string& id) const;

 private:
  std::vector<std::unique_ptr<extract::LearnedScorer>> models_;
  std::map<std::string, size_t> fold_of_page_;  // into models_
  bool per_fold_ = false;
  std::vector<std::unique_ptr<extract::PageTypeClassifier>> page_types_;
  std::map<std::string, size_t> page_type_fold_of_page_;  // into page_types_
};

}  // namespace declutter::bench

#endif  // DECLUTTER_BENCH_QUALITY_CASE_SCORERS_H_
