#include "client/batch_command.h"

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "client/adaptive_limit.h"
#include "client/batch_args.h"
#include "client/batch_output.h"
#include "client/batch_sink.h"
#include "client/batch_tally.h"
#include "client/channel_factory.h"
#include "client/page_queue.h"
#include "client/page_source.h"
#include "client/stream_cleaner.h"
#include "proto/declutter/v1/declutter.grpc.pb.h"
#include "service/api/request_cleaner.h"

namespace declutter::client {
namespace {

// The exit status when the output could not be written.
constexpr int kOutputFailed = 3;

// Cleans pages from `queue` in-process until it is closed (or stopped).
void CleanLocally(PageQueue* queue, BatchSink* sink) {
  SourcePage page;
  while (queue->Pop(&page)) {
    const int64_t bytes = static_cast<int64_t>(page.content.size());
    const std::string id = page.id;
    v1::CleanResponse response;
    const absl::Status status =
        api::RequestCleaner::Clean(RequestOf(std::move(page)), &response);
    if (!status.ok()) {
      sink->AnswerError(id, status, bytes);
      continue;
    }
    sink->Answer(response, bytes);
  }
}

// The threads that clean, and what they borrow.
struct Workers {
  std::vector<std::shared_ptr<grpc::Channel>> channels;  // one per stub
  std::vector<std::unique_ptr<v1::Declutter::Stub>> stubs;
  std::vector<std::unique_ptr<StreamCleaner>> streams;
  std::vector<std::thread> threads;

  void Join() {
    for (std::thread& t : threads) t.join();
  }
};

// One channel and stub per server of --server, with the --tls* credentials.
// INVALID_ARGUMENT when the TLS files are unusable or --server names no server.
// Checked before the output is opened, which truncates it.
absl::Status OpenFleet(const BatchArgs& args, Workers* fleet) {
  absl::StatusOr<ChannelFactory> channels =
      ChannelFactory::Create(args.channel);
  if (!channels.ok()) return channels.status();
  for (const auto& channel : channels->OpenEach(args.server)) {
    fleet->stubs.push_back(v1::Declutter::NewStub(channel));
    fleet->channels.push_back(channel);
  }
  if (fleet->stubs.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("--server \"", args.server,
                     "\" names no server: expected host:port[,host:port...]"));
  }
  return absl::OkStatus();
}

// Starts the stream cleaners over the fleet's `out->stubs`.
void StartStreamWorkers(const BatchArgs& args, int workers,
                        AdaptiveLimit* window, PageQueue* queue,
                        BatchSink* sink, Workers* out) {
  // Several streams, so round robin (and a list of servers) spreads them over
  // the fleet: each stream is one server's work.
  const int streams = std::max(static_cast<int>(out->stubs.size()),
                               std::max(1, std::min(workers, 8)));
  StreamCleaner::Settings settings;
  settings.in_flight = std::max(1, (workers + streams - 1) / streams);
  settings.max_retries = args.max_retries;
  settings.retry_deadline = absl::Seconds(args.retry_deadline_seconds);
  for (int i = 0; i < streams; ++i) {
    settings.seed = i + 1;
    settings.channel = out->channels[i % out->channels.size()];
    out->streams.push_back(
        std::make_unique<StreamCleaner>(out->stubs[i % out->stubs.size()].get(),
                                        settings, window, queue, sink));
  }
  for (const auto& stream : out->streams) {
    out->threads.emplace_back([cleaner = stream.get()] { cleaner->Run(); });
  }
}

// Pages the reading loop did not send to be cleaned.
struct NotSent {
  int64_t resumed = 0;      // already in the output
  int64_t other_shard = 0;  // another shard's
};

// Reads every page from `source` into `queue`, except other shards' pages,
// pages already in the output, skips (counted) and unreadable inputs (error
// lines). Stops early when the sink stops.
NotSent FeedPages(const BatchArgs& args, PageSource* source,
                  const BatchOutput& output, PageQueue* queue, BatchSink* sink,
                  BatchTally* tally) {
  NotSent not_sent;
  SourcePage page;
  while (!sink->stopped() && source->Next(&page)) {
    if (args.shards > 1 && ShardOf(page.id, args.shards) != args.shard) {
      ++not_sent.other_shard;
    } else if (output.Done(page.id)) {
      ++not_sent.resumed;
    } else if (!page.error.ok()) {
      // An unreadable input or line: an error line, not a drop.
      sink->AnswerError(page.id, page.error, 0);
    } else if (!page.skipped.empty()) {
      tally->Skipped(page.skipped);
    } else if (!queue->Push(std::move(page))) {
      break;  // stopped
    }
  }
  queue->Close();
  return not_sent;
}

// Rewrites the progress line on a terminal every half second until `done`.
std::thread StartProgress(const BatchTally* tally,
                          const std::atomic<bool>* done) {
  return std::thread([tally, done] {
    if (isatty(STDERR_FILENO) == 0) return;
    while (!done->load()) {
      std::fprintf(stderr, "\r\033[K%s", tally->Progress().c_str());
      absl::SleepFor(absl::Milliseconds(500));
    }
    std::fprintf(stderr, "\r\033[K");
  });
}

// The summary on stderr, and the exit status.
int Finish(const BatchArgs& args, const BatchTally& tally,
           const BatchSink& sink, const NotSent& not_sent) {
  std::cerr << tally.Summary();
  if (not_sent.resumed > 0) {
    std::cerr << "batch: " << not_sent.resumed
              << " pages already in the output\n";
  }
  if (not_sent.other_shard > 0) {
    std::cerr << "batch: " << not_sent.other_shard
              << " pages in other shards\n";
  }
  if (const absl::Status failure = sink.failure(); !failure.ok()) {
    std::cerr << "declutter batch: " << failure.message()
              << "; the run stopped there"
              << (args.output == "-"
                      ? "\n"
                      : ": run again with --resume to go on from the pages "
                        "written\n");
    return kOutputFailed;
  }
  return tally.failed() > 0 && !args.allow_errors ? 1 : 0;
}

}  // namespace

