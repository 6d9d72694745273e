// Everything the engine returned for a page except how long it took, as one
// string, so two runs can be compared for equality and their first difference
// shown.

#ifndef DECLUTTER_BENCH_SPEED_RESULT_DIGEST_H_
#define DECLUTTER_BENCH_SPEED_RESULT_DIGEST_H_

#include <string>

#include "absl/status/statusor.h"
#include "service/extract/result.h"

namespace declutter::bench {

// The status when not OK; otherwise the article, its metadata and sources, the
// removed blocks and counts, and the input facts, one field per line.
std::string ResultDigest(const absl::StatusOr<extract::Result>& result);

}  // namespace declutter::bench

#endif  // DECLUTTER_BENCH_SPEED_RESULT_DIGEST_H_
