// Routes the libraries' own log messages into the server's JSON log, so stderr
// stays one JSON object per line: gRPC's gpr_log (gpr_set_log_function) as
// event "grpc", and abseil's internal log (ABSL_INTERNAL_LOG, through
// raw_logging_internal's InternalLogFunction hook) as event "absl", each with
// "severity", "file", "line" and "message".
//
// Not routed: abseil's ABSL_RAW_LOG, which must stay async-signal-safe (it
// may run in a signal handler or a crash, where formatting JSON is not safe),
// and absl::ParseCommandLine's usage errors, written before the server starts.
//
// A LibraryLogRoute routes while it lives; make one in main(), before any
// thread starts, and let it outlive every gRPC server. `log` must outlive it.
// Messages that come after it is destroyed are written as JSON lines straight
// to stderr. Only one may exist at a time.

#ifndef DECLUTTER_SERVICE_SERVER_LIBRARY_LOG_H_
#define DECLUTTER_SERVICE_SERVER_LIBRARY_LOG_H_

#include "service/server/json_log.h"

namespace declutter::server {

class LibraryLogRoute {
 public:
  explicit LibraryLogRoute(JsonLog* log);
  ~LibraryLogRoute();
  LibraryLogRoute(const LibraryLogRoute&) = delete;
  LibraryLogRoute& operator=(const LibraryLogRoute&) = delete;
};

}  // namespace declutter::server

#endif  // DECLUTTER_SERVICE_SERVER_LIBRARY_LOG_H_
