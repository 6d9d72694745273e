#include "service/server/http_error.h"

#include <nlohmann/json.hpp>

namespace declutter::server {

int HttpStatusOf(absl::StatusCode code) {
  switch (code) {
    case absl::StatusCode::kOk:
      return 200;
    case absl::StatusCode::kInvalidArgument:
    case absl::StatusCode::kFailedPrecondition:
    case absl::StatusCode::kOutOfRange:
      return 400;
    case absl::StatusCode::kUnauthenticated:
      return 401;
    case absl::StatusCode::kPermissionDenied:
      return 403;
    case absl::StatusCode::kNotFound:
      return 404;
    case absl::StatusCode::kAlreadyExists:
    case absl::StatusCode::kAborted:
      return 409;
    case absl::StatusCode::kResourceExhausted:
      return 429;
    case absl::StatusCode::kCancelled:
      return 499;  // client closed the request (nginx's, and google.rpc's)
    case absl::StatusCode::kUnimplemented:
      return 501;
    case absl::StatusCode::kUnavailable:
      return 503;
    case absl::StatusCode::kDeadlineExceeded:
      return 504;
    default:
      return 500;
  }
}

int HttpStatusOf(const PageOutcome& outcome) {
  if (outcome.refusal == Refusal::kTooLarge) return 413;
  return HttpStatusOf(outcome.status.code());
}

int64_t RetryAfterSeconds(int64_t retry_after_ms) {
  if (retry_after_ms <= 1000) return 1;
  return (retry_after_ms + 999) / 1000;
}

std::string ErrorJson(const absl::Status& status, int64_t retry_after_ms) {
  nlohmann::json body = {{"code", absl::StatusCodeToString(status.code())},
                         {"message", std::string(status.message())}};
  if (retry_after_ms > 0) body["retryAfterMs"] = retry_after_ms;
  // Invalid UTF-8 in a message (a page's bytes quoted in it) becomes U+FFFD
  // rather than an exception.
  return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace declutter::server
