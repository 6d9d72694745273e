// declutter-server: serves the Declutter gRPC API, the grpc.health.v1 health
// service and server reflection; Prometheus metrics over HTTP on their own
// port; channelz on request.
//
// Transport security is explicit: --tls_cert and --tls_key serve TLS (with
// --tls_client_ca, mutual TLS); plaintext only with --plaintext. Connections
// are kept alive with pings and closed after --max_connection_age (plus a grace
// period for calls in flight) so clients re-resolve and spread over new pods.
//
// Kubernetes' native gRPC probes speak neither TLS nor mutual TLS, so a TLS
// server can also answer grpc.health.v1 alone on a plaintext --health_listen
// port; the statuses there follow the main server's.
//
// SIGTERM and SIGINT are blocked in every thread and taken by one dedicated
// thread with sigwait (nothing runs in a signal handler): it marks the health
// service NOT_SERVING, then calls Shutdown with a deadline so in-flight calls
// and accepted stream items finish, and main() returns 0.

#include <grpcpp/ext/channelz_service_plugin.h>
#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/grpcpp.h>
#include <grpcpp/health_check_service_interface.h>
#include <httplib.h>
#include <signal.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "service/server/declutter_service.h"
#include "service/server/json_log.h"
#include "service/server/metrics.h"
#include "service/server/tls_credentials.h"
#include "service/server/work_pool.h"

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
ABSL_FLAG(bool, log_pages, true, "write one JSON log line per page answered");

