#include "service/server/metrics_http.h"

namespace declutter::server {

absl::StatusOr<std::unique_ptr<MetricsHttpServer>> MetricsHttpServer::Start(
    const std::string& address, const Metrics* metrics, HttpLimits limits) {
  auto server =
      std::unique_ptr<MetricsHttpServer>(new MetricsHttpServer(limits));
  server->http_.Get("/metrics",
                    [metrics](const httplib::Request&, httplib::Response& res) {
                      res.set_content(metrics->Render(), Metrics::kContentType);
                    });
  absl::StatusOr<int> port = server->http_.Start(address);
  if (!port.ok()) return port.status();
  server->port_ = *port;
  return server;
}

}  // namespace declutter::server
