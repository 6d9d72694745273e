#include "client/batch_tally.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"

namespace declutter::client {

void BatchTally::Failed(absl::StatusCode code, int64_t bytes) {
  ++failed_;
  bytes_ += bytes;
  std::lock_guard<std::mutex> lock(mu_);
  ++errors_[code];
}

void BatchTally::Skipped(const std::string& reason) {
  std::lock_guard<std::mutex> lock(mu_);
  ++skipped_[reason];
}

std::string BatchTally::Progress() const {
  const double seconds =
      std::max(1e-3, absl::ToDoubleSeconds(absl::Now() - start_));
  const int64_t done = cleaned_ + failed_;
  std::string line = absl::StrCat(done);
  if (total_ >= 0) absl::StrAppend(&line, "/", total_);
  absl::StrAppendFormat(&line, " pages, %.1f pages/s, %.1f MB/s, %d errors",
                        done / seconds, bytes_ / seconds / 1e6,
                        static_cast<int>(failed_));
  if (total_ > 0 && done > 0) {
    absl::StrAppendFormat(&line, ", ETA %.0f s",
                          (total_ - done) / (done / seconds));
  }
  return line;
}

std::string BatchTally::Summary() const {
  std::lock_guard<std::mutex> lock(mu_);
  const double seconds = absl::ToDoubleSeconds(absl::Now() - start_);
  std::string out = absl::StrFormat(
      "batch: %d pages cleaned, %d failed, in %.1f s (%.1f pages/s, %.1f "
      "MB/s); %d retries\n",
      static_cast<int>(cleaned_), static_cast<int>(failed_), seconds,
      (cleaned_ + failed_) / std::max(seconds, 1e-3),
      bytes_ / std::max(seconds, 1e-3) / 1e6, static_cast<int>(retries_));
  for (const auto& [reason, n] : skipped_)
    absl::StrAppend(&out, "batch: skipped ", n, " ", reason, "\n");
  for (const auto& [code, n] : errors_) {
    absl::StrAppend(&out, "batch: error ", absl::StatusCodeToString(code), ": ",
                    n, "\n");
  }
  return out;
}

}  // namespace declutter::client
