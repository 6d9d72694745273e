// The metadata metric of ../shared/data/README.md, field by field, for
// wcxb-dev's ground truth (title, author, publish_date).
//
//   title:  equal after NFKC with case folding, whitespace runs folded to one
//   space,
//           and quotes and separators trimmed from both ends.
//   date:   the YYYY-MM-DD parts equal.
//   author: every name of the truth appears in the predicted authors. The truth
//   is
//           one string ("A, B and C", "A & B"); its names are the pieces
//           between commas, semicolons, "&" and " and ". A name appears when
//           its folded form is a substring of the predicted authors, folded and
//           joined with ", ".
// A field is scored only on pages whose truth has it; an empty prediction is a
// miss. Stateless; thread-safe.

#ifndef DECLUTTER_BENCH_QUALITY_METADATA_METRIC_H_
#define DECLUTTER_BENCH_QUALITY_METADATA_METRIC_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace declutter::bench {

// NFKC case-folded, whitespace folded, quotes and separators trimmed at the
// ends.
std::string FoldTitle(absl::string_view title);

bool TitleMatches(absl::string_view truth, absl::string_view predicted);
bool DateMatches(absl::string_view truth, absl::string_view predicted);
bool AuthorsMatch(absl::string_view truth,
                  const std::vector<std::string>& predicted);

// The Chinese metadata metric (gne-zh, magic-html zh): editor and source equal
// after NFKC, case and whitespace folding; authors: every name of the truth
// equal, so folded, to one of the predicted names.
bool FoldedEqual(absl::string_view truth, absl::string_view predicted);
bool NamesAmong(const std::vector<std::string>& truth,
                const std::vector<std::string>& predicted);

}  // namespace declutter::bench

#endif  // DECLUTTER_BENCH_QUALITY_METADATA_METRIC_H_
