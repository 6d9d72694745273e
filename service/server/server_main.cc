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
// service NOT_SERVING, stops open streams reading (DeclutterService::Drain),
// then calls Shutdown with a deadline so in-flight calls and accepted stream
// items finish, and main() returns 0.
//
// With --http_listen, the same pages are also served as HTTP/JSON (http_api),
// TLS when the gRPC port is; on SIGTERM it answers 503 to new requests and
// finishes those in flight within the same grace.
//
// The parts: server_config (flags), server_credentials (TLS or plaintext),
// metrics_http (the metrics port), http_api and http_tls (the HTTP/JSON port),
// shutdown_signals; this file starts the servers and runs them from serving to
// stopped.

#include <grpcpp/ext/channelz_service_plugin.h>
#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/grpcpp.h>
#include <grpcpp/health_check_service_interface.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "service/api/request_cleaner.h"
#include "service/server/declutter_service.h"
#include "service/server/health_port.h"
#include "service/server/http_api.h"
#include "service/server/http_tls.h"
#include "service/server/json_log.h"
#include "service/server/library_log.h"
#include "service/server/metrics.h"
#include "service/server/metrics_http.h"
#include "service/server/server_config.h"
#include "service/server/server_credentials.h"
#include "service/server/shutdown_signals.h"
#include "service/server/work_pool.h"

namespace declutter::server {
namespace {

constexpr char kServiceName[] = "declutter.v1.Declutter";

int ToMillis(absl::Duration d) {
  return static_cast<int>(
      std::min<int64_t>(absl::ToInt64Milliseconds(d), INT32_MAX));
}

// The metadata (header block) of one call, parsed. gRPC 1.51's own default,
// stated here so it is visible: past it the connection is closed, which
// bounds the HPACK amplification of one-byte references to a large table
// entry. It does not bound the raw bytes of a header block that never ends
// (the CONTINUATION flood, README "Limits under attack"): nothing in gRPC 1.51
// does.
constexpr int kMaxMetadataBytes = 16 << 10;

// Health checks and their answers are a few bytes; the health port takes no
// more.
constexpr int kHealthMessageBytes = 4 << 10;

// What every port's connections share: the metadata limit, keepalive pings
// and connection ages.
void AddConnectionArguments(const ConnectionConfig& connections,
                            grpc::ServerBuilder* builder) {
  builder->AddChannelArgument(GRPC_ARG_MAX_METADATA_SIZE, kMaxMetadataBytes);
  builder->AddChannelArgument(GRPC_ARG_KEEPALIVE_TIME_MS,
                              ToMillis(connections.keepalive_time));
  builder->AddChannelArgument(GRPC_ARG_KEEPALIVE_TIMEOUT_MS,
                              ToMillis(connections.keepalive_timeout));
  // Clients may ping idle connections as often as every 10 s without being
  // dropped.
  builder->AddChannelArgument(
      GRPC_ARG_HTTP2_MIN_RECV_PING_INTERVAL_WITHOUT_DATA_MS, 10000);
  builder->AddChannelArgument(GRPC_ARG_KEEPALIVE_PERMIT_WITHOUT_CALLS, 1);
  if (connections.max_connection_age > absl::ZeroDuration()) {
    builder->AddChannelArgument(GRPC_ARG_MAX_CONNECTION_AGE_MS,
                                ToMillis(connections.max_connection_age));
    builder->AddChannelArgument(GRPC_ARG_MAX_CONNECTION_AGE_GRACE_MS,
                                ToMillis(connections.max_connection_age_grace));
  }
}

// The API port: message limits around --max_page_bytes, and the connection
// arguments.
void AddChannelArguments(const ServerConfig& config,
                         grpc::ServerBuilder* builder) {
  const size_t max_page_bytes = config.limits.max_page_bytes;
  // The message limit leaves room for the request's other fields around the
  // page, so a page just over --max_page_bytes reaches the size check and its
  // clear message.
  builder->SetMaxReceiveMessageSize(
      static_cast<int>(max_page_bytes + (1 << 20)));
  builder->SetMaxSendMessageSize(
      static_cast<int>(max_page_bytes * 2 + (1 << 20)));
  AddConnectionArguments(config.connections, builder);
}

// The API server and, with --health_listen, the plaintext health-only one.
struct GrpcServers {
  // Answers the health port's other methods. On the heap, so its address
  // holds when the struct moves; declared first, so it outlives `health`.
  std::unique_ptr<HealthPortFallback> health_fallback =
      std::make_unique<HealthPortFallback>();
  std::unique_ptr<grpc::Server> api;
  std::unique_ptr<grpc::Server> health;  // null without --health_listen
  int port = 0;
  int health_port = 0;