int ShardOf(absl::string_view id, int shards) {
  uint64_t hash = 1469598103934665603ULL;
  for (unsigned char c : id) {
    hash ^= c;
    hash *= 1099511628211ULL;
  }
  return static_cast<int>(hash % static_cast<uint64_t>(shards));
}

int RunBatch(int argc, char** argv) {
  if (argc >= 3 &&
      (std::string(argv[2]) == "--help" || std::string(argv[2]) == "-h")) {
    std::cout << kBatchUsage;
    return 0;
  }
  BatchArgs args;
  if (absl::Status s = ParseBatchArgs(argc, argv, &args); !s.ok()) {
    std::cerr << "declutter batch: " << s.message() << "\n" << kBatchUsage;
    return 2;
  }
  // A closed pipe or a file-size limit fails the write with an error the
  // batch reports, instead of killing it with a signal.
  signal(SIGPIPE, SIG_IGN);
  signal(SIGXFSZ, SIG_IGN);
  absl::StatusOr<std::unique_ptr<PageSource>> source =
      PageSource::Open(args.inputs, args.max_bytes);
  if (!source.ok()) {
    std::cerr << "declutter batch: " << source.status().message() << "\n";
    return 2;
  }
  Workers running;
  if (!args.server.empty()) {
    if (absl::Status s = OpenFleet(args, &running); !s.ok()) {
      std::cerr << "declutter batch: " << s.message() << "\n";
      return 2;
    }
  }
  absl::StatusOr<std::unique_ptr<BatchOutput>> output =
      BatchOutput::Open(args.output, args.resume, args.keep_errors);
  if (!output.ok()) {
    std::cerr << "declutter batch: " << output.status().message() << "\n";
    return 2;
  }
  const int workers =
      args.concurrency > 0
          ? args.concurrency
          : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  BatchTally tally(args.shards == 1 && !args.resume ? (*source)->known_total()
                                                    : -1);
  PageQueue queue(static_cast<size_t>(2 * workers));
  BatchSink sink(output->get(), &tally, &queue);
  // Pages in flight to the fleet, all streams together (server mode).
  AdaptiveLimit window(workers);
  if (args.server.empty()) {
    for (int i = 0; i < workers; ++i) {
      running.threads.emplace_back([&] { CleanLocally(&queue, &sink); });
    }
  } else {
    StartStreamWorkers(args, workers, &window, &queue, &sink, &running);
  }
  std::atomic<bool> done{false};
  std::thread progress = StartProgress(&tally, &done);
  const NotSent not_sent =
      FeedPages(args, source->get(), **output, &queue, &sink, &tally);
  running.Join();
  done = true;
  progress.join();
  return Finish(args, tally, sink, not_sent);
}

}  // namespace declutter::client
