#include "service/server/server_config.h"

#include <algorithm>
#include <cstdint>
#include <string>

#include "absl/flags/flag.h"
#include "absl/strings/str_cat.h"
#include "service/server/bounded_http_server.h"

ABSL_FLAG(std::string, listen, "0.0.0.0:50051",
          "address to listen on, host:port; port 0 picks a free port");
ABSL_FLAG(int, workers, 0, "engine worker threads; 0 means one per CPU core");
ABSL_FLAG(int, queue_per_worker, 1,
          "pages that may wait per worker before calls are refused with "
          "RESOURCE_EXHAUSTED (a waiting page adds about one page's engine "
          "time to its latency)");
ABSL_FLAG(int64_t, max_page_bytes, 32 << 20, "largest page accepted, in bytes");
ABSL_FLAG(absl::Duration, page_budget, absl::Seconds(10),
          "engine time one page may take; past it the page fails with "
          "DEADLINE_EXCEEDED");
ABSL_FLAG(
    int, stream_max_in_flight, 0,
    "items of one CleanStream being cleaned at once; 0 means 2 per worker");
ABSL_FLAG(
    absl::Duration, shutdown_grace, absl::Seconds(20),
    "how long in-flight calls may run after SIGTERM before they are cancelled");
ABSL_FLAG(std::string, port_file, "",
          "if set, the bound port is written to this file once serving (for "
          "tests and "
          "supervisors using port 0)");
ABSL_FLAG(std::string, tls_cert, "", "PEM certificate chain: serve TLS");
ABSL_FLAG(std::string, tls_key, "", "PEM private key of --tls_cert");
ABSL_FLAG(
    std::string, tls_client_ca, "",
    "PEM CA bundle: require client certificates chaining to it (mutual TLS)");
ABSL_FLAG(
    bool, plaintext, false,
    "serve without TLS; required when no --tls_cert is given, so plaintext is "
    "never an accident");
ABSL_FLAG(absl::Duration, keepalive_time, absl::Seconds(60),
          "ping an idle connection this often to find dead peers");
ABSL_FLAG(absl::Duration, keepalive_timeout, absl::Seconds(20),
          "drop a connection whose ping is not answered in this time");
ABSL_FLAG(absl::Duration, max_connection_age, absl::Minutes(5),
          "close connections after this long (GOAWAY) so clients re-resolve "
          "and reach "
          "new pods; 0 means never");
ABSL_FLAG(absl::Duration, max_connection_age_grace, absl::Seconds(30),
          "how long calls on a closing connection may still run");
ABSL_FLAG(std::string, metrics_listen, "",
          "host:port for Prometheus metrics over HTTP (GET /metrics); empty "
          "disables");
ABSL_FLAG(std::string, metrics_port_file, "",
          "if set, the metrics port is written here once serving");
ABSL_FLAG(bool, channelz, false,
          "serve the grpc.channelz.v1 service for debugging");
ABSL_FLAG(std::string, health_listen, "",
          "host:port of a second, plaintext listener that serves only the "
          "grpc.health.v1 service, for probes that cannot speak TLS; empty: "
          "health is served on --listen only");
ABSL_FLAG(std::string, http_listen, "",
          "host:port for the HTTP/JSON API (POST /v1/clean) beside gRPC, TLS "
          "when the server has TLS; empty disables");
ABSL_FLAG(bool, log_pages, true, "write one JSON log line per page answered");

namespace declutter::server {

absl::StatusOr<ServerConfig> ServerConfigFromFlags(int cores) {
  ServerConfig config;
  config.listen = absl::GetFlag(FLAGS_listen);
  config.port_file = absl::GetFlag(FLAGS_port_file);
  config.workers = absl::GetFlag(FLAGS_workers);
  if (config.workers <= 0) config.workers = std::max(1, cores);
  config.queue =
      static_cast<size_t>(std::max(1, absl::GetFlag(FLAGS_queue_per_worker))) *
      config.workers;
  const int64_t max_page_bytes = absl::GetFlag(FLAGS_max_page_bytes);
  if (max_page_bytes <= 0 || max_page_bytes > (int64_t{1} << 30)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "--max_page_bytes is ", max_page_bytes, ": expected 1 to 1073741824"));
  }
  config.limits.max_page_bytes = static_cast<size_t>(max_page_bytes);
  config.limits.page_budget = absl::GetFlag(FLAGS_page_budget);
  if (config.limits.page_budget <= absl::ZeroDuration()) {
    return absl::InvalidArgumentError("--page_budget must be positive");
  }
  config.limits.stream_max_in_flight =
      absl::GetFlag(FLAGS_stream_max_in_flight);
  if (config.limits.stream_max_in_flight <= 0) {
    config.limits.stream_max_in_flight = 2 * config.workers;
  }
  config.tls.cert = absl::GetFlag(FLAGS_tls_cert);
  config.tls.key = absl::GetFlag(FLAGS_tls_key);
  config.tls.client_ca = absl::GetFlag(FLAGS_tls_client_ca);
  config.plaintext = absl::GetFlag(FLAGS_plaintext);
  config.connections.keepalive_time = absl::GetFlag(FLAGS_keepalive_time);
  config.connections.keepalive_timeout = absl::GetFlag(FLAGS_keepalive_timeout);
  config.connections.max_connection_age =
      absl::GetFlag(FLAGS_max_connection_age);
  config.connections.max_connection_age_grace =
      absl::GetFlag(FLAGS_max_connection_age_grace);
  config.shutdown_grace = absl::GetFlag(FLAGS_shutdown_grace);
  config.metrics_listen = absl::GetFlag(FLAGS_metrics_listen);
  if (!config.metrics_listen.empty()) {
    std::string host;
    int port = 0;
    if (absl::Status s = SplitHostPort(config.metrics_listen, &host, &port);
        !s.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("--metrics_listen: ", s.message()));
    }
  }
  config.http_listen = absl::GetFlag(FLAGS_http_listen);
  if (!config.http_listen.empty()) {
    std::string host;
    int port = 0;
    if (absl::Status s = SplitHostPort(config.http_listen, &host, &port);
        !s.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("--http_listen: ", s.message()));
    }
  }
  config.metrics_port_file = absl::GetFlag(FLAGS_metrics_port_file);
  config.health_listen = absl::GetFlag(FLAGS_health_listen);
  config.channelz = absl::GetFlag(FLAGS_channelz);
  config.log_pages = absl::GetFlag(FLAGS_log_pages);
  return config;
}

}  // namespace declutter::server
