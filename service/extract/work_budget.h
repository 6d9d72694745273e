// How long one page may take, and whether its caller still wants the answer.
//
// The engine checks its budget between stages and, through Expired(), inside
// its long loops, so a page that would run past the caller's deadline, or whose
// call was cancelled, stops early with DEADLINE_EXCEEDED or CANCELLED instead
// of holding a worker. Gumbo's parse is one call that cannot be interrupted;
// its time is linear in the page (MarkupLimiter removes its depth-times-tags
// case) and the page's size is bounded by the caller.
//
// A budget belongs to one call on one thread. `cancelled` may be polled from
// that thread while another thread sets what it reads, so it must be
// thread-safe.

#ifndef DECLUTTER_SERVICE_EXTRACT_WORK_BUDGET_H_
#define DECLUTTER_SERVICE_EXTRACT_WORK_BUDGET_H_

#include <cstdint>
#include <functional>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace declutter::extract {

class WorkBudget {
 public:
  // No deadline, never cancelled.
  WorkBudget() = default;
  // Expires at `deadline` (InfiniteFuture: never) or when `cancelled` (may be
  // empty) returns true. `limit` names what set the deadline, for the error
  // ("--timeout 2s"); the caller keeps it alive as long as the budget.
  WorkBudget(absl::Time deadline, std::function<bool()> cancelled,
             absl::string_view limit = "the page's deadline")
      : deadline_(deadline), cancelled_(std::move(cancelled)), limit_(limit) {}

  // OK while time is left and the call is wanted; otherwise DEADLINE_EXCEEDED
  // or CANCELLED, naming `stage` (the stage about to start) and how long the
  // page ran.
  absl::Status Check(absl::string_view stage) const;

  // For loops: true once Check() would fail. Reads the clock and polls
  // `cancelled` only every kStride calls, so it costs a counter increment per
  // step.
  bool Expired();

  static constexpr uint32_t kStride = 1024;

 private:
  absl::Time start_ = absl::Now();
  absl::Time deadline_ = absl::InfiniteFuture();
  std::function<bool()> cancelled_;
  absl::string_view limit_ = "no limit";
  uint32_t steps_ = 0;
  bool expired_ = false;
};

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_WORK_BUDGET_H_
