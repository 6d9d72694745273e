// A fixed set of worker threads fed by a bounded queue. The gRPC server hands page
// cleaning to it so gRPC's own threads never run the engine, and a full queue is
// refused at once (the caller answers RESOURCE_EXHAUSTED) instead of growing without
// bound.
//
// Thread-safe. Shutdown() (also run by the destructor) lets queued tasks finish and
// joins the workers; TrySubmit fails after it.

#ifndef DECLUTTER_SERVICE_SERVER_WORK_POOL_H_
#define DECLUTTER_SERVICE_SERVER_WORK_POOL_H_

#include <cstddef>
#include <deque>
#include <functional>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace declutter::server {

class WorkPool {
 public:
  // `threads` >= 1 workers; the pool holds at most `threads` + `max_queued` tasks,
  // running and waiting.
  WorkPool(int threads, size_t max_queued);
  ~WorkPool();
  WorkPool(const WorkPool&) = delete;
  WorkPool& operator=(const WorkPool&) = delete;

  // Queues `task`; false when the pool holds `threads` running plus `max_queued`
  // waiting tasks already, or is shut down. `then`, when given, runs on the same
  // worker once the task's place in the pool is free: a caller answered from
  // `then` who sends its next task on the answer finds room for it, where an
  // answer sent from inside `task` could arrive before the place was given back.
  bool TrySubmit(std::function<void()> task, std::function<void()> then = nullptr);

  // Tasks waiting (not yet running) now.
  size_t Queued() const;
  // Tasks running now.
  size_t Running() const;
  int threads() const { return static_cast<int>(thread_count_); }

  // How long until a task submitted now would likely start: the queued tasks times the
  // recent mean task time, spread over the workers. The server's retry hint.
  absl::Duration ExpectedWait() const;

  // Call from the owning thread (the one that would destroy the pool).
  void Shutdown();

 private:
  void Work();

  const size_t max_queued_;
  size_t thread_count_ = 0;
  mutable absl::Mutex mu_;
  struct Task {
    std::function<void()> run;
    std::function<void()> then;
  };
  std::deque<Task> queue_ ABSL_GUARDED_BY(mu_);
  size_t running_ ABSL_GUARDED_BY(mu_) = 0;
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  // Exponentially weighted mean of task run time (1/16 weight to the newest).
  absl::Duration mean_task_ ABSL_GUARDED_BY(mu_) = absl::Milliseconds(20);
  std::vector<std::thread> threads_;
};

}  // namespace declutter::server

#endif  // DECLUTTER_SERVICE_SERVER_WORK_POOL_H_
