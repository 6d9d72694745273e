// The engine's entry point: one raw page in, one clean article out. Each stage
// is a folder of service/extract, in this order:
//
//   decode/ (charset, ICU, input kind) -> html/ (pre-pass, Gumbo, blocks) or
//   text/ (lines into blocks) -> blocks/ (features) -> score/ (evidence,
//   scorer, labels)
//   -> select/ (main content) -> metadata/ (then the selection is finalised) ->
//   output/ (normalise and write)
//
// Deterministic and stateless per call; safe to call from many threads at once.
// All work and memory are bounded by the input's size.

#ifndef DECLUTTER_SERVICE_EXTRACT_CLEAN_H_
#define DECLUTTER_SERVICE_EXTRACT_CLEAN_H_

#include "absl/status/statusor.h"
#include "service/extract/page.h"
#include "service/extract/result.h"

namespace declutter::extract {

// INVALID_ARGUMENT when the bytes are not a page (empty, binary, an unknown
// charset that nothing else overrides); otherwise a Result, possibly with empty
// text when the page has no article.
absl::StatusOr<Result> Clean(const Page& page, const Options& options);

// Loads the models built into the engine (service/extract/models) now, instead
// of on the first page that needs them: a server calls it before it reports
// SERVING, so no caller's page pays the load and a bad model fails the start.
// Their load error, if any. Thread-safe; later calls return at once.
absl::Status LoadBuiltinModels();

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_CLEAN_H_
