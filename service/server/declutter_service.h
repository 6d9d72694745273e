// The Declutter gRPC service on gRPC's callback API.
//
// Pages go through PageCalls (page_calls.h), as the HTTP/JSON port's do: the
// size limit, the pool and its overload refusal, the per-page budget, metrics
// and logs. Here the retry hint of a refusal travels as trailing metadata
// `grpc-retry-pushback-ms`, or ItemError.retry_after_ms on a stream; the
// call's deadline and cancellation bound its page.
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
// Thread-safe. The PageCalls must outlive the service, and the service the
// gRPC server.

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
#include "service/server/page_calls.h"

namespace declutter::server {

class DeclutterService final : public v1::Declutter::CallbackService {
 public:
  explicit DeclutterService(PageCalls* pages) : pages_(pages) {}

  grpc::ServerUnaryReactor* Clean(grpc::CallbackServerContext* context,
                                  const v1::CleanRequest* request,
                                  v1::CleanResponse* response) override;

  grpc::ServerBidiReactor<v1::CleanRequest, v1::CleanResponse>* CleanStream(
      grpc::CallbackServerContext* context) override;

  // What the reactors clean their pages with.
  PageCalls* pages() const { return pages_; }

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

 private:
  PageCalls* const pages_;
  absl::Mutex streams_mu_;
  std::set<OpenStream*> streams_ ABSL_GUARDED_BY(streams_mu_);
  bool draining_ ABSL_GUARDED_BY(streams_mu_) = false;
};

}  // namespace declutter::server

#endif  // DECLUTTER_SERVICE_SERVER_DECLUTTER_SERVICE_H_
