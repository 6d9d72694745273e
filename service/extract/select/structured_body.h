// When the visible selection is thin, the page's structured data may hold the
// text a script would have rendered (JSON-LD articleBody, a Product
// description).
//
// AddStructuredBody appends `structured_body`, plain text split at line breaks,
// as selected paragraphs when it is substantial, clearly longer than the
// selection and mostly not in it. A page's description is not used so: a page
// with no main content (a login wall) must come back empty. Blocks added have
// node -1 and their features computed. Linear in the body and the selection.
// Stateless; thread-safe.

#ifndef DECLUTTER_SERVICE_EXTRACT_SELECT_STRUCTURED_BODY_H_
#define DECLUTTER_SERVICE_EXTRACT_SELECT_STRUCTURED_BODY_H_

#include "absl/strings/string_view.h"
#include "service/extract/blocks/block.h"
#include "service/extract/score/scoring_params.h"

namespace declutter::extract {

// Whether a structured body of `body_chars` code points could be added to
// `blocks`: long enough and clearly longer than the selection. Cheap; decides
// before the body is read as HTML.
bool MayAddStructuredBody(const ScoringParams& params, int64_t body_chars,
                          const BlockList& blocks);

void AddStructuredBody(const ScoringParams& params,
                       absl::string_view structured_body, BlockList* blocks);

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_SELECT_STRUCTURED_BODY_H_
