// What every transport does with a page, in one place: the gRPC methods
// (declutter_service) and the HTTP/JSON port (http_api) call it, so the size
// limit, the overload refusal and its retry hint, the per-page budget, the
// metrics and the log line are the same whichever way a page arrives.
//
// Engine work runs on a WorkPool, never on a transport's threads. A page over
// --max_page_bytes is refused with INVALID_ARGUMENT naming the limit and the
// size; a full pool refuses with RESOURCE_EXHAUSTED at once, with a retry hint.
// Each page runs under a WorkBudget: the call's deadline or the per-page
// budget, whichever is sooner, and the call's cancellation, so a page nobody
// waits for stops at the next check. Every page (and every refusal) is counted
// in `metrics` and written as one JSON line to `log` when they are given.
//
// Thread-safe. The pool, metrics and log must outlive the PageCalls.

#ifndef DECLUTTER_SERVICE_SERVER_PAGE_CALLS_H_
#define DECLUTTER_SERVICE_SERVER_PAGE_CALLS_H_

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "proto/declutter/v1/declutter.pb.h"
#include "service/server/json_log.h"
#include "service/server/metrics.h"
#include "service/server/work_pool.h"

namespace declutter::server {

struct ServiceLimits {
  size_t max_page_bytes = 32u << 20;
  int stream_max_in_flight = 8;
  // Engine time one page may take, from the moment a worker starts it.
  absl::Duration page_budget = absl::Seconds(10);
};

// Why a page was refused before any engine work, for transports whose answer
// depends on it (HTTP: 413, 429).
enum class Refusal {
  kNone,        // admitted (the status is the engine's)
  kTooLarge,    // over --max_page_bytes (INVALID_ARGUMENT)
  kOverloaded,  // the pool is full (RESOURCE_EXHAUSTED, retry_after_ms set)
};

// How one unary page call ended.
struct PageOutcome {
  absl::Status status;
  Refusal refusal = Refusal::kNone;
  int64_t retry_after_ms = 0;  // kOverloaded only
};

// One unary page call, whatever its transport. The pointers are borrowed and
// must stay valid until `done` has been called.
struct PageCall {
  // The metric and log label of the method: "Clean", "HttpClean", ... A
  // string with static storage (a literal).
  absl::string_view method;
  const v1::CleanRequest* request = nullptr;
  v1::CleanResponse* response = nullptr;
  // The request id when the request has none (x-request-id); may be empty.
  std::string fallback_id;
  absl::Time deadline = absl::InfiniteFuture();
  // True once nobody waits for the answer; may be empty.
  std::function<bool()> cancelled;
};

class PageCalls {
 public:
  // `metrics` and `log` may be null.
  PageCalls(WorkPool* pool, ServiceLimits limits, Metrics* metrics = nullptr,
            JsonLog* log = nullptr);
  PageCalls(const PageCalls&) = delete;
  PageCalls& operator=(const PageCalls&) = delete;

  // Declares the page metric families in `metrics` (once per registry), with
  // the pool's queue depth and running count as gauges.
  static void DeclareMetrics(Metrics* metrics, const WorkPool* pool);

  // A whole unary call: the size check, the pool's admission (or the overload
  // refusal), the run, the metric and the log line. `done` is called exactly
  // once: on this thread when the page is refused, else from the pool once
  // the page's place in it is free (so a client that sends its next page on
  // the answer is not refused for its own last one).
  void Clean(PageCall call, std::function<void(const PageOutcome&)> done);

  // The parts, for calls whose items are answered one by one (CleanStream).
  //
  // INVALID_ARGUMENT naming the limit and the size when a page of `bytes` is
  // over --max_page_bytes.
  absl::Status CheckSize(size_t bytes) const;
  absl::Status CheckSize(const v1::CleanRequest& request) const {
    return CheckSize(request.content().size());
  }
  // The retry hint (the pool's expected wait, at least 10 ms), computed once
  // per refusal so the message and the hint agree.
  int64_t RetryAfterMillis() const;
  absl::Status Overloaded(int64_t retry_ms) const;
  // Cleans on the calling thread (a pool worker) under the page budget.
  absl::Status Run(const v1::CleanRequest& request, absl::Time deadline,
                   std::function<bool()> cancelled,
                   v1::CleanResponse* response) const;
  // Counts and logs one finished page (or refusal) of `method`. `response`
  // may be null.
  void Record(absl::string_view method, absl::string_view request_id,
              absl::Time start, const absl::Status& status,
              const v1::CleanRequest& request,
              const v1::CleanResponse* response);
  // The id a log line names: the request's id, else `fallback` (metadata), else
  // a server-made "req-N".
  std::string RequestId(const v1::CleanRequest& request,
                        absl::string_view fallback);

  WorkPool* pool() const { return pool_; }
  const ServiceLimits& limits() const { return limits_; }

 private:
  WorkPool* const pool_;
  const ServiceLimits limits_;
  Metrics* const metrics_;
  JsonLog* const log_;
  std::atomic<uint64_t> next_id_{1};
};

}  // namespace declutter::server

#endif  // DECLUTTER_SERVICE_SERVER_PAGE_CALLS_H_
