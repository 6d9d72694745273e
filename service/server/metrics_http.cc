#include "service/server/metrics_http.h"

#include <chrono>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace declutter::server {

absl::Status SplitHostPort(const std::string& address, std::string* host,
                           int* port) {
  const size_t colon = address.rfind(':');
  if (colon != std::string::npos) {
    *host = address.substr(0, colon);
    if (host->size() >= 2 && host->front() == '[' && host->back() == ']') {
      *host = host->substr(1, host->size() - 2);
    }
    if (absl::SimpleAtoi(address.substr(colon + 1), port) && *port >= 0 &&
        *port < 65536) {
      return absl::OkStatus();
    }
  }
  return absl::InvalidArgumentError(
      absl::StrCat("'", address, "' is not an address: expected host:port"));
}

absl::StatusOr<std::unique_ptr<MetricsHttpServer>> MetricsHttpServer::Start(
    const std::string& address, const Metrics* metrics, HttpLimits limits) {
  std::string host;
  int port = 0;
  if (absl::Status s = SplitHostPort(address, &host, &port); !s.ok()) return s;
  auto server =
      std::unique_ptr<MetricsHttpServer>(new MetricsHttpServer(limits));
  server->http_.Get("/metrics",
                    [metrics](const httplib::Request&, httplib::Response& res) {
                      res.set_content(metrics->Render(), Metrics::kContentType);
                    });
  server->port_ = port == 0
                      ? server->http_.bind_to_any_port(host)
                      : (server->http_.bind_to_port(host, port) ? port : -1);
  if (server->port_ <= 0) {
    return absl::UnavailableError(absl::StrCat("cannot listen on ", address,
                                               ": expected a free host:port"));
  }
  MetricsHttpServer* self = server.get();
  server->thread_ = std::thread([self] {
    self->http_.listen_after_bind();
    self->listener_returned_ = true;
  });
  return server;
}

MetricsHttpServer::~MetricsHttpServer() {
  if (!thread_.joinable()) return;
  // stop() only reaches a listener that is running: wait for it to start (or
  // to have given up) first, so the join cannot hang.
  while (!http_.is_running() && !listener_returned_) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  http_.stop();
  thread_.join();
}

}  // namespace declutter::server
