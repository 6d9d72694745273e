#include "client/batch_command.h"

#include <grpcpp/grpcpp.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>
#include <random>
#include <thread>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "client/adaptive_limit.h"
#include "client/batch_output.h"
#include "client/command_line.h"
#include "client/page_source.h"
#include "proto/declutter/v1/declutter.grpc.pb.h"
#include "service/server/request_cleaner.h"

namespace declutter::client {
namespace {

constexpr char kUsage[] =
    "usage: declutter batch [--server TARGET | --local] [--concurrency N]\n"
    "                       [--output OUT.jsonl] [--resume] [--shard I/N]\n"
    "                       [--inputs-from FILE] [--allow-errors] "
    "[--max-retries N]\n"
    "                       [--max-bytes N] INPUT...\n"
    "INPUT is a directory (recursed), a page file, a JSONL file (url, content "
    "or html,\n"
    "content_type, id per line) or a WARC file; .gz is read transparently. "
    "TARGET is\n"
    "host:port, a comma-separated list of them, or dns:///name:port (round "
    "robin).\n";

struct BatchArgs {
  std::string server;
  int concurrency = 0;
  std::string output = "-";
  bool resume = false;
  int shard = 0, shards = 1;
  bool allow_errors = false;
  int max_retries = 8;
  size_t max_bytes = 32u << 20;
  std::vector<std::string> inputs;
};

std::string ParseArgs(int argc, char** argv, BatchArgs* args) {
  for (CommandLine cl(argc, argv, 2); !cl.done(); cl.Advance()) {
    std::string value;
    if (cl.Take("--server", &value)) {
      args->server = value;
    } else if (cl.Is("--local")) {
      args->server.clear();
    } else if (cl.Take("--concurrency", &value)) {
      if (!absl::SimpleAtoi(value, &args->concurrency) ||
          args->concurrency < 1) {
        return absl::StrCat("--concurrency is \"", value,
                            "\": expected a positive integer");
      }
    } else if (cl.Take("--output", &value) || cl.Take("-o", &value)) {
      args->output = value;
    } else if (cl.Is("--resume")) {
      args->resume = true;
    } else if (cl.Is("--allow-errors")) {
      args->allow_errors = true;
    } else if (cl.Take("--shard", &value)) {
      std::vector<std::string> parts = absl::StrSplit(value, '/');
      if (parts.size() != 2 || !absl::SimpleAtoi(parts[0], &args->shard) ||
          !absl::SimpleAtoi(parts[1], &args->shards) || args->shards < 1 ||
          args->shard < 0 || args->shard >= args->shards) {
        return absl::StrCat("--shard is \"", value,
                            "\": expected I/N with 0 <= I < N");
      }
    } else if (cl.Take("--inputs-from", &value)) {
      std::ifstream in(value);
      if (!in) return absl::StrCat("cannot read --inputs-from file ", value);
      std::string line;
      while (std::getline(in, line)) {
        absl::string_view path = absl::StripAsciiWhitespace(line);
        if (!path.empty() && path[0] != '#') args->inputs.emplace_back(path);
      }
    } else if (cl.Take("--max-retries", &value)) {
      if (!absl::SimpleAtoi(value, &args->max_retries) ||
          args->max_retries < 0) {
        return absl::StrCat("--max-retries is \"", value,
                            "\": expected 0 or more");
      }
    } else if (cl.Take("--max-bytes", &value)) {
      if (!absl::SimpleAtoi(value, &args->max_bytes) || args->max_bytes == 0) {
        return absl::StrCat("--max-bytes is \"", value,
                            "\": expected a positive integer");
      }
    } else if (cl.IsPositional()) {
      args->inputs.push_back(cl.arg());
    } else {
      return absl::StrCat("unknown or incomplete option ", cl.arg());
    }
  }
  if (args->inputs.empty())
    return "no INPUT given: expected files, directories or --inputs-from";
  if (args->resume && args->output == "-")
    return "--resume needs --output FILE";
  return "";
}

// Counts for the progress line and the summary. Thread-safe.
class Tally {
 public:
  explicit Tally(int64_t total) : total_(total), start_(absl::Now()) {}

