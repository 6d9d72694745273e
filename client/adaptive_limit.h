// How many pages a batch keeps in flight against a fleet, adapted to what the
// fleet takes: additive increase, multiplicative decrease (as TCP does). Each
// answer that was not an overload refusal earns credit, and kWindowsPerStep
// full windows of credit raise the limit by one, up to the user's --concurrency
// (slowly, so probing past the fleet's capacity costs few refusals); a
// RESOURCE_EXHAUSTED answer cuts the limit by a quarter (at most once per
// `cooldown`, so one burst of refusals counts once). So asking for more
// concurrency than the servers have workers for costs refusals for a moment,
// not throughput for the whole run.
//
// Thread-safe.

#ifndef DECLUTTER_CLIENT_ADAPTIVE_LIMIT_H_
#define DECLUTTER_CLIENT_ADAPTIVE_LIMIT_H_

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace declutter::client {

class AdaptiveLimit {
 public:
  AdaptiveLimit(int max, absl::Duration cooldown = absl::Milliseconds(100))
      : max_(max < 1 ? 1 : max), cooldown_(cooldown), limit_(max_) {}

  // Takes a slot, waiting up to `timeout` for one; false when none came free.
  bool Acquire(absl::Duration timeout);
  // Gives a slot back; `overloaded` when its page was refused for capacity.
  void Release(bool overloaded);

  static constexpr int kWindowsPerStep = 8;

  int limit() const;
  int in_flight() const;

 private:
  const int max_;
  const absl::Duration cooldown_;
  mutable absl::Mutex mu_;
  int limit_ ABSL_GUARDED_BY(mu_);
  int in_flight_ ABSL_GUARDED_BY(mu_) = 0;
  int credit_ ABSL_GUARDED_BY(mu_) = 0;
  absl::Time last_cut_ ABSL_GUARDED_BY(mu_) = absl::InfinitePast();
};

}  // namespace declutter::client

#endif  // DECLUTTER_CLIENT_ADAPTIVE_LIMIT_H_
