#include "client/page_queue.h"

#include <utility>

namespace declutter::client {

bool PageQueue::Push(SourcePage page) {
  std::unique_lock<std::mutex> lock(mu_);
  not_full_.wait(lock, [&] { return pages_.size() < capacity_ || stopped_; });
  if (stopped_) return false;
  pages_.push_back(std::move(page));
  not_empty_.notify_one();
  return true;
}

void PageQueue::Close() {
  std::lock_guard<std::mutex> lock(mu_);
  closed_ = true;
  not_empty_.notify_all();
}

void PageQueue::Stop() {
  std::lock_guard<std::mutex> lock(mu_);
  stopped_ = true;
  pages_.clear();
  not_empty_.notify_all();
  not_full_.notify_all();
}

bool PageQueue::Pop(SourcePage* page) {
  std::unique_lock<std::mutex> lock(mu_);
  not_empty_.wait(lock, [&] { return !pages_.empty() || closed_ || stopped_; });
  if (pages_.empty() || stopped_) return false;
  *page = std::move(pages_.front());
  pages_.pop_front();
  not_full_.notify_one();
  return true;
}

}  // namespace declutter::client
