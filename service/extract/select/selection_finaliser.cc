#include "service/extract/select/selection_finaliser.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "service/extract/html/html_block_builder.h"
#include "service/extract/score/block_labeller.h"
#include "service/extract/select/structured_body.h"
#include "service/extract/strings/utf8.h"

namespace declutter::extract {

void DropTitleHeading(absl::string_view title, BlockList* blocks) {
  if (title.empty()) return;
  for (Block& b : *blocks) {
    if (!b.selected) continue;
    if (b.role == BlockRole::kHeading && b.text == title) {
      LeaveOutAsMetadata("the article title", &b);
    }
    return;  // only the first selected block can be the title
  }
}

absl::Status AddStructuredBodyText(const ScoringParams& params,
                                   absl::string_view structured_body,
                                   WorkBudget* budget, BlockList* blocks) {
  if (structured_body.find_first_of("<&") == absl::string_view::npos) {
    AddStructuredBody(params, structured_body, blocks);
    return absl::OkStatus();
  }
  // Read as HTML, the body only loses code points (tags, entities): when its
  // raw length already rules it out, it is not parsed.
  if (!MayAddStructuredBody(params, CountCodePoints(structured_body),
                            *blocks)) {
    return absl::OkStatus();
  }
  if (absl::Status s = budget->Check("reading the structured body"); !s.ok())
    return s;
  const HtmlDocument body = HtmlBlockBuilder::Build(structured_body, budget);
  // A walk the budget stopped is partial: fail rather than add part of the
  // body.
  if (absl::Status s = budget->Check("adding the structured body"); !s.ok())
    return s;
  std::string text;
  for (const Block& b : body.blocks)
    absl::StrAppend(&text, text.empty() ? "" : "\n", b.text);
  AddStructuredBody(params, text, blocks);
  return absl::OkStatus();
}

}  // namespace declutter::extract