namespace {

constexpr char kServiceName[] = "declutter.v1.Declutter";

int ToMillis(absl::Duration d) {
  return static_cast<int>(
      std::min<int64_t>(absl::ToInt64Milliseconds(d), INT32_MAX));
}

// Parses "host:port" for the metrics listener; port 0 picks a free one.
bool SplitHostPort(const std::string& address, std::string* host, int* port) {
  const size_t colon = address.rfind(':');
  if (colon == std::string::npos) return false;
  *host = address.substr(0, colon);
  if (host->size() >= 2 && host->front() == '[' && host->back() == ']') {
    *host = host->substr(1, host->size() - 2);
  }
  return absl::SimpleAtoi(address.substr(colon + 1), port) && *port >= 0 &&
         *port < 65536;
}

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "Serves the declutter gRPC API. Flags: --helpfull");
  absl::ParseCommandLine(argc, argv);
  declutter::server::JsonLog log(&std::cerr);

  // Block the shutdown signals before any thread exists, so every thread
  // inherits the mask and only the waiter below ever receives them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  int workers = absl::GetFlag(FLAGS_workers);
  if (workers <= 0)
    workers =
        static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const int64_t max_page_bytes = absl::GetFlag(FLAGS_max_page_bytes);
  if (max_page_bytes <= 0 || max_page_bytes > (1LL << 30)) {
    std::cerr << "declutter-server: --max_page_bytes is " << max_page_bytes
              << ": expected 1 to 1073741824\n";
    return 2;
  }
  declutter::server::ServiceLimits limits;
  limits.max_page_bytes = static_cast<size_t>(max_page_bytes);
  limits.page_budget = absl::GetFlag(FLAGS_page_budget);
  if (limits.page_budget <= absl::ZeroDuration()) {
    std::cerr << "declutter-server: --page_budget must be positive\n";
    return 2;
  }
  limits.stream_max_in_flight = absl::GetFlag(FLAGS_stream_max_in_flight);
  if (limits.stream_max_in_flight <= 0)
    limits.stream_max_in_flight = 2 * workers;

  // Transport security: TLS from files, or plaintext only when asked for.
  std::shared_ptr<grpc::ServerCredentials> credentials;
  const bool plaintext = absl::GetFlag(FLAGS_plaintext);
  if (!absl::GetFlag(FLAGS_tls_cert).empty() ||
      !absl::GetFlag(FLAGS_tls_key).empty()) {
    if (plaintext) {
      std::cerr << "declutter-server: --plaintext and --tls_cert both given: "
                   "expected one\n";
      return 2;
    }
    auto tls = declutter::server::ServerCredentialsFrom(
        {absl::GetFlag(FLAGS_tls_cert), absl::GetFlag(FLAGS_tls_key),
         absl::GetFlag(FLAGS_tls_client_ca), ""});
    if (!tls.ok()) {
      std::cerr << "declutter-server: " << tls.status().message() << "\n";
      return 2;
    }
    credentials = *tls;
  } else if (plaintext) {
    if (!absl::GetFlag(FLAGS_tls_client_ca).empty()) {
      std::cerr << "declutter-server: --tls_client_ca needs --tls_cert and "
                   "--tls_key\n";
      return 2;
    }
    credentials = grpc::InsecureServerCredentials();
  } else {
    std::cerr << "declutter-server: no transport security chosen: expected "
                 "--tls_cert and "
                 "--tls_key (TLS), or --plaintext\n";
    return 2;
  }

  declutter::server::WorkPool pool(
      workers,
      static_cast<size_t>(std::max(1, absl::GetFlag(FLAGS_queue_per_worker))) *
          workers);
  declutter::server::Metrics metrics;
  declutter::server::DeclutterService::DeclareMetrics(&metrics, &pool);
  declutter::server::DeclutterService service(
      &pool, limits, &metrics, absl::GetFlag(FLAGS_log_pages) ? &log : nullptr);

  grpc::EnableDefaultHealthCheckService(true);
  // Made before reflection and channelz are registered, so this builder gets
  // neither: the probe port answers health checks and nothing else.
  grpc::ServerBuilder health_builder;
  const std::string health_listen = absl::GetFlag(FLAGS_health_listen);
  int health_port = 0;
  if (!health_listen.empty()) {
    health_builder.AddListeningPort(
        health_listen, grpc::InsecureServerCredentials(), &health_port);
  }
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  if (absl::GetFlag(FLAGS_channelz))
    grpc::channelz::experimental::InitChannelzService();
  grpc::ServerBuilder builder;
  int port = 0;
  builder.AddListeningPort(absl::GetFlag(FLAGS_listen), credentials, &port);
  // The message limit leaves room for the request's other fields around the
  // page, so a page just over --max_page_bytes reaches the size check and its
  // clear message.
  builder.SetMaxReceiveMessageSize(
      static_cast<int>(max_page_bytes + (1 << 20)));
  builder.SetMaxSendMessageSize(
      static_cast<int>(max_page_bytes * 2 + (1 << 20)));
  builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_TIME_MS,
                             ToMillis(absl::GetFlag(FLAGS_keepalive_time)));
  builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_TIMEOUT_MS,
                             ToMillis(absl::GetFlag(FLAGS_keepalive_timeout)));
  // Clients may ping idle connections as often as every 10 s without being
  // dropped.
  builder.AddChannelArgument(
      GRPC_ARG_HTTP2_MIN_RECV_PING_INTERVAL_WITHOUT_DATA_MS, 10000);
  builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_PERMIT_WITHOUT_CALLS, 1);
  if (const absl::Duration age = absl::GetFlag(FLAGS_max_connection_age);
      age > absl::ZeroDuration()) {
    builder.AddChannelArgument(GRPC_ARG_MAX_CONNECTION_AGE_MS, ToMillis(age));
    builder.AddChannelArgument(
        GRPC_ARG_MAX_CONNECTION_AGE_GRACE_MS,
        ToMillis(absl::GetFlag(FLAGS_max_connection_age_grace)));
  }
  builder.RegisterService(&service);
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  if (server == nullptr || port == 0) {
    std::cerr << "declutter-server: cannot listen on "
              << absl::GetFlag(FLAGS_listen) << ": expected a free host:port\n";
    return 1;
  }

  // Started only now that the API is served, so no probe sees SERVING early.
  std::unique_ptr<grpc::Server> health_server;
  if (!health_listen.empty()) {
    health_server = health_builder.BuildAndStart();
    if (health_server == nullptr || health_port == 0) {
      std::cerr << "declutter-server: cannot listen on " << health_listen
                << " for health checks: expected a free host:port\n";
      return 1;
    }
  }

  // Metrics over HTTP, on their own port and thread.
  httplib::Server metrics_http;
  std::thread metrics_thread;
  int metrics_port = 0;
  if (const std::string address = absl::GetFlag(FLAGS_metrics_listen);
      !address.empty()) {
    std::string host;
    if (!SplitHostPort(address, &host, &metrics_port)) {
      std::cerr << "declutter-server: --metrics_listen is '" << address
                << "': expected host:port\n";
      return 2;
    }
    metrics_http.Get("/metrics", [&metrics](const httplib::Request&,
                                            httplib::Response& res) {
      res.set_content(metrics.Render(),
                      declutter::server::Metrics::kContentType);
    });
    metrics_port =
        metrics_port == 0
            ? metrics_http.bind_to_any_port(host)
            : (metrics_http.bind_to_port(host, metrics_port) ? metrics_port
                                                             : -1);
    if (metrics_port <= 0) {
      std::cerr << "declutter-server: cannot listen on " << address
                << " for metrics: expected a free host:port\n";
      return 1;
    }
    metrics_thread =
        std::thread([&metrics_http] { metrics_http.listen_after_bind(); });
    if (const std::string path = absl::GetFlag(FLAGS_metrics_port_file);
        !path.empty()) {
      std::ofstream(path) << metrics_port << "\n";
    }
  }

  std::vector<grpc::HealthCheckServiceInterface*> healths = {
      server->GetHealthCheckService()};
  if (health_server != nullptr)
    healths.push_back(health_server->GetHealthCheckService());
  for (grpc::HealthCheckServiceInterface* health : healths) {
    health->SetServingStatus(true);
    health->SetServingStatus(kServiceName, true);
  }
  if (const std::string path = absl::GetFlag(FLAGS_port_file); !path.empty()) {
    std::ofstream(path) << port << "\n";
  }
  log.Write("serving",
            {{"port", port},
             {"metrics_port", metrics_port},
             {"health_port", health_port},
             {"workers", workers},
             {"queue", pool.threads() *
                           std::max(1, absl::GetFlag(FLAGS_queue_per_worker))},
             {"max_page_bytes", max_page_bytes},
             {"tls", !plaintext},
             {"mutual_tls", !absl::GetFlag(FLAGS_tls_client_ca).empty()}});

  std::thread signal_waiter([&] {
    int received = 0;
    sigwait(&signals, &received);
    log.Write("draining", {{"signal", received}});
    for (grpc::HealthCheckServiceInterface* health : healths)
      health->SetServingStatus(false);
    const absl::Duration grace = absl::GetFlag(FLAGS_shutdown_grace);
    server->Shutdown(
        std::chrono::system_clock::now() +
        std::chrono::milliseconds(absl::ToInt64Milliseconds(grace)));
  });
  server->Wait();
  signal_waiter.join();
  if (health_server != nullptr) health_server->Shutdown();
  pool.Shutdown();
  if (metrics_thread.joinable()) {
    metrics_http.stop();
    metrics_thread.join();
  }
  log.Write("stopped");
  return 0;
}
