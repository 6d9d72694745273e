#include "bench/quality/case_scorers.h"

#include <fstream>
#include <sstream>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "service/extract/score/boosted_trees.h"
#include "service/extract/score/scoring_params.h"

namespace declutter::bench {
namespace {

absl::StatusOr<std::unique_ptr<extract::LearnedScorer>> LoadScorer(
    const std::string& path) {
  absl::StatusOr<std::unique_ptr<extract::BoostedTrees>> model =
      extract::BoostedTrees::FromFile(path);
  if (!model.ok()) {
    return absl::Status(model.status().code(),
                        absl::StrCat(path, ": ", model.status().message()));
  }
  return extract::LearnedScorer::Create(*std::move(model),
                                        extract::kScoringParams);
}

// Reads FOLDS (page id, tab, fold number >= 1) and loads each fold's model
// with `load(K)` the first time the fold appears. A missing FOLDS file is no
// error when `optional`.
template <typename Model, typename LoadFold>
absl::Status LoadFolds(const std::string& folds_path, bool optional,
                       LoadFold load,
                       std::vector<std::unique_ptr<Model>>* models,
                       std::map<std::string, size_t>* fold_of_page) {
  std::ifstream folds(folds_path);
  if (!folds) {
    return optional
               ? absl::OkStatus()
               : absl::NotFoundError(absl::StrCat("cannot read ", folds_path));
  }
  std::map<int, size_t> model_of_fold;
  std::string line;
  for (int number = 1; std::getline(folds, line); ++number) {
    std::vector<std::string> cols = absl::StrSplit(line, '\t');
    int fold = 0;
    if (cols.size() != 2 || !absl::SimpleAtoi(cols[1], &fold) || fold < 1) {
      return absl::InvalidArgumentError(
          absl::StrCat(folds_path, ":", number,
                       ": expected a page id, a tab and a fold number >= 1"));
    }
    auto [at, added] = model_of_fold.try_emplace(fold, models->size());
    if (added) {
      absl::StatusOr<std::unique_ptr<Model>> model = load(fold);
      if (!model.ok()) return model.status();
      models->push_back(*std::move(model));
    }
    (*fold_of_page)[cols[0]] = at->second;
  }
  return absl::OkStatus();
}

absl::StatusOr<std::unique_ptr<extract::PageTypeClassifier>> LoadPageType(
    const std::string& path) {
  absl::StatusOr<std::unique_ptr<extract::BoostedTrees>> model =
      extract::BoostedTrees::FromFile(path);
  if (!model.ok()) return model.status();
  return extract::PageTypeClassifier::Create(*std::move(model));
}

}  // namespace

absl::StatusOr<CaseScorers> CaseScorers::Load(const std::string& cv_dir,
                                              const std::string& model_path) {
  CaseScorers scorers;
  if (!cv_dir.empty() && !model_path.empty()) {
    return absl::InvalidArgumentError(
        "--cv_models and --block_model both given; expected at most one");
  }
  if (!model_path.empty()) {
    absl::StatusOr<std::unique_ptr<extract::LearnedScorer>> scorer =
        LoadScorer(model_path);
    if (!scorer.ok()) return scorer.status();
    scorers.models_.push_back(*std::move(scorer));
    return scorers;
  }
  if (cv_dir.empty()) return scorers;
  scorers.per_fold_ = true;
  if (absl::Status s = LoadFolds<extract::LearnedScorer>(
          cv_dir + "/folds.tsv", /*optional=*/false,
          [&](int fold) {
            return LoadScorer(absl::StrCat(cv_dir, "/fold_", fold, ".json"));
          },
          &scorers.models_, &scorers.fold_of_page_);
      !s.ok()) {
    return s;
  }
  if (absl::Status s = LoadFolds<extract::PageTypeClassifier>(
          cv_dir + "/page_type_folds.tsv", /*optional=*/true,
          [&](int fold) {
            return LoadPageType(
                absl::StrCat(cv_dir, "/page_type_fold_", fold, ".json"));
          },
          &scorers.page_types_, &scorers.page_type_fold_of_page_);
      !s.ok()) {
    return s;
  }
  return scorers;
}

absl::StatusOr<const extract::BlockScorer*> CaseScorers::ForPage(
    const std::string& id) const {
  if (!per_fold_) {
    return models_.empty() ? nullptr : models_.front().get();
  }
  auto it = fold_of_page_.find(id);
  if (it == fold_of_page_.end()) {
    return absl::NotFoundError(absl::StrCat(
        "page ", id, " has no fold in --cv_models; train with this set"));
  }
  return models_[it->second].get();
}

absl::StatusOr<const extract::PageTypeClassifier*> CaseScorers::PageTypeForPage(
    const std::string& id) const {
  if (page_types_.empty()) return nullptr;
  auto it = page_type_fold_of_page_.find(id);
  if (it == page_type_fold_of_page_.end()) {
    return absl::NotFoundError(
        absl::StrCat("page ", id, " has no page-type fold in --cv_models"));
  }
  return page_types_[it->second].get();
}

}  // namespace declutter::bench
