// How long the work in a WorkPool will take, from the size of each page: the
// server's retry hint. Engine time grows with page size (a 25 MB page takes
// seconds, a 20 KB one milliseconds), so a mean over recent tasks says little
// about the pages waiting now; a learned cost per byte, applied to the bytes
// queued and still to do in running pages, does.
//
// PageCostModel is a plain value, not thread-safe (WorkPool guards it with its
// mutex). ExpectedWait is a pure function.

#ifndef DECLUTTER_SERVICE_SERVER_WORK_ESTIMATE_H_
#define DECLUTTER_SERVICE_SERVER_WORK_ESTIMATE_H_

#include <cstddef>

#include "absl/time/time.h"
#include "absl/types/span.h"

namespace declutter::server {

class PageCostModel {
 public:
  // Learns from one finished page of `bytes` that took `took`. Pages under
  // kMinLearnedBytes teach nothing: their time is mostly the fixed cost.
  void Observe(size_t bytes, absl::Duration took);

  // The expected engine time of a page of `bytes`.
  absl::Duration Expected(size_t bytes) const;

  double seconds_per_byte() const { return seconds_per_byte_; }

  // Tuning, gathered here:
  // Fixed cost of any page (parsing set-up, metadata, language).
  static constexpr absl::Duration kPerPage = absl::Milliseconds(2);
  // Before any page is learned from: 100 ns a byte (10 MB/s), the order of the
  // engine's measured speed on large pages.
  static constexpr double kPriorSecondsPerByte = 100e-9;
  static constexpr size_t kMinLearnedBytes = 4096;
  // Weight of the newest page in the moving average (1/8: a change of page
  // mix shows within a few pages, one odd page moves it little).
  static constexpr double kNewestWeight = 1.0 / 8;

 private:
  double seconds_per_byte_ = kPriorSecondsPerByte;
};

// A page a worker is cleaning: its size and how long it has run.
struct RunningPage {
  size_t bytes = 0;
  absl::Duration elapsed;
};

// When the work now in the pool would be done, spread over `workers`: the
// expected time left of each running page (at least kPerPage: it has not
// finished yet) plus the expected time of the `queued_pages` waiting, which
// hold `queued_bytes` together, divided by the workers.
absl::Duration ExpectedWait(const PageCostModel& model,
                            absl::Span<const RunningPage> running,
                            size_t queued_pages, size_t queued_bytes,
                            int workers);

}  // namespace declutter::server

#endif  // DECLUTTER_SERVICE_SERVER_WORK_ESTIMATE_H_
