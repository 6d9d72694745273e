// declutter-load: drives a running declutter-server with real pages over gRPC
// and reports what a crawler fleet would see.
//
//   declutter-load --server 127.0.0.1:50051 --pages DIR [--concurrency N |
//   --rate R]
//                  [--duration 30s] [--server_pid PID] [--deadline 30s]
//
// --concurrency N (closed loop) keeps N calls outstanding: each answer starts
// the next.
// --rate R (open loop) starts R calls per second whatever the server does, as
// an uncoordinated fleet would; calls that find the server full are refused
// (RESOURCE_EXHAUSTED) and counted, not retried. Pages (.html, .gz, any file)
// are loaded into memory first and sent round-robin.
//
// Prints calls/s, answered pages/s, latency percentiles of answered (OK) calls
// and of all calls, errors by gRPC code, and with --server_pid the server's RSS
// now and its peak (VmHWM). Uses gRPC's callback API: one thread issues calls,
// gRPC's threads complete them. Each request is serialized once, at load time,
// and sent as the same ByteBuffer (gRPC shares its slices): on a machine the
// server shares, the generator's own CPU is taken from the server it measures.

#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>
#include <grpcpp/support/byte_buffer.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/status/status.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "bench/speed/process_memory.h"
#include "proto/declutter/v1/declutter.grpc.pb.h"
#include "service/api/input_files.h"
#include "service/api/input_reader.h"

ABSL_FLAG(std::string, server, "127.0.0.1:50051",
          "server address, host:port (plaintext)");
ABSL_FLAG(std::string, pages, "",
          "file or directory of pages to send (recursed; .gz read)");
ABSL_FLAG(int, max_pages, 2000, "load at most this many pages");
ABSL_FLAG(int, concurrency, 0, "closed loop: calls kept outstanding");
ABSL_FLAG(double, rate, 0, "open loop: calls started per second");
ABSL_FLAG(absl::Duration, duration, absl::Seconds(30),
          "how long to apply the load");
ABSL_FLAG(absl::Duration, deadline, absl::Seconds(30), "deadline of each call");
ABSL_FLAG(int, max_outstanding, 4096,
          "open loop: never more calls than this in flight");
ABSL_FLAG(int, server_pid, 0,
          "if set, report this process's RSS and peak RSS (same host)");

namespace {

using declutter::v1::CleanRequest;

constexpr char kCleanMethod[] = "/declutter.v1.Declutter/Clean";

struct Sample {
  double ms;
  grpc::StatusCode code;
};

class Load {
 public:
  Load(grpc::GenericStub* stub, std::vector<grpc::ByteBuffer> pages)
      : stub_(stub), pages_(std::move(pages)) {}

  // Starts one call; its completion is recorded and, in closed loop, starts the
  // next.
  void Start(bool chain) {
    auto* call = new Call;
    call->request = &pages_[next_page_.fetch_add(1) % pages_.size()];
    call->context.set_deadline(
        std::chrono::system_clock::now() +
        absl::ToChronoMilliseconds(absl::GetFlag(FLAGS_deadline)));
    call->start = absl::Now();
    outstanding_.fetch_add(1);
    stub_->UnaryCall(
        &call->context, kCleanMethod, grpc::StubOptions(), call->request,
        &call->response, [this, call, chain](grpc::Status status) {
          const double ms =
              absl::ToDoubleMilliseconds(absl::Now() - call->start);
          delete call;
          {
            std::lock_guard<std::mutex> lock(mu_);
            samples_.push_back({ms, status.error_code()});
          }
          if (chain && absl::Now() < end_) {
            Start(true);
          }
          if (outstanding_.fetch_sub(1) == 1) {
            std::lock_guard<std::mutex> lock(mu_);
            cv_.notify_all();
          }
        });
  }

  void RunClosed(int concurrency, absl::Duration duration) {
    end_ = absl::Now() + duration;
    for (int i = 0; i < concurrency; ++i) Start(true);
    WaitDrained();
  }

  void RunOpen(double rate, absl::Duration duration) {
    const absl::Time start = absl::Now();
    end_ = start + duration;
    int64_t issued = 0;
    while (true) {
      const absl::Time due =
          start + absl::Seconds(static_cast<double>(issued) / rate);
      if (due >= end_) break;
      absl::SleepFor(due - absl::Now());
      if (outstanding_.load() < absl::GetFlag(FLAGS_max_outstanding)) {
        Start(false);
      } else {
        std::lock_guard<std::mutex> lock(mu_);
        ++skipped_;
      }
      ++issued;
    }
    WaitDrained();
  }