  // Every health service: the API server's and the probe port's.
  std::vector<grpc::HealthCheckServiceInterface*> Healths() const {
    std::vector<grpc::HealthCheckServiceInterface*> healths = {
        api->GetHealthCheckService()};
    if (health != nullptr) healths.push_back(health->GetHealthCheckService());
    return healths;
  }
};

// Builds and starts both servers; UNAVAILABLE naming the address that cannot be
// listened on.
absl::StatusOr<GrpcServers> StartGrpcServers(
    const ServerConfig& config,
    std::shared_ptr<grpc::ServerCredentials> credentials,
    DeclutterService* service) {
  GrpcServers servers;
  grpc::EnableDefaultHealthCheckService(true);
  // The probe port answers health checks and nothing else (health_port.h).
  grpc::ServerBuilder health_builder;
  if (!config.health_listen.empty()) {
    health_builder.AddListeningPort(config.health_listen,
                                    grpc::InsecureServerCredentials(),
                                    &servers.health_port);
    MakeHealthOnly(&health_builder, servers.health_fallback.get());
    // The same connection limits as the API port, and messages no larger
    // than a health check needs.
    health_builder.SetMaxReceiveMessageSize(kHealthMessageBytes);
    health_builder.SetMaxSendMessageSize(kHealthMessageBytes);
    AddConnectionArguments(config.connections, &health_builder);
  }
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  if (config.channelz) grpc::channelz::experimental::InitChannelzService();
  grpc::ServerBuilder builder;
  builder.AddListeningPort(config.listen, credentials, &servers.port);
  AddChannelArguments(config, &builder);
  builder.RegisterService(service);
  servers.api = builder.BuildAndStart();
  if (servers.api == nullptr || servers.port == 0) {
    return absl::UnavailableError(absl::StrCat(
        "cannot listen on ", config.listen, ": expected a free host:port"));
  }
  // Started only now that the API is served, so no probe sees SERVING early.
  if (!config.health_listen.empty()) {
    servers.health = health_builder.BuildAndStart();
    if (servers.health == nullptr || servers.health_port == 0) {
      return absl::UnavailableError(
          absl::StrCat("cannot listen on ", config.health_listen,
                       " for health checks: expected a free host:port"));
    }
  }
  return servers;
}

// Metrics over HTTP when --metrics_listen is set (null when not), with the
// port written to --metrics_port_file.
absl::StatusOr<std::unique_ptr<MetricsHttpServer>> StartMetricsHttp(
    const ServerConfig& config, const Metrics* metrics) {
  if (config.metrics_listen.empty()) return nullptr;
  absl::StatusOr<std::unique_ptr<MetricsHttpServer>> http =
      MetricsHttpServer::Start(config.metrics_listen, metrics);
  if (!http.ok()) {
    return absl::Status(
        http.status().code(),
        absl::StrCat("--metrics_listen: ", http.status().message()));
  }
  if (!config.metrics_port_file.empty()) {
    std::ofstream(config.metrics_port_file) << (*http)->port() << "\n";
  }
  return http;
}

// The HTTP/JSON API port when --http_listen is set (null when not): TLS with
// the gRPC port's files unless the server is plaintext. `tls` receives the
// context, which must outlive the server.
absl::StatusOr<std::unique_ptr<HttpApiServer>> StartHttpApi(
    const ServerConfig& config, PageCalls* pages, SslContext* tls) {
  if (config.http_listen.empty()) return nullptr;
  if (!config.plaintext) {
    absl::StatusOr<SslContext> context = HttpTlsContext(config.tls);
    if (!context.ok()) return context.status();
    *tls = *std::move(context);
  }
  absl::StatusOr<std::unique_ptr<HttpApiServer>> http = HttpApiServer::Start(
      config.http_listen, pages, tls->get(),
      HttpApiServer::Limits(config.limits, config.workers, config.queue));
  if (!http.ok()) {
    return absl::Status(
        http.status().code(),
        absl::StrCat("--http_listen: ", http.status().message()));
  }
  return http;
}

// Marks every health service SERVING (the whole server and the Declutter
// service), or NOT_SERVING.
void SetServing(const GrpcServers& servers, bool serving) {
  for (grpc::HealthCheckServiceInterface* health : servers.Healths()) {
    health->SetServingStatus(serving);
    if (serving) health->SetServingStatus(kServiceName, true);
  }
}

// On SIGTERM or SIGINT: NOT_SERVING, then Shutdown with --shutdown_grace for
// the calls in flight, on both APIs. Runs on its own thread.
void DrainOnSignal(const ShutdownSignals& signals, const ServerConfig& config,
                   const GrpcServers& servers, DeclutterService* service,
                   HttpApiServer* http, JsonLog* log) {
  const int received = signals.Wait();
  const absl::Time deadline = absl::Now() + config.shutdown_grace;
  // New HTTP requests are answered 503 from here on (before the log line, so
  // whoever reads it finds the port draining).
  if (http != nullptr) http->Drain();
  log->Write("draining", {{"signal", received}});
  SetServing(servers, false);
  // Open streams stop reading now, so their clients resend the rest
  // elsewhere; Shutdown then waits for the items they accepted.
  service->Drain();
  servers.api->Shutdown(absl::ToChronoTime(deadline));
  // The HTTP requests in flight finish within the same grace; the port stops
  // after.
  if (http != nullptr) http->WaitIdle(deadline);
}

// Serves until a shutdown signal has drained the server; the process's exit
// status.
int Serve(const ServerConfig& config,
          std::shared_ptr<grpc::ServerCredentials> credentials,
          const ShutdownSignals& signals, JsonLog* log) {
  // The models load before the ports open, so the first page pays nothing and
  // a model that does not load stops the start.
  if (absl::Status models = api::RequestCleaner::LoadModels(); !models.ok()) {
    log->Write("error", {{"message", std::string(models.message())}});
    return 1;
  }
  WorkPool pool(config.workers, config.queue);
  Metrics metrics;
  PageCalls::DeclareMetrics(&metrics, &pool);
  PageCalls pages(&pool, config.limits, &metrics,
                  config.log_pages ? log : nullptr);
  DeclutterService service(&pages);
  absl::StatusOr<GrpcServers> servers =
      StartGrpcServers(config, std::move(credentials), &service);
  if (!servers.ok()) {
    log->Write("error", {{"message", std::string(servers.status().message())}});
    return 1;
  }
  absl::StatusOr<std::unique_ptr<MetricsHttpServer>> metrics_http =
      StartMetricsHttp(config, &metrics);
  if (!metrics_http.ok()) {
    log->Write("error",
               {{"message", std::string(metrics_http.status().message())}});
    return 1;
  }
  SslContext http_tls;  // declared first, so it outlives http_api
  absl::StatusOr<std::unique_ptr<HttpApiServer>> http_api =
      StartHttpApi(config, &pages, &http_tls);
  if (!http_api.ok()) {
    log->Write("error",
               {{"message", std::string(http_api.status().message())}});
    return 1;
  }
  SetServing(*servers, true);
  if (!config.port_file.empty()) {
    std::ofstream(config.port_file) << servers->port << "\n";
  }
  log->Write("serving",
             {{"port", servers->port},
              {"metrics_port", *metrics_http ? (*metrics_http)->port() : 0},
              {"health_port", servers->health_port},
              {"http_port", *http_api ? (*http_api)->port() : 0},
              {"workers", config.workers},
              {"queue", config.queue},
              {"max_page_bytes", config.limits.max_page_bytes},
              {"tls", !config.plaintext},
              {"mutual_tls", !config.tls.client_ca.empty()}});
  std::thread signal_waiter([&] {
    DrainOnSignal(signals, config, *servers, &service, http_api->get(), log);
  });
  servers->api->Wait();
  signal_waiter.join();
  http_api->reset();
  if (servers->health != nullptr) servers->health->Shutdown();
  pool.Shutdown();
  metrics_http->reset();
  log->Write("stopped");
  return 0;
}

}  // namespace
}  // namespace declutter::server

int main(int argc, char** argv) {
  namespace server = declutter::server;
  absl::SetProgramUsageMessage(
      "Serves the declutter gRPC API. Flags: --helpfull");
  absl::ParseCommandLine(argc, argv);
  server::JsonLog log(&std::cerr);
  // Before any thread: gRPC's and abseil's messages become JSON lines too.
  const server::LibraryLogRoute library_log(&log);
  // Before any thread exists, so every thread inherits the mask and only the
  // waiter ever receives them.
  const server::ShutdownSignals signals = server::ShutdownSignals::Block();
  absl::StatusOr<server::ServerConfig> config = server::ServerConfigFromFlags(
      static_cast<int>(std::thread::hardware_concurrency()));
  if (!config.ok()) {
    log.Write("error", {{"message", std::string(config.status().message())}});
    return 2;
  }
  absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> credentials =
      server::TransportCredentials(config->tls, config->plaintext);
  if (!credentials.ok()) {
    log.Write("error",
              {{"message", std::string(credentials.status().message())}});
    return 2;
  }
  return server::Serve(*config, *std::move(credentials), signals, &log);
}
