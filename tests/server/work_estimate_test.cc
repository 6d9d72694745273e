#include "service/server/work_estimate.h"

#include <vector>

#include "gtest/gtest.h"

namespace declutter::server {
namespace {

// Within 1 ms: the model's arithmetic is in doubles.
void ExpectNear(absl::Duration got, absl::Duration want) {
  EXPECT_LE(absl::AbsDuration(got - want), absl::Milliseconds(1))
      << got << " vs " << want;
}

PageCostModel Learned(double seconds_per_byte) {
  PageCostModel model;
  // Many pages at one speed: the moving average converges to it.
  for (int i = 0; i < 200; ++i) {
    model.Observe(1 << 20, PageCostModel::kPerPage +
                               absl::Seconds(seconds_per_byte * (1 << 20)));
  }
  return model;
}

TEST(WorkEstimateTest, LearnsTheCostPerByte) {
  const PageCostModel model = Learned(200e-9);  // 5 MB/s
  ExpectNear(model.Expected(25'000'000),
             PageCostModel::kPerPage + absl::Seconds(5));
  ExpectNear(model.Expected(0), PageCostModel::kPerPage);
}

TEST(WorkEstimateTest, SmallPagesTeachNothing) {
  PageCostModel model;
  model.Observe(100, absl::Seconds(1));  // a tiny page that was slow
  EXPECT_EQ(model.seconds_per_byte(), PageCostModel::kPriorSecondsPerByte);
}

// The case of issue 24: both workers busy for seconds on large pages, where a
// mean over recent (small) tasks said 20-40 ms.
TEST(WorkEstimateTest, BusyWorkersOnLargePagesGiveSeconds) {
  PageCostModel model = Learned(200e-9);
  for (int i = 0; i < 50; ++i) model.Observe(20'000, absl::Milliseconds(6));
  const std::vector<RunningPage> running = {{25'000'000, absl::Seconds(1)},
                                            {25'000'000, absl::Seconds(2)}};
  const absl::Duration wait = ExpectedWait(model, running, 0, 0, 2);
  EXPECT_GT(wait, absl::Seconds(2)) << wait;
  EXPECT_LT(wait, absl::Seconds(5)) << wait;
}

TEST(WorkEstimateTest, QueuedAndRunningWorkSpreadOverTheWorkers) {
  const PageCostModel model = Learned(100e-9);
  // Running: 10 MB (1 s) half done; queued: two pages of 10 MB (2 s).
  const std::vector<RunningPage> running = {
      {10'000'000, absl::Milliseconds(500)}};
  const absl::Duration per_page = PageCostModel::kPerPage;
  ExpectNear(
      ExpectedWait(model, running, 2, 20'000'000, 1),
      absl::Milliseconds(500) + per_page + 2 * per_page + absl::Seconds(2));
  ExpectNear(ExpectedWait(model, running, 2, 20'000'000, 2),
             (absl::Milliseconds(500) + 3 * per_page + absl::Seconds(2)) / 2);
}

TEST(WorkEstimateTest, APageOverItsEstimateStillCountsAsUnfinished) {
  const PageCostModel model = Learned(100e-9);
  const std::vector<RunningPage> running = {{1'000'000, absl::Seconds(30)}};
  EXPECT_EQ(ExpectedWait(model, running, 0, 0, 1), PageCostModel::kPerPage);
}

TEST(WorkEstimateTest, AnIdlePoolHasNoWait) {
  const PageCostModel model;
  EXPECT_EQ(ExpectedWait(model, {}, 0, 0, 4), absl::ZeroDuration());
}

}  // namespace
}  // namespace declutter::server
