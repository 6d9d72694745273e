// The output of a batch: one JSON line per page (protobuf's proto3 JSON of
// CleanResponse), written as results arrive and flushed line by line, so a
// crash or Ctrl-C loses at most the pages in flight.
//
// With `resume`, the ids already in the file are read first, a last line cut by
// a crash is removed, and new lines are appended; Done(id) tells the batch what
// to skip. Without it the file is replaced. "-" writes to standard output (no
// resume).
//
// Write() is thread-safe; Done() may be called from any thread after Open().

#ifndef DECLUTTER_CLIENT_BATCH_OUTPUT_H_
#define DECLUTTER_CLIENT_BATCH_OUTPUT_H_

#include <cstddef>
#include <fstream>
#include <memory>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "proto/declutter/v1/declutter.pb.h"

namespace declutter::client {

class BatchOutput {
 public:
  static absl::StatusOr<std::unique_ptr<BatchOutput>> Open(
      const std::string& path, bool resume);

  // True when `id` was in the file before this run.
  bool Done(const std::string& id) const { return done_.contains(id); }
  size_t resumed() const { return done_.size(); }

  // Appends one line for `response` and flushes it.
  absl::Status Write(const v1::CleanResponse& response);

 private:
  BatchOutput() = default;

  std::string path_;
  absl::flat_hash_set<std::string>
      done_;  // written before Open returned; read-only after
  absl::Mutex mu_;
  std::ofstream file_ ABSL_GUARDED_BY(mu_);
  bool to_stdout_ = false;
};

}  // namespace declutter::client

#endif  // DECLUTTER_CLIENT_BATCH_OUTPUT_H_
