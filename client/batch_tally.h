// A batch's counts: pages cleaned and failed (by status code), bytes, pages
// skipped (by reason) and retries, for the progress line on a terminal and the
// summary at the end.
//
// Thread-safe: the cleaning threads count while the progress thread reads.

#ifndef DECLUTTER_CLIENT_BATCH_TALLY_H_
#define DECLUTTER_CLIENT_BATCH_TALLY_H_

#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>

#include "absl/status/status.h"
#include "absl/time/time.h"

namespace declutter::client {

class BatchTally {
 public:
  // `total`: how many pages there will be, or -1 when unknown (no ETA then).
  // The clock starts now.
  explicit BatchTally(int64_t total) : total_(total), start_(absl::Now()) {}

  void Cleaned(int64_t bytes) {
    ++cleaned_;
    bytes_ += bytes;
  }
  void Failed(absl::StatusCode code, int64_t bytes);
  void Skipped(const std::string& reason);
  void Retried() { ++retries_; }
  int64_t failed() const { return failed_; }

  // "done[/total] pages, P pages/s, M MB/s, E errors[, ETA S s]".
  std::string Progress() const;

  // The closing lines: pages cleaned and failed, time, rates and retries, then
  // one line per skip reason and one per error code.
  std::string Summary() const;

 private:
  const int64_t total_;
  const absl::Time start_;
  std::atomic<int64_t> cleaned_{0}, failed_{0}, bytes_{0}, retries_{0};
  mutable std::mutex mu_;
  std::map<std::string, int64_t> skipped_;
  std::map<absl::StatusCode, int64_t> errors_;
};

}  // namespace declutter::client

#endif  // DECLUTTER_CLIENT_BATCH_TALLY_H_
