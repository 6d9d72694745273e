#include "client/adaptive_limit.h"

#include <algorithm>

#include "absl/time/clock.h"

namespace declutter::client {

bool AdaptiveLimit::Acquire(absl::Duration timeout) {
  absl::MutexLock lock(&mu_);
  auto free = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    return in_flight_ < limit_;
  };
  if (!mu_.AwaitWithTimeout(absl::Condition(&free), timeout)) return false;
  ++in_flight_;
  return true;
}

void AdaptiveLimit::Release(bool overloaded) {
  absl::MutexLock lock(&mu_);
  in_flight_ = std::max(0, in_flight_ - 1);
  if (overloaded) {
    const absl::Time now = absl::Now();
    if (now - last_cut_ >= cooldown_) {
      limit_ = std::max(1, limit_ - std::max(1, limit_ / 4));
      last_cut_ = now;
      credit_ = 0;
    }
    return;
  }
  if (++credit_ >= kWindowsPerStep * limit_) {
    credit_ = 0;
    limit_ = std::min(max_, limit_ + 1);
  }
}

int AdaptiveLimit::limit() const {
  absl::MutexLock lock(&mu_);
  return limit_;
}

int AdaptiveLimit::in_flight() const {
  absl::MutexLock lock(&mu_);
  return in_flight_;
}

}  // namespace declutter::client
