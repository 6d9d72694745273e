#include "client/adaptive_limit.h"

#include "gtest/gtest.h"

namespace declutter::client {
namespace {

TEST(AdaptiveLimitTest, StartsAtTheMaximumAndBlocksPastIt) {
  AdaptiveLimit limit(3);
  EXPECT_EQ(limit.limit(), 3);
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(limit.Acquire(absl::Milliseconds(1)));
  EXPECT_FALSE(limit.Acquire(absl::Milliseconds(1)));
  limit.Release(false);
  EXPECT_TRUE(limit.Acquire(absl::Milliseconds(1)));
}

TEST(AdaptiveLimitTest, RefusalsCutOncePerCooldownAndSuccessesGrowBack) {
  AdaptiveLimit limit(8, absl::Hours(1));
  for (int i = 0; i < 4; ++i) ASSERT_TRUE(limit.Acquire(absl::Milliseconds(1)));
  limit.Release(true);
  EXPECT_EQ(limit.limit(), 6);  // cut by a quarter
  limit.Release(true);  // the same burst: no second cut within the cooldown
  EXPECT_EQ(limit.limit(), 6);
  // kWindowsPerStep full windows (of 6) of successes raise it by one.
  for (int i = 0; i < 6 * AdaptiveLimit::kWindowsPerStep - 1; ++i) {
    ASSERT_TRUE(limit.Acquire(absl::Milliseconds(1)));
    limit.Release(false);
  }
  EXPECT_EQ(limit.limit(), 6);
  {
    ASSERT_TRUE(limit.Acquire(absl::Milliseconds(1)));
    limit.Release(false);
  }
  EXPECT_EQ(limit.limit(), 7);
}

TEST(AdaptiveLimitTest, NeverBelowOneNorAboveTheMaximum) {
  AdaptiveLimit limit(2, absl::ZeroDuration());
  for (int i = 0; i < 10; ++i) {
    ASSERT_TRUE(limit.Acquire(absl::Milliseconds(1)));
    limit.Release(true);
  }
  EXPECT_EQ(limit.limit(), 1);
  for (int i = 0; i < 1000; ++i) {
    ASSERT_TRUE(limit.Acquire(absl::Milliseconds(1)));
    limit.Release(false);
  }
  EXPECT_EQ(limit.limit(), 2);
}

}  // namespace
}  // namespace declutter::client
