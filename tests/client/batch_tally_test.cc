#include "client/batch_tally.h"

#include <string>

#include "gtest/gtest.h"

namespace declutter::client {
namespace {

TEST(BatchTallyTest, CountsPagesSkipsErrorsAndRetries) {
  BatchTally tally(10);
  tally.Cleaned(1000);
  tally.Cleaned(2000);
  tally.Failed(absl::StatusCode::kInvalidArgument, 10);
  tally.Failed(absl::StatusCode::kInvalidArgument, 0);
  tally.Failed(absl::StatusCode::kUnavailable, 0);
  tally.Skipped("not-html");
  tally.Skipped("not-html");
  tally.Skipped("status-404");
  tally.Retried();
  EXPECT_EQ(tally.failed(), 3);

  const std::string progress = tally.Progress();
  EXPECT_EQ(progress.rfind("5/10 pages, ", 0), 0u) << progress;
  EXPECT_NE(progress.find(", 3 errors, ETA "), std::string::npos) << progress;

  const std::string summary = tally.Summary();
  EXPECT_EQ(summary.rfind("batch: 2 pages cleaned, 3 failed, in ", 0), 0u)
      << summary;
  EXPECT_NE(summary.find("; 1 retries\n"), std::string::npos) << summary;
  EXPECT_NE(summary.find("batch: skipped 2 not-html\n"), std::string::npos);
  EXPECT_NE(summary.find("batch: skipped 1 status-404\n"), std::string::npos);
  EXPECT_NE(summary.find("batch: error INVALID_ARGUMENT: 2\n"),
            std::string::npos);
  EXPECT_NE(summary.find("batch: error UNAVAILABLE: 1\n"), std::string::npos);
}

TEST(BatchTallyTest, UnknownTotalHasNoEta) {
  BatchTally tally(-1);
  tally.Cleaned(1);
  const std::string progress = tally.Progress();
  EXPECT_EQ(progress.rfind("1 pages, ", 0), 0u) << progress;
  EXPECT_EQ(progress.find("ETA"), std::string::npos) << progress;
}

}  // namespace
}  // namespace declutter::client
