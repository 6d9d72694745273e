#include "service/extract/score/builtin_models.h"

#include <memory>
#include <utility>

#include "service/extract/score/boosted_trees.h"
#include "service/extract/score/learned_scorer.h"
#include "service/extract/score/scoring_params.h"

// Defined by the sources CMake generates from models/*.json.
extern const char kDeclutterBlockModel[];
extern const unsigned long kDeclutterBlockModelSize;  // NOLINT(runtime/int)

namespace declutter::extract {

absl::string_view BuiltinBlockModelJson() {
  return absl::string_view(kDeclutterBlockModel, kDeclutterBlockModelSize);
}

absl::StatusOr<const BlockScorer*> BuiltinBlockScorer() {
  static const auto* const kScorer =
      LoadBuiltinModel<LearnedScorer>(BuiltinBlockModelJson(), kScoringParams);
  if (!kScorer->ok()) return kScorer->status();
  return kScorer->value().get();
}

}  // namespace declutter::extract
