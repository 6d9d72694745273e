#include "service/server/work_estimate.h"

#include <algorithm>

namespace declutter::server {

void PageCostModel::Observe(size_t bytes, absl::Duration took) {
  if (bytes < kMinLearnedBytes) return;
  const double variable = std::max(0.0, absl::ToDoubleSeconds(took - kPerPage));
  const double per_byte = variable / static_cast<double>(bytes);
  seconds_per_byte_ += (per_byte - seconds_per_byte_) * kNewestWeight;
}

absl::Duration PageCostModel::Expected(size_t bytes) const {
  return kPerPage +
         absl::Seconds(seconds_per_byte_ * static_cast<double>(bytes));
}

absl::Duration ExpectedWait(const PageCostModel& model,
                            absl::Span<const RunningPage> running,
                            size_t queued_pages, size_t queued_bytes,
                            int workers) {
  absl::Duration left;
  for (const RunningPage& page : running) {
    left += std::max(model.Expected(page.bytes) - page.elapsed,
                     PageCostModel::kPerPage);
  }
  left += PageCostModel::kPerPage * static_cast<double>(queued_pages) +
          absl::Seconds(model.seconds_per_byte() *
                        static_cast<double>(queued_bytes));
  return left / std::max(1, workers);
}

}  // namespace declutter::server
