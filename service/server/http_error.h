// How the HTTP/JSON port answers a page that was not cleaned: gRPC's status
// codes mapped to HTTP's the usual way (google.rpc.Code's own table), a size
// refusal as 413 and an overload refusal as 429 with Retry-After, and the body
// {"code": "<gRPC code name>", "message": "...", "retryAfterMs": N}
// (retryAfterMs only on 429).
//
// Pure functions; thread-safe.

#ifndef DECLUTTER_SERVICE_SERVER_HTTP_ERROR_H_
#define DECLUTTER_SERVICE_SERVER_HTTP_ERROR_H_

#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "service/server/page_calls.h"

namespace declutter::server {

// The HTTP status of a call that ended with `code`:
//   OK 200, INVALID_ARGUMENT / FAILED_PRECONDITION / OUT_OF_RANGE 400,
//   UNAUTHENTICATED 401, PERMISSION_DENIED 403, NOT_FOUND 404,
//   ALREADY_EXISTS / ABORTED 409, RESOURCE_EXHAUSTED 429, CANCELLED 499,
//   UNIMPLEMENTED 501, UNAVAILABLE 503, DEADLINE_EXCEEDED 504,
//   UNKNOWN / INTERNAL / DATA_LOSS and anything else 500.
int HttpStatusOf(absl::StatusCode code);

// The HTTP status of `outcome`: 413 for a page over the size limit (whose
// gRPC code is INVALID_ARGUMENT), else HttpStatusOf its code.
int HttpStatusOf(const PageOutcome& outcome);

// Retry-After's value for a hint of `retry_after_ms`: whole seconds, rounded
// up, at least 1.
int64_t RetryAfterSeconds(int64_t retry_after_ms);

// The error body for `status` (not OK); `retry_after_ms` > 0 adds
// "retryAfterMs".
std::string ErrorJson(const absl::Status& status, int64_t retry_after_ms = 0);

}  // namespace declutter::server

#endif  // DECLUTTER_SERVICE_SERVER_HTTP_ERROR_H_
