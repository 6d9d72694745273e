// The last edits to the selection, made once metadata is known: the page's
// title repeated as the first selected heading is metadata, not text; and a
// thin selection may be completed from the page's structured data
// (structured_body).
//
// A structured body often carries HTML (tags, entities): it is read as HTML,
// one line per block, only when its raw length shows it could be used, and
// under `budget`. Stateless; thread-safe.

#ifndef DECLUTTER_SERVICE_EXTRACT_SELECT_SELECTION_FINALISER_H_
#define DECLUTTER_SERVICE_EXTRACT_SELECT_SELECTION_FINALISER_H_

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "service/extract/blocks/block.h"
#include "service/extract/score/scoring_params.h"
#include "service/extract/work_budget.h"

namespace declutter::extract {

// Leaves out the first selected block when it is a heading equal to `title`.
void DropTitleHeading(absl::string_view title, BlockList* blocks);

// Adds `structured_body` (JSON-LD articleBody, maybe HTML) through
// AddStructuredBody. DEADLINE_EXCEEDED or CANCELLED from `budget` (never null)
// before reading it as HTML.
absl::Status AddStructuredBodyText(const ScoringParams& params,
                                   absl::string_view structured_body,
                                   WorkBudget* budget, BlockList* blocks);

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_SELECT_SELECTION_FINALISER_H_
