#include "service/extract/work_budget.h"

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"

namespace declutter::extract {

absl::Status WorkBudget::Check(absl::string_view stage) const {
  if (cancelled_ && cancelled_()) {  // cancellation is sticky: Expired() agrees
    return absl::CancelledError(absl::StrCat(
        "the call was cancelled; cleaning stopped before ", stage));
  }
  const absl::Time now = absl::Now();
  if (now >= deadline_ ||
      expired_) {  // Expired() saw it first; the clock may step back
    return absl::DeadlineExceededError(absl::StrCat(
        "the page's time ran out after ", absl::FormatDuration(now - start_),
        " (", limit_, "); cleaning stopped before ", stage,
        ": send a smaller page or allow more time"));
  }
  return absl::OkStatus();
}

bool WorkBudget::Expired() {
  if (expired_) return true;
  if (++steps_ % kStride != 0) return false;
  expired_ = (cancelled_ && cancelled_()) || absl::Now() >= deadline_;
  return expired_;
}

}  // namespace declutter::extract
