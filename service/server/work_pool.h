// A fixed set of worker threads fed by a bounded queue. The gRPC server hands
// page cleaning to it so gRPC's own threads never run the engine, and a full
// queue is refused at once (the caller answers RESOURCE_EXHAUSTED) instead of
// growing without bound.
//
// Thread-safe. Shutdown() (also run by the destructor) lets queued tasks finish
// and joins the workers; TrySubmit fails after it.

#ifndef DECLUTTER_SERVICE_SERVER_WORK_POOL_H_
#define DECLUTTER_SERVICE_SERVER_WORK_POOL_H_

#include <cstddef>
#include <deque>
#include <functional>
#include <optional>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "service/server/work_estimate.h"

namespace declutter::server {

class WorkPool {
 public:
  // `threads` >= 1 workers; the pool holds at most `threads` + `max_queued`
  // tasks, running and waiting.
  WorkPool(int threads, size_t max_queued);
  ~WorkPool();
  WorkPool(const WorkPool&) = delete;
  WorkPool& operator=(const WorkPool&) = delete;

  // Queues `task`; false when the pool holds `threads` running plus
  // `max_queued` waiting tasks already, or is shut down. `then`, when given,
  // runs on the same worker once the task's place in the pool is free: a caller
  // answered from `then` who sends its next task on the answer finds room for
  // it, where an answer sent from inside `task` could arrive before the place
  // was given back. `bytes` is the size of the task's page: the estimates learn
  // from it.
  bool TrySubmit(std::function<void()> task,
                 std::function<void()> then = nullptr, size_t bytes = 0);

  // Tasks waiting (not yet running) now.
  size_t Queued() const;
  // Tasks running now.
  size_t Running() const;
  int threads() const { return static_cast<int>(thread_count_); }

  // How long the work now in the pool will likely take, spread over the
  // workers: the time left of the running pages and the time of the queued
  // ones, from their sizes and the cost per byte learned from finished pages
  // (work_estimate.h). The server's retry hint.
  absl::Duration ExpectedWait() const;

  // Call from the owning thread (the one that would destroy the pool).
  void Shutdown();

 private:
  void Work(size_t slot);

  const size_t max_queued_;
  size_t thread_count_ = 0;
  mutable absl::Mutex mu_;
  struct Task {
    std::function<void()> run;
    std::function<void()> then;
    size_t bytes = 0;
  };
  // What worker i runs now (slot i), if anything.
  struct RunningTask {
    size_t bytes = 0;
    absl::Time start;
  };
  std::deque<Task> queue_ ABSL_GUARDED_BY(mu_);
  size_t queued_bytes_ ABSL_GUARDED_BY(mu_) = 0;
  std::vector<std::optional<RunningTask>> running_slots_ ABSL_GUARDED_BY(mu_);
  size_t running_ ABSL_GUARDED_BY(mu_) = 0;
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  PageCostModel cost_ ABSL_GUARDED_BY(mu_);
  std::vector<std::thread> threads_;
};

}  // namespace declutter::server

#endif  // DECLUTTER_SERVICE_SERVER_WORK_POOL_H_
