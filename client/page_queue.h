// A bounded hand-off of pages from a batch's reading thread to its cleaning
// threads. Push() waits while the queue is full, Pop() while it is empty.
// Close() says no more pages will come: Pop() drains what is queued, then
// returns false. Stop() abandons the batch (its output failed): queued pages
// are dropped and Push() and Pop() return false at once, now and from then on.
//
// Thread-safe.

#ifndef DECLUTTER_CLIENT_PAGE_QUEUE_H_
#define DECLUTTER_CLIENT_PAGE_QUEUE_H_

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>

#include "client/page_source.h"

namespace declutter::client {

class PageQueue {
 public:
  explicit PageQueue(size_t capacity) : capacity_(capacity) {}

  // Queues `page`, waiting for room; false (the page dropped) once stopped.
  bool Push(SourcePage page);
  void Close();
  void Stop();
  // The next page; false once closed and empty, or stopped.
  bool Pop(SourcePage* page);

 private:
  const size_t capacity_;
  std::mutex mu_;
  std::condition_variable not_full_, not_empty_;
  std::deque<SourcePage> pages_;
  bool closed_ = false;
  bool stopped_ = false;
};

}  // namespace declutter::client

#endif  // DECLUTTER_CLIENT_PAGE_QUEUE_H_
