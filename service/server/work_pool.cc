#include "service/server/work_pool.h"

#include <algorithm>

#include "absl/time/clock.h"

namespace declutter::server {

WorkPool::WorkPool(int threads, size_t max_queued) : max_queued_(max_queued) {
  threads = std::max(1, threads);
  thread_count_ = static_cast<size_t>(threads);
  {
    absl::MutexLock lock(&mu_);
    running_slots_.resize(thread_count_);
  }
  threads_.reserve(threads);
  for (size_t i = 0; i < thread_count_; ++i) {
    threads_.emplace_back([this, i] { Work(i); });
  }
}

WorkPool::~WorkPool() { Shutdown(); }

bool WorkPool::TrySubmit(std::function<void()> task, std::function<void()> then,
                         size_t bytes) {
  absl::MutexLock lock(&mu_);
  // Counting the running tasks too (not only the queue) admits a task the
  // moment a worker finishes one, before that worker has taken the next from
  // the queue.
  if (stopping_ || queue_.size() + running_ >= max_queued_ + thread_count_)
    return false;
  queue_.push_back({std::move(task), std::move(then), bytes});
  queued_bytes_ += bytes;
  return true;
}

size_t WorkPool::Queued() const {
  absl::MutexLock lock(&mu_);
  return queue_.size();
}

size_t WorkPool::Running() const {
  absl::MutexLock lock(&mu_);
  return running_;
}

absl::Duration WorkPool::ExpectedWait() const {
  const absl::Time now = absl::Now();
  absl::MutexLock lock(&mu_);
  std::vector<RunningPage> running;
  for (const std::optional<RunningTask>& slot : running_slots_) {
    if (slot) running.push_back({slot->bytes, now - slot->start});
  }
  return declutter::server::ExpectedWait(cost_, running, queue_.size(),
                                         queued_bytes_,
                                         static_cast<int>(thread_count_));
}

void WorkPool::Shutdown() {
  {
    absl::MutexLock lock(&mu_);
    stopping_ = true;
  }
  // Workers drain the queue, then exit. A second call finds nothing left to
  // join.
  for (std::thread& t : threads_) {
    if (t.joinable()) t.join();
  }
  threads_.clear();
}

void WorkPool::Work(size_t slot) {
  while (true) {
    Task task;
    {
      absl::MutexLock lock(&mu_);
      auto ready = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
        return stopping_ || !queue_.empty();
      };
      mu_.Await(absl::Condition(&ready));
      if (queue_.empty()) return;  // stopping, and nothing left to drain
      task = std::move(queue_.front());
      queue_.pop_front();
      queued_bytes_ -= task.bytes;
      ++running_;
      running_slots_[slot] = RunningTask{task.bytes, absl::Now()};
    }
    const absl::Time start = absl::Now();
    task.run();
    const absl::Duration took = absl::Now() - start;
    {
      absl::MutexLock lock(&mu_);
      --running_;
      running_slots_[slot].reset();
      cost_.Observe(task.bytes, took);
    }
    if (task.then) task.then();
  }
}

}  // namespace declutter::server