  void Cleaned(int64_t bytes) {
    ++cleaned_;
    bytes_ += bytes;
  }
  void Failed(absl::StatusCode code, int64_t bytes) {
    ++failed_;
    bytes_ += bytes;
    std::lock_guard<std::mutex> lock(mu_);
    ++errors_[code];
  }
  void Skipped(const std::string& reason) {
    std::lock_guard<std::mutex> lock(mu_);
    ++skipped_[reason];
  }
  void Retried() { ++retries_; }
  int64_t failed() const { return failed_; }

  std::string Progress() const {
    const double seconds =
        std::max(1e-3, absl::ToDoubleSeconds(absl::Now() - start_));
    const int64_t done = cleaned_ + failed_;
    std::string line = absl::StrCat(done);
    if (total_ >= 0) absl::StrAppend(&line, "/", total_);
    absl::StrAppendFormat(&line, " pages, %.1f pages/s, %.1f MB/s, %d errors",
                          done / seconds, bytes_ / seconds / 1e6,
                          static_cast<int>(failed_));
    if (total_ > 0 && done > 0) {
      absl::StrAppendFormat(&line, ", ETA %.0f s",
                            (total_ - done) / (done / seconds));
    }
    return line;
  }

  std::string Summary() const {
    std::lock_guard<std::mutex> lock(mu_);
    const double seconds = absl::ToDoubleSeconds(absl::Now() - start_);
    std::string out = absl::StrFormat(
        "batch: %d pages cleaned, %d failed, in %.1f s (%.1f pages/s, %.1f "
        "MB/s); %d retries\n",
        static_cast<int>(cleaned_), static_cast<int>(failed_), seconds,
        (cleaned_ + failed_) / std::max(seconds, 1e-3),
        bytes_ / std::max(seconds, 1e-3) / 1e6, static_cast<int>(retries_));
    for (const auto& [reason, n] : skipped_)
      absl::StrAppend(&out, "batch: skipped ", n, " ", reason, "\n");
    for (const auto& [code, n] : errors_) {
      absl::StrAppend(&out, "batch: error ", absl::StatusCodeToString(code),
                      ": ", n, "\n");
    }
    return out;
  }

 private:
  const int64_t total_;
  const absl::Time start_;
  std::atomic<int64_t> cleaned_{0}, failed_{0}, bytes_{0}, retries_{0};
  mutable std::mutex mu_;
  std::map<std::string, int64_t> skipped_;
  std::map<absl::StatusCode, int64_t> errors_;
};

// A bounded hand-off from the reading thread to the cleaning threads.
class PageQueue {
 public:
  explicit PageQueue(size_t capacity) : capacity_(capacity) {}
  void Push(SourcePage page) {
    std::unique_lock<std::mutex> lock(mu_);
    not_full_.wait(lock, [&] { return pages_.size() < capacity_; });
    pages_.push_back(std::move(page));
    not_empty_.notify_one();
  }
  void Close() {
    std::lock_guard<std::mutex> lock(mu_);
    closed_ = true;
    not_empty_.notify_all();
  }
  // False once closed and empty.
  bool Pop(SourcePage* page) {
    std::unique_lock<std::mutex> lock(mu_);
    not_empty_.wait(lock, [&] { return !pages_.empty() || closed_; });
    if (pages_.empty()) return false;
    *page = std::move(pages_.front());
    pages_.pop_front();
    not_full_.notify_one();
    return true;
  }

