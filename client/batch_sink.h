// Where a batch's answers go: each is written to the output as one line and
// counted in the tally (cleaned, or failed by its error's code), by the local
// workers and the fleet's streams alike.
//
// A batch never goes on past a lost answer: the first write that fails (a full
// disk, a closed pipe, a file-size limit) is kept as failure(), and the sink
// stops the page queue, so no further page is handed out and every worker winds
// down. RunBatch then exits non-zero naming the output; pages in flight are
// simply not written, and --resume cleans them on the next run.
//
// Borrows the output, tally and queue, which must outlive it. Thread-safe.

#ifndef DECLUTTER_CLIENT_BATCH_SINK_H_
#define DECLUTTER_CLIENT_BATCH_SINK_H_

#include <atomic>
#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "client/batch_output.h"
#include "client/batch_tally.h"
#include "client/page_queue.h"
#include "proto/declutter/v1/declutter.pb.h"

namespace declutter::client {

class BatchSink {
 public:
  BatchSink(BatchOutput* output, BatchTally* tally, PageQueue* queue)
      : output_(output), tally_(tally), queue_(queue) {}

  // Writes `response` (its id the page's) as the answer for a page of `bytes`
  // bytes, and counts it. Once stopped, does nothing.
  void Answer(const v1::CleanResponse& response, int64_t bytes);

  // Answers page `id` with `status` as its error.
  void AnswerError(const std::string& id, const absl::Status& status,
                   int64_t bytes);

  // Counts a page sent again.
  void Retried() { tally_->Retried(); }

  // True once a write has failed.
  bool stopped() const { return stopped_.load(); }

  // OK, or the first failed write's error (naming the output), as the output
  // keeps it.
  absl::Status failure() const;

 private:
  BatchOutput* const output_;
  BatchTally* const tally_;
  PageQueue* const queue_;
  std::atomic<bool> stopped_{false};
};

}  // namespace declutter::client

#endif  // DECLUTTER_CLIENT_BATCH_SINK_H_
