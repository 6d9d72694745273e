#include "service/server/work_pool.h"

#include <atomic>

#include "absl/synchronization/notification.h"
#include "gtest/gtest.h"

namespace declutter::server {
namespace {

TEST(WorkPoolTest, RunsEveryAcceptedTask) {
  std::atomic<int> ran{0};
  {
    WorkPool pool(2, 100);
    for (int i = 0; i < 50; ++i) ASSERT_TRUE(pool.TrySubmit([&] { ++ran; }));
  }  // the destructor drains the queue
  EXPECT_EQ(ran.load(), 50);
}

TEST(WorkPoolTest, RefusesPastTheQueueBoundInsteadOfGrowing) {
  WorkPool pool(1, 2);
  absl::Notification release, started;
  ASSERT_TRUE(pool.TrySubmit([&] {
    started.Notify();
    release.WaitForNotification();
  }));
  started.WaitForNotification();  // the worker is busy; the queue is empty
  EXPECT_TRUE(pool.TrySubmit([] {}));
  EXPECT_TRUE(pool.TrySubmit([] {}));
  EXPECT_FALSE(pool.TrySubmit([] {}));
  EXPECT_EQ(pool.Running(), 1u);
  EXPECT_EQ(pool.Queued(), 2u);
  release.Notify();
}

TEST(WorkPoolTest, ThenRunsOnceTheTasksPlaceIsFree) {
  WorkPool pool(1, 0);  // room for one task, running
  absl::Notification release, answered;
  std::atomic<bool> next_accepted{false};
  ASSERT_TRUE(pool.TrySubmit([&] { release.WaitForNotification(); },
                             [&] {
                               // A client answered here sends its next call at
                               // once.
                               next_accepted = pool.TrySubmit([] {});
                               answered.Notify();
                             }));
  EXPECT_FALSE(pool.TrySubmit([] {}));  // full while the task runs
  release.Notify();
  answered.WaitForNotification();
  EXPECT_TRUE(next_accepted.load());
}

// The expected wait counts the bytes running and queued: one worker busy with
// a 10 MB page and another queued is seconds of work at the prior 100 ns a byte
// (the mean of recent task times said 40 ms).
TEST(WorkPoolTest, ExpectedWaitCountsTheBytesRunningAndQueued) {
  WorkPool pool(1, 4);
  EXPECT_EQ(pool.ExpectedWait(), absl::ZeroDuration());
  absl::Notification release, started;
  ASSERT_TRUE(pool.TrySubmit(
      [&] {
        started.Notify();
        release.WaitForNotification();
      },
      nullptr, 10'000'000));
  started.WaitForNotification();
  ASSERT_TRUE(pool.TrySubmit([] {}, nullptr, 10'000'000));
  const absl::Duration wait = pool.ExpectedWait();
  // 1 s for the queued page, up to 1 s left of the running one.
  EXPECT_GT(wait, absl::Seconds(1)) << wait;
  EXPECT_LT(wait, absl::Seconds(2.1)) << wait;
  release.Notify();
}

TEST(WorkPoolTest, RefusesAfterShutdown) {
  WorkPool pool(1, 4);
  pool.Shutdown();
  EXPECT_FALSE(pool.TrySubmit([] {}));
}

}  // namespace
}  // namespace declutter::server