 private:
  const size_t capacity_;
  std::mutex mu_;
  std::condition_variable not_full_, not_empty_;
  std::deque<SourcePage> pages_;
  bool closed_ = false;
};

v1::CleanRequest RequestOf(const SourcePage& page) {
  v1::CleanRequest request;
  request.set_id(page.id);
  request.set_url(page.url);
  request.set_content_type(page.content_type);
  request.set_content(page.content);
  return request;
}

// Writes an error line for `page` and counts it.
void WriteError(const std::string& id, const absl::Status& status,
                int64_t bytes, BatchOutput* output, Tally* tally) {
  v1::CleanResponse response;
  response.set_id(id);
  server::RequestCleaner::SetError(status, &response);
  (void)output->Write(response);
  tally->Failed(status.code(), bytes);
}

// Cleans pages from `queue` in-process until it is closed.
void CleanLocally(PageQueue* queue, BatchOutput* output, Tally* tally) {
  SourcePage page;
  while (queue->Pop(&page)) {
    v1::CleanResponse response;
    const absl::Status status =
        server::RequestCleaner::Clean(RequestOf(page), &response);
    const int64_t bytes = static_cast<int64_t>(page.content.size());
    if (!status.ok()) {
      WriteError(page.id, status, bytes, output, tally);
      continue;
    }
    (void)output->Write(response);
    tally->Cleaned(bytes);
  }
}

bool Retryable(absl::StatusCode code) {
  return code == absl::StatusCode::kUnavailable ||
         code == absl::StatusCode::kResourceExhausted ||
         code == absl::StatusCode::kDeadlineExceeded;
}

// Exponential backoff with full jitter: up to 100 ms * 2^attempt, capped at 10
// s, and at least the server's retry hint.
absl::Duration Backoff(int attempt, int64_t hint_ms, std::mt19937_64* random) {
  const double cap = std::min(10000.0, 100.0 * (1 << std::min(attempt, 10)));
  std::uniform_real_distribution<double> jitter(0, cap);
  return absl::Milliseconds(
      std::max<double>(jitter(*random), static_cast<double>(hint_ms)));
}

// One CleanStream to the fleet with at most `in_flight` pages outstanding.
// Items the server answers with a retryable error, and items in flight when the
// stream breaks, are retried with backoff up to `max_retries` times; then
// written as error lines.
void CleanThroughStream(v1::Declutter::Stub* stub, int in_flight,
                        int max_retries, AdaptiveLimit* window,
                        PageQueue* queue, BatchOutput* output, Tally* tally,
                        int seed) {
  std::mt19937_64 random(seed);
  struct Pending {
    SourcePage page;
    int attempts = 0;
    absl::Time not_before =
        absl::InfinitePast();  // backoff: not sent again before
  };
  std::deque<Pending> retry;  // pages to send again on this worker
  bool source_done = false;
  int stream_failures = 0;
  while (!(source_done && retry.empty())) {
    grpc::ClientContext context;
    auto stream = stub->CleanStream(&context);
    std::mutex mu;
    std::condition_variable cv;
    std::map<uint64_t, Pending>
        outstanding;  // by the sequence number sent as id
    bool reader_done = false;
    std::thread reader([&] {
      v1::CleanResponse response;
      while (stream->Read(&response)) {
        uint64_t seq = 0;
        (void)absl::SimpleAtoi(response.id(), &seq);
        std::unique_lock<std::mutex> lock(mu);
        auto it = outstanding.find(seq);
        if (it == outstanding.end()) continue;
        Pending item = std::move(it->second);
        outstanding.erase(it);
        lock.unlock();
        const int64_t bytes = static_cast<int64_t>(item.page.content.size());
        const auto code =
            static_cast<absl::StatusCode>(response.error().code());
        window->Release(response.has_error() &&
                        code == absl::StatusCode::kResourceExhausted);
        if (response.has_error() && Retryable(code) &&
            item.attempts < max_retries) {
          tally->Retried();
          // The writer waits out the backoff; the reader goes on reading
          // answers.
          item.not_before =
              absl::Now() + Backoff(item.attempts,
                                    response.error().retry_after_ms(), &random);
          ++item.attempts;
          lock.lock();
          retry.push_back(std::move(item));
        } else {
          response.set_id(item.page.id);
          (void)output->Write(response);
          if (response.has_error()) {
            tally->Failed(code, bytes);
          } else {
            tally->Cleaned(bytes);
          }
          lock.lock();
        }
        cv.notify_all();
      }
      std::lock_guard<std::mutex> lock(mu);
      reader_done = true;
      cv.notify_all();
    });
    uint64_t next_seq = 1;
    bool broken = false;
    while (true) {
      Pending item;
      {
        std::unique_lock<std::mutex> lock(mu);
        cv.wait(lock, [&] {
          return reader_done ||
                 static_cast<int>(outstanding.size()) < in_flight;
        });
        if (reader_done) {
          broken = true;
          break;
        }
        if (!retry.empty()) {
          item = std::move(retry.front());
          retry.pop_front();
          if (const absl::Time now = absl::Now(); item.not_before > now) {
            lock.unlock();
            absl::SleepFor(item.not_before - now);
            lock.lock();
          }
        } else if (source_done) {
          if (outstanding.empty()) break;
          cv.wait(lock, [&] {
            return reader_done || !retry.empty() || outstanding.empty();
          });
          continue;
        } else {
          lock.unlock();
          if (!queue->Pop(&item.page)) {
            source_done = true;
            continue;
          }
          lock.lock();
        }
        // A slot in the fleet-wide window, shared by every stream.
        lock.unlock();
        bool slot = false;
        while (!slot) {
          slot = window->Acquire(absl::Milliseconds(100));
          std::lock_guard<std::mutex> check(mu);
          if (!slot && reader_done) break;
        }
        lock.lock();
        if (!slot) {  // the stream broke while waiting: send it on the next one
          retry.push_front(std::move(item));
          broken = true;
          break;
        }
        v1::CleanRequest request = RequestOf(item.page);
        request.set_id(absl::StrCat(next_seq));
        outstanding.emplace(next_seq++, std::move(item));
        lock.unlock();
        if (!stream->Write(request)) {
          broken = true;
          break;
        }
      }
    }
    stream->WritesDone();
    reader.join();
    const grpc::Status status = stream->Finish();
    // Whatever is still outstanding was not answered: retry it on a new stream.
    for (auto& [seq, item] : outstanding) {
      window->Release(/*overloaded=*/false);
      const int64_t bytes = static_cast<int64_t>(item.page.content.size());
      if (item.attempts < max_retries) {
        ++item.attempts;
        tally->Retried();
        retry.push_back(std::move(item));
      } else {
        WriteError(
            item.page.id,
            absl::Status(static_cast<absl::StatusCode>(status.error_code()),
                         absl::StrCat("the stream ended before an answer: ",
                                      status.error_message())),
            bytes, output, tally);
      }
    }
    if (broken || !status.ok()) {
      absl::SleepFor(Backoff(std::min(++stream_failures, 6), 0, &random));
    } else {
      stream_failures = 0;
    }
  }
}

// Channels to the fleet. One target (host:port or a resolver URI such as
// dns:///name:port) is one channel with round robin over what it resolves to; a
// comma-separated list is one channel per entry, and streams are spread over
// them.
std::vector<std::shared_ptr<grpc::Channel>> FleetChannels(
    const std::string& target, size_t max_bytes) {
  grpc::ChannelArguments args;
  args.SetMaxSendMessageSize(
      static_cast<int>(std::min<size_t>(max_bytes + (1 << 20), INT32_MAX)));
  args.SetMaxReceiveMessageSize(-1);
  args.SetLoadBalancingPolicyName("round_robin");
  std::vector<std::shared_ptr<grpc::Channel>> channels;
  for (absl::string_view entry :
       absl::StrSplit(target, ',', absl::SkipWhitespace())) {
    channels.push_back(grpc::CreateCustomChannel(
        std::string(absl::StripAsciiWhitespace(entry)),
        grpc::InsecureChannelCredentials(), args));
  }
  return channels;
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
    std::cout << kUsage;
    return 0;
  }
  BatchArgs args;
  if (std::string error = ParseArgs(argc, argv, &args); !error.empty()) {
    std::cerr << "declutter batch: " << error << "\n" << kUsage;
    return 2;
  }
  absl::StatusOr<std::unique_ptr<PageSource>> source =
      PageSource::Open(args.inputs, args.max_bytes);
  if (!source.ok()) {
    std::cerr << "declutter batch: " << source.status().message() << "\n";
    return 2;
  }
  absl::StatusOr<std::unique_ptr<BatchOutput>> output =
      BatchOutput::Open(args.output, args.resume);
  if (!output.ok()) {
    std::cerr << "declutter batch: " << output.status().message() << "\n";
    return 2;
  }
  const int workers =
      args.concurrency > 0
          ? args.concurrency
          : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  Tally tally(args.shards == 1 && !args.resume ? (*source)->known_total() : -1);
  PageQueue queue(static_cast<size_t>(2 * workers));

