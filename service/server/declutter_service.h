// The Declutter gRPC service on gRPC's callback API.
//
// Engine work runs on a WorkPool, never on gRPC's threads. A page over the size limit is
// refused with INVALID_ARGUMENT naming the limit; a full pool refuses with
// RESOURCE_EXHAUSTED at once. CleanStream keeps at most `stream_max_in_flight` items of
// one stream in the pool; it stops reading until one is answered, so a fast writer or a
// slow reader cannot make the server buffer without bound. Stream answers go out in
// completion order, each with its request's id; a bad item is answered with `error` set
// and the stream goes on.
//
// Thread-safe. The pool must outlive the service, and the service the gRPC server.

#ifndef DECLUTTER_SERVICE_SERVER_DECLUTTER_SERVICE_H_
#define DECLUTTER_SERVICE_SERVER_DECLUTTER_SERVICE_H_

#include <cstddef>

#include "proto/declutter/v1/declutter.grpc.pb.h"
#include "service/server/work_pool.h"

namespace declutter::server {

struct ServiceLimits {
  size_t max_page_bytes = 32u << 20;
  int stream_max_in_flight = 8;
};

class DeclutterService final : public v1::Declutter::CallbackService {
 public:
  DeclutterService(WorkPool* pool, ServiceLimits limits) : pool_(pool), limits_(limits) {}

  grpc::ServerUnaryReactor* Clean(grpc::CallbackServerContext* context,
                                  const v1::CleanRequest* request,
                                  v1::CleanResponse* response) override;

  grpc::ServerBidiReactor<v1::CleanRequest, v1::CleanResponse>* CleanStream(
      grpc::CallbackServerContext* context) override;

 private:
  WorkPool* pool_;
  ServiceLimits limits_;
};

}  // namespace declutter::server

#endif  // DECLUTTER_SERVICE_SERVER_DECLUTTER_SERVICE_H_
