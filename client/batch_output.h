// The output of a batch: one JSON line per page (protobuf's proto3 JSON of
// CleanResponse), written as results arrive and flushed line by line, so a
// crash or Ctrl-C loses at most the pages in flight.
//
// With `resume`, the ids already in the file are read first, a last line cut by
// a crash is removed, and new lines are appended; Done(id) tells the batch what
// to skip. Lines whose error is retryable (UNAVAILABLE, RESOURCE_EXHAUSTED,
// DEADLINE_EXCEEDED: the page may clean next time) are removed and their pages
// are not done, unless `keep_errors`; the file is then rewritten line by line
// through a temporary file beside it, so each id keeps one line. Without it the
// file is replaced. "-" writes to standard output (no resume).
//
// A failed write (a full disk, a closed pipe, a file-size limit) is an error
// naming the output and why; the output stays failed, so no later line lands
// after a lost one. A line cut by the failure is removed by the next --resume.
//
// Write() is thread-safe; Done() may be called from any thread after Open().

#ifndef DECLUTTER_CLIENT_BATCH_OUTPUT_H_
#define DECLUTTER_CLIENT_BATCH_OUTPUT_H_

#include <cstddef>
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
      const std::string& path, bool resume, bool keep_errors = false);

  // True when `id` was in the file before this run.
  bool Done(const std::string& id) const { return done_.contains(id); }
  size_t resumed() const { return done_.size(); }

  ~BatchOutput();
  BatchOutput(const BatchOutput&) = delete;
  BatchOutput& operator=(const BatchOutput&) = delete;

  // Appends one line for `response`, written through to the file at once.
  // UNAVAILABLE naming the output and the system's reason when it cannot be
  // written, then and on every later call.
  absl::Status Write(const v1::CleanResponse& response);

  // OK, or the error every Write returns since the first failed one.
  absl::Status failure() const;

 private:
  BatchOutput() = default;

  std::string path_;
  absl::flat_hash_set<std::string>
      done_;  // written before Open returned; read-only after
  mutable absl::Mutex mu_;
  int fd_ = -1;  // standard output's, or a file's this output closes
  bool owns_fd_ = false;
  absl::Status failure_ ABSL_GUARDED_BY(mu_);
};

}  // namespace declutter::client

#endif  // DECLUTTER_CLIENT_BATCH_OUTPUT_H_