  std::vector<std::thread> threads;
  std::vector<std::unique_ptr<v1::Declutter::Stub>> stubs;
  // Pages in flight to the fleet, all streams together (server mode).
  AdaptiveLimit window(workers);
  if (args.server.empty()) {
    for (int i = 0; i < workers; ++i) {
      threads.emplace_back(
          [&] { CleanLocally(&queue, output->get(), &tally); });
    }
  } else {
    for (const auto& channel : FleetChannels(args.server, args.max_bytes)) {
      stubs.push_back(v1::Declutter::NewStub(channel));
    }
    if (stubs.empty()) {
      std::cerr << "declutter batch: --server \"" << args.server
                << "\" names no server: expected host:port[,host:port...]\n";
      return 2;
    }
    // Several streams, so round robin (and a list of servers) spreads them over
    // the fleet: each stream is one server's work.
    const int streams = std::max(static_cast<int>(stubs.size()),
                                 std::max(1, std::min(workers, 8)));
    const int per_stream = std::max(1, (workers + streams - 1) / streams);
    for (int i = 0; i < streams; ++i) {
      // per_stream lives in this block only: the threads take a copy.
      threads.emplace_back([&, i, per_stream] {
        CleanThroughStream(stubs[i % stubs.size()].get(), per_stream,
                           args.max_retries, &window, &queue, output->get(),
                           &tally, i + 1);
      });
    }
  }

