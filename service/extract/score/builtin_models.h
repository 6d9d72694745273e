// The trained models the engine is built with: the files of
// service/extract/models/ (trained by train/train.sh), compiled into the
// binary as bytes (models/embed_model.cmake) so that no binary needs a data
// path, and loaded on first use.
//
// Thread-safe: the first call loads (once, under C++'s static-init lock);
// every call returns the same immutable object, owned by the process.

#ifndef DECLUTTER_SERVICE_EXTRACT_SCORE_BUILTIN_MODELS_H_
#define DECLUTTER_SERVICE_EXTRACT_SCORE_BUILTIN_MODELS_H_

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "service/extract/score/block_scorer.h"

namespace declutter::extract {

// The learned scorer over models/block_model.json; the load error when the
// built-in model does not load (a build from a bad model file).
absl::StatusOr<const BlockScorer*> BuiltinBlockScorer();

// The bytes of models/block_model.json, as built in.
absl::string_view BuiltinBlockModelJson();

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_SCORE_BUILTIN_MODELS_H_
