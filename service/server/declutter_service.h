// The Declutter gRPC service on gRPC's callback API.
//
// Engine work runs on a WorkPool, never on gRPC's threads. A page over the size
// limit is refused with INVALID_ARGUMENT naming the limit and the size; a full
// pool refuses with RESOURCE_EXHAUSTED at once, with a retry hint (trailing
// metadata `grpc-retry-pushback-ms`, or ItemError.retry_after_ms on a stream).
// Each page runs under a WorkBudget: the call's deadline or the per-page
// budget, whichever is sooner, and the call's cancellation, so a page nobody
// waits for stops at the next check.
//
// CleanStream keeps at most `stream_max_in_flight` items of one stream
// unanswered; it stops reading until one is written, so a fast writer or a slow
// reader cannot make the server buffer without bound. Stream answers go out in
// completion order, each with its request's id; a bad item is answered with
// `error` set and the stream goes on. Every accepted item is answered before
// the stream finishes.
//
// Drain() (on SIGTERM) stops every open stream from reading: the items it has
// read are cleaned and answered, an item whose read was already under way is
// answered UNAVAILABLE, and the stream ends UNAVAILABLE when the client had
// not finished sending, so the client resends what has no answer elsewhere.
//
// Every page (and every refusal) is counted in `metrics` and written as one
// JSON line to `log` when they are given.
//
// Thread-safe. The pool, metrics and log must outlive the service, and the
// service the gRPC server.

#ifndef DECLUTTER_SERVICE_SERVER_DECLUTTER_SERVICE_H_
#define DECLUTTER_SERVICE_SERVER_DECLUTTER_SERVICE_H_

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <set>
#include <string>

#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "proto/declutter/v1/declutter.grpc.pb.h"
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

class DeclutterService final : public v1::Declutter::CallbackService {
 public:
  // `metrics` and `log` may be null.
  DeclutterService(WorkPool* pool, ServiceLimits limits,
                   Metrics* metrics = nullptr, JsonLog* log = nullptr);

  // Declares the service's metric families in `metrics` (once per registry),
  // with the pool's queue depth and running count as gauges.
  static void DeclareMetrics(Metrics* metrics, const WorkPool* pool);

  grpc::ServerUnaryReactor* Clean(grpc::CallbackServerContext* context,
                                  const v1::CleanRequest* request,
                                  v1::CleanResponse* response) override;

  grpc::ServerBidiReactor<v1::CleanRequest, v1::CleanResponse>* CleanStream(
      grpc::CallbackServerContext* context) override;

  // For the reactors: the size check, the overload refusal and the page run
  // itself.
  absl::Status CheckSize(const v1::CleanRequest& request) const;
  // The retry hint (the pool's expected wait, at least 10 ms), computed once
  // per refusal so the message and the metadata agree.
  int64_t RetryAfterMillis() const;
  absl::Status Overloaded(int64_t retry_ms) const;
  absl::Status Run(const v1::CleanRequest& request, absl::Time deadline,
                   std::function<bool()> cancelled,
                   v1::CleanResponse* response) const;
  // Counts and logs one finished page (or refusal) of `method`.
  void Record(absl::string_view method, absl::string_view request_id,
              absl::Time start, const absl::Status& status,
              const v1::CleanRequest& request,
              const v1::CleanResponse* response);
  // The id a log line names: the request's id, else `fallback` (metadata), else
  // a server-made "req-N".
  std::string RequestId(const v1::CleanRequest& request,
                        absl::string_view fallback);

  // Stops every open stream reading (see above), and every stream opened
  // from now on. Unary calls are left to the server's Shutdown.
  void Drain();

  // An open CleanStream, as Drain() sees it.
  class OpenStream {
   public:
    // Marks the stream draining; true when the caller must call
    // FinishDrained() once it holds no lock.
    virtual bool MarkDraining() = 0;
    virtual void FinishDrained() = 0;

   protected:
    ~OpenStream() = default;
  };
  // The stream reactors register themselves. AddStream is false once
  // draining: the stream must end at once.
  bool AddStream(OpenStream* stream);
  void RemoveStream(OpenStream* stream);

  WorkPool* pool() const { return pool_; }
  const ServiceLimits& limits() const { return limits_; }

 private:
  WorkPool* const pool_;
  const ServiceLimits limits_;
  Metrics* const metrics_;
  JsonLog* const log_;
  std::atomic<uint64_t> next_id_{1};
  absl::Mutex streams_mu_;
  std::set<OpenStream*> streams_ ABSL_GUARDED_BY(streams_mu_);
  bool draining_ ABSL_GUARDED_BY(streams_mu_) = false;
};

}  // namespace declutter::server

#endif  // DECLUTTER_SERVICE_SERVER_DECLUTTER_SERVICE_H_
