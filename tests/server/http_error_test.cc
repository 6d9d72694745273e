#include "service/server/http_error.h"

#include <nlohmann/json.hpp>

#include "gtest/gtest.h"

namespace declutter::server {
namespace {

TEST(HttpErrorTest, GrpcCodesMapToHttpStatuses) {
  EXPECT_EQ(HttpStatusOf(absl::StatusCode::kOk), 200);
  EXPECT_EQ(HttpStatusOf(absl::StatusCode::kInvalidArgument), 400);
  EXPECT_EQ(HttpStatusOf(absl::StatusCode::kFailedPrecondition), 400);
  EXPECT_EQ(HttpStatusOf(absl::StatusCode::kOutOfRange), 400);
  EXPECT_EQ(HttpStatusOf(absl::StatusCode::kUnauthenticated), 401);
  EXPECT_EQ(HttpStatusOf(absl::StatusCode::kPermissionDenied), 403);
  EXPECT_EQ(HttpStatusOf(absl::StatusCode::kNotFound), 404);
  EXPECT_EQ(HttpStatusOf(absl::StatusCode::kAlreadyExists), 409);
  EXPECT_EQ(HttpStatusOf(absl::StatusCode::kAborted), 409);
  EXPECT_EQ(HttpStatusOf(absl::StatusCode::kResourceExhausted), 429);
  EXPECT_EQ(HttpStatusOf(absl::StatusCode::kCancelled), 499);
  EXPECT_EQ(HttpStatusOf(absl::StatusCode::kUnimplemented), 501);
  EXPECT_EQ(HttpStatusOf(absl::StatusCode::kUnavailable), 503);
  EXPECT_EQ(HttpStatusOf(absl::StatusCode::kDeadlineExceeded), 504);
  EXPECT_EQ(HttpStatusOf(absl::StatusCode::kInternal), 500);
  EXPECT_EQ(HttpStatusOf(absl::StatusCode::kUnknown), 500);
  EXPECT_EQ(HttpStatusOf(absl::StatusCode::kDataLoss), 500);
}

TEST(HttpErrorTest, APageOverTheLimitIs413) {
  const absl::Status big = absl::InvalidArgumentError("page is too big");
  EXPECT_EQ(HttpStatusOf(PageOutcome{big, Refusal::kTooLarge, 0}), 413);
  // The same code without the refusal is a plain bad request.
  EXPECT_EQ(HttpStatusOf(PageOutcome{big, Refusal::kNone, 0}), 400);
  EXPECT_EQ(HttpStatusOf(PageOutcome{absl::ResourceExhaustedError("full"),
                                     Refusal::kOverloaded, 40}),
            429);
}

TEST(HttpErrorTest, RetryAfterIsWholeSecondsRoundedUp) {
  EXPECT_EQ(RetryAfterSeconds(0), 1);
  EXPECT_EQ(RetryAfterSeconds(10), 1);
  EXPECT_EQ(RetryAfterSeconds(1000), 1);
  EXPECT_EQ(RetryAfterSeconds(1001), 2);
  EXPECT_EQ(RetryAfterSeconds(2500), 3);
}

TEST(HttpErrorTest, ErrorBodyNamesTheCode) {
  const nlohmann::json body = nlohmann::json::parse(
      ErrorJson(absl::DeadlineExceededError("stopped \"late\"\n")));
  EXPECT_EQ(body, nlohmann::json({{"code", "DEADLINE_EXCEEDED"},
                                  {"message", "stopped \"late\"\n"}}));
  const nlohmann::json busy =
      nlohmann::json::parse(ErrorJson(absl::ResourceExhaustedError("x"), 250));
  EXPECT_EQ(busy.value("retryAfterMs", 0), 250);
  EXPECT_EQ(busy.value("code", ""), "RESOURCE_EXHAUSTED");
  // Bytes that are not UTF-8 cannot break the JSON.
  EXPECT_TRUE(nlohmann::json::accept(
      ErrorJson(absl::InvalidArgumentError("bad \xff byte"))));
}

}  // namespace
}  // namespace declutter::server
