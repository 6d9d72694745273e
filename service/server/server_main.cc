// declutter-server: serves the Declutter gRPC API, the grpc.health.v1 health service
// and server reflection.
//
// SIGTERM and SIGINT are blocked in every thread and taken by one dedicated thread with
// sigwait (nothing runs in a signal handler): it marks the health service NOT_SERVING,
// then calls Shutdown with a deadline so in-flight calls finish, and main() returns 0.

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/grpcpp.h>
#include <grpcpp/health_check_service_interface.h>
#include <signal.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <thread>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "service/server/declutter_service.h"
#include "service/server/work_pool.h"

ABSL_FLAG(std::string, listen, "0.0.0.0:50051",
          "address to listen on, host:port; port 0 picks a free port");
ABSL_FLAG(int, workers, 0, "engine worker threads; 0 means one per CPU core");
ABSL_FLAG(int, queue_per_worker, 4,
          "pages that may wait per worker before calls are refused with "
          "RESOURCE_EXHAUSTED");
ABSL_FLAG(int64_t, max_page_bytes, 32 << 20, "largest page accepted, in bytes");
ABSL_FLAG(int, stream_max_in_flight, 0,
          "items of one CleanStream being cleaned at once; 0 means 2 per worker");
ABSL_FLAG(absl::Duration, shutdown_grace, absl::Seconds(20),
          "how long in-flight calls may run after SIGTERM before they are cancelled");
ABSL_FLAG(std::string, port_file, "",
          "if set, the bound port is written to this file once serving (for tests and "
          "supervisors using port 0)");

namespace {

constexpr char kServiceName[] = "declutter.v1.Declutter";

void Log(const std::string& event, const std::string& detail = "") {
  std::cerr << "{\"ts\":\"" << absl::FormatTime(absl::RFC3339_full, absl::Now(),
                                                absl::UTCTimeZone())
            << "\",\"event\":\"" << event << "\""
            << (detail.empty() ? "" : absl::StrCat(",", detail)) << "}" << std::endl;
}

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage("Serves the declutter gRPC API. Flags: --helpfull");
  absl::ParseCommandLine(argc, argv);

  // Block the shutdown signals before any thread exists, so every thread inherits the
  // mask and only the waiter below ever receives them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  int workers = absl::GetFlag(FLAGS_workers);
  if (workers <= 0) workers = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const int64_t max_page_bytes = absl::GetFlag(FLAGS_max_page_bytes);
  if (max_page_bytes <= 0 || max_page_bytes > (1LL << 30)) {
    std::cerr << "declutter-server: --max_page_bytes is " << max_page_bytes
              << ": expected 1 to 1073741824\n";
    return 2;
  }
  declutter::server::ServiceLimits limits;
  limits.max_page_bytes = static_cast<size_t>(max_page_bytes);
  limits.stream_max_in_flight = absl::GetFlag(FLAGS_stream_max_in_flight);
  if (limits.stream_max_in_flight <= 0) limits.stream_max_in_flight = 2 * workers;

  declutter::server::WorkPool pool(
      workers, static_cast<size_t>(std::max(1, absl::GetFlag(FLAGS_queue_per_worker))) *
                   workers);
  declutter::server::DeclutterService service(&pool, limits);

  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  grpc::ServerBuilder builder;
  int port = 0;
  builder.AddListeningPort(absl::GetFlag(FLAGS_listen), grpc::InsecureServerCredentials(),
                           &port);
  // The message limit leaves room for the request's other fields around the page.
  builder.SetMaxReceiveMessageSize(static_cast<int>(max_page_bytes + (1 << 20)));
  builder.SetMaxSendMessageSize(static_cast<int>(max_page_bytes * 2 + (1 << 20)));
  builder.RegisterService(&service);
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  if (server == nullptr || port == 0) {
    std::cerr << "declutter-server: cannot listen on " << absl::GetFlag(FLAGS_listen)
              << ": expected a free host:port\n";
    return 1;
  }
  grpc::HealthCheckServiceInterface* health = server->GetHealthCheckService();
  health->SetServingStatus(true);
  health->SetServingStatus(kServiceName, true);
  if (const std::string path = absl::GetFlag(FLAGS_port_file); !path.empty()) {
    std::ofstream(path) << port << "\n";
  }
  Log("serving", absl::StrCat("\"port\":", port, ",\"workers\":", workers,
                              ",\"max_page_bytes\":", max_page_bytes));

  std::thread signal_waiter([&] {
    int received = 0;
    sigwait(&signals, &received);
    Log("draining", absl::StrCat("\"signal\":", received));
    health->SetServingStatus(false);
    const absl::Duration grace = absl::GetFlag(FLAGS_shutdown_grace);
    server->Shutdown(std::chrono::system_clock::now() +
                     std::chrono::milliseconds(absl::ToInt64Milliseconds(grace)));
  });
  server->Wait();
  signal_waiter.join();
  pool.Shutdown();
  Log("stopped");
  return 0;
}