  const bool terminal = isatty(STDERR_FILENO) != 0;
  std::atomic<bool> reading{true};
  std::thread progress([&] {
    if (!terminal) return;
    while (reading.load()) {
      std::fprintf(stderr, "\r\033[K%s", tally.Progress().c_str());
      absl::SleepFor(absl::Milliseconds(500));
    }
  });
  SourcePage page;
  int64_t resumed = 0, other_shard = 0;
  while ((*source)->Next(&page)) {
    if (args.shards > 1 && ShardOf(page.id, args.shards) != args.shard) {
      ++other_shard;
      continue;
    }
    if ((*output)->Done(page.id)) {
      ++resumed;
      continue;
    }
    if (!page.error
             .ok()) {  // an unreadable input or line: an error line, not a drop
      WriteError(page.id, page.error, 0, output->get(), &tally);
      continue;
    }
    if (!page.skipped.empty()) {
      tally.Skipped(page.skipped);
      continue;
    }
    queue.Push(std::move(page));
  }
  queue.Close();
  for (std::thread& t : threads) t.join();
  reading = false;
  progress.join();
  if (terminal) std::fprintf(stderr, "\r\033[K");
  std::cerr << tally.Summary();
  if (resumed > 0)
    std::cerr << "batch: " << resumed << " pages already in the output\n";
  if (other_shard > 0)
    std::cerr << "batch: " << other_shard << " pages in other shards\n";
  return tally.failed() > 0 && !args.allow_errors ? 1 : 0;
}

}  // namespace declutter::client