  void Report(absl::Duration elapsed) {
    std::lock_guard<std::mutex> lock(mu_);
    std::vector<double> ok, all;
    std::map<grpc::StatusCode, int64_t> codes;
    for (const Sample& s : samples_) {
      all.push_back(s.ms);
      if (s.code == grpc::StatusCode::OK) ok.push_back(s.ms);
      ++codes[s.code];
    }
    const double seconds = absl::ToDoubleSeconds(elapsed);
    std::printf(
        "calls      %zu in %.1f s: %.1f calls/s, %.1f pages/s answered\n",
        all.size(), seconds, all.size() / seconds, ok.size() / seconds);
    PrintLatency("latency ok ", &ok);
    PrintLatency("latency all", &all);
    for (const auto& [code, n] : codes) {
      // gRPC's status codes are absl's, number for number.
      std::printf(
          "code       %-20s %lld\n",
          absl::StatusCodeToString(static_cast<absl::StatusCode>(code)).c_str(),
          static_cast<long long>(n));
    }
    if (skipped_ > 0)
      std::printf("skipped    %lld (client at --max_outstanding)\n",
                  static_cast<long long>(skipped_));
  }

 private:
  struct Call {
    grpc::ClientContext context;
    const grpc::ByteBuffer* request;
    grpc::ByteBuffer response;  // only the status is read
    absl::Time start;
  };

  void WaitDrained() {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [this] { return outstanding_.load() == 0; });
  }

  static void PrintLatency(const char* label, std::vector<double>* ms) {
    if (ms->empty()) {
      std::printf("%s  (none)\n", label);
      return;
    }
    std::sort(ms->begin(), ms->end());
    auto at = [&](double q) {
      return (
          *ms)[std::min(ms->size() - 1, static_cast<size_t>(q * ms->size()))];
    };
    std::printf("%s  p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  max %.1f ms\n",
                label, at(0.5), at(0.9), at(0.99), ms->back());
  }

  grpc::GenericStub* const stub_;
  std::vector<grpc::ByteBuffer> pages_;  // serialized CleanRequests
  std::atomic<uint64_t> next_page_{0};
  std::atomic<int> outstanding_{0};
  absl::Time end_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<Sample> samples_;
  int64_t skipped_ = 0;
};

// The server's resident memory now and at its peak.
void PrintServerMemory(int pid) {
  std::printf("server RSS %.0f MiB now, %.0f MiB peak\n",
              declutter::bench::ProcessMemory::Resident(pid) / 1048576.0,
              declutter::bench::ProcessMemory::Peak(pid) / 1048576.0);
}

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "declutter-load --server HOST:PORT --pages DIR (--concurrency N | --rate "
      "R)");
  absl::ParseCommandLine(argc, argv);
  const int concurrency = absl::GetFlag(FLAGS_concurrency);
  const double rate = absl::GetFlag(FLAGS_rate);
  if ((concurrency > 0) == (rate > 0)) {
    std::cerr << "declutter-load: expected exactly one of --concurrency N or "
                 "--rate R\n";
    return 2;
  }
  declutter::api::InputReader reader(64u << 20);
  auto files = declutter::api::ListInputFiles({absl::GetFlag(FLAGS_pages)});
  if (!files.ok()) {
    std::cerr << "declutter-load: " << files.status().message() << "\n";
    return 2;
  }
  std::vector<grpc::ByteBuffer> pages;
  for (const declutter::api::InputFile& file : *files) {
    if (static_cast<int>(pages.size()) >= absl::GetFlag(FLAGS_max_pages)) break;
    if (!file.error.ok() || !file.skipped.empty()) continue;
    const std::string& path = file.path;
    absl::StatusOr<std::string> content = reader.Read(path);
    if (!content.ok()) continue;
    CleanRequest request;
    request.set_id(path);
    request.set_content(*std::move(content));
    const std::string bytes = request.SerializeAsString();
    grpc::Slice slice(bytes);
    pages.emplace_back(&slice, 1);
  }
  if (pages.empty()) {
    std::cerr << "declutter-load: no readable pages under "
              << absl::GetFlag(FLAGS_pages)
              << ": expected a file or a directory of pages\n";
    return 2;
  }
  grpc::ChannelArguments args;
  args.SetMaxSendMessageSize(-1);
  args.SetMaxReceiveMessageSize(-1);
  auto channel = grpc::CreateCustomChannel(
      absl::GetFlag(FLAGS_server), grpc::InsecureChannelCredentials(), args);
  if (!channel->WaitForConnected(std::chrono::system_clock::now() +
                                 std::chrono::seconds(10))) {
    std::cerr << "declutter-load: cannot connect to "
              << absl::GetFlag(FLAGS_server) << "\n";
    return 1;
  }
  grpc::GenericStub stub(channel);
  Load load(&stub, std::move(pages));
  const absl::Time start = absl::Now();
  if (concurrency > 0) {
    std::printf("load       closed loop, concurrency %d, %s\n", concurrency,
                absl::FormatDuration(absl::GetFlag(FLAGS_duration)).c_str());
    load.RunClosed(concurrency, absl::GetFlag(FLAGS_duration));
  } else {
    std::printf("load       open loop, %.1f calls/s, %s\n", rate,
                absl::FormatDuration(absl::GetFlag(FLAGS_duration)).c_str());
    load.RunOpen(rate, absl::GetFlag(FLAGS_duration));
  }
  load.Report(absl::Now() - start);
  if (absl::GetFlag(FLAGS_server_pid) > 0)
    PrintServerMemory(absl::GetFlag(FLAGS_server_pid));
  return 0;
}
