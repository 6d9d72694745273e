// Prometheus metrics over HTTP: GET /metrics answers Metrics::Render() from a
// port and a thread of their own, apart from the gRPC server, so a scrape never
// waits behind pages.
//
// The port is bounded against hostile clients (bounded_http_server.h): GET and
// HEAD of /metrics only, no request bodies, every exchange within a deadline.
//
// Start() binds before it returns, so port() is the real port even for port 0.
// The server borrows `metrics`, which must outlive it. Destroying it stops the
// listener and joins its thread. Not copyable; port() is thread-safe.

#ifndef DECLUTTER_SERVICE_SERVER_METRICS_HTTP_H_
#define DECLUTTER_SERVICE_SERVER_METRICS_HTTP_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "service/server/bounded_http_server.h"
#include "service/server/metrics.h"

namespace declutter::server {

class MetricsHttpServer {
 public:
  // Serves `metrics` on `address` (host:port, [v6]:port; port 0 picks a free
  // one). INVALID_ARGUMENT when `address` is not host:port; UNAVAILABLE when it
  // cannot be bound.
  // `limits` bound what clients may hold (tests shorten them).
  static absl::StatusOr<std::unique_ptr<MetricsHttpServer>> Start(
      const std::string& address, const Metrics* metrics,
      HttpLimits limits = HttpLimits());
  MetricsHttpServer(const MetricsHttpServer&) = delete;
  MetricsHttpServer& operator=(const MetricsHttpServer&) = delete;

  int port() const { return port_; }

 private:
  explicit MetricsHttpServer(HttpLimits limits)
      : http_(limits, {{"/metrics", {"GET", "HEAD"}}}) {}

  BoundedHttpServer http_;  // stops and joins when destroyed
  int port_ = 0;
};

}  // namespace declutter::server

#endif  // DECLUTTER_SERVICE_SERVER_METRICS_HTTP_H_
