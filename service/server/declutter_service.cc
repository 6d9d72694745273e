#include "service/server/declutter_service.h"

#include <chrono>
#include <deque>
#include <memory>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "service/api/proto_labels.h"
#include "service/api/request_cleaner.h"
#include "service/extract/work_budget.h"
#include "service/server/metric_labels.h"

namespace declutter::server {
namespace {

using api::RequestCleaner;

constexpr char kClean[] = "Clean";
constexpr char kCleanStream[] = "CleanStream";

grpc::Status ToGrpc(const absl::Status& s) {
  return grpc::Status(static_cast<grpc::StatusCode>(s.code()),
                      std::string(s.message()));
}

absl::Time DeadlineOf(const grpc::CallbackServerContext* context) {
  const auto deadline = context->deadline();
  if (deadline == std::chrono::system_clock::time_point::max())
    return absl::InfiniteFuture();
  return absl::FromChrono(deadline);
}

std::string MetadataValue(const grpc::CallbackServerContext* context,
                          const char* key) {
  const auto& metadata = context->client_metadata();
  const auto it = metadata.find(key);
  if (it == metadata.end()) return "";
  return std::string(it->second.data(),
                     std::min<size_t>(it->second.size(), 128));
}

// A retry hint of at least 10 ms, so a client never spins.
int64_t RetryMillis(absl::Duration wait) {
  return std::max<int64_t>(10, absl::ToInt64Milliseconds(wait));
}

const char* KindLabel(v1::InputKind kind) {
  switch (kind) {
    case v1::INPUT_KIND_HTML:
      return "html";
    case v1::INPUT_KIND_TEXT:
      return "text";
    default:
      return "unknown";
  }
}

// The status a stream drained by a shutdown ends with when the client had not
// finished sending: the items it has no answer for were never read.
grpc::Status DrainedStatus() {
  return grpc::Status(grpc::StatusCode::UNAVAILABLE,
                      "server is shutting down: items without an answer were "
                      "not read; send them to another replica");
}

// One CleanStream call. Lives until OnDone; deletes itself there.
class StreamReactor final
    : public grpc::ServerBidiReactor<v1::CleanRequest, v1::CleanResponse>,
      public DeclutterService::OpenStream {
 public:
  StreamReactor(DeclutterService* service, grpc::CallbackServerContext* context)
      : service_(service),
        deadline_(DeadlineOf(context)),
        metadata_id_(MetadataValue(context, "x-request-id")) {
    // gRPC holds back callbacks until the constructor has returned, so the
    // reactor is registered before any of them can run; a drain from then on
    // reaches it, and a stream opened while draining ends at once.
    StartRead(&incoming_);
    if (!service_->AddStream(this)) {
      {
        absl::MutexLock lock(&mu_);
        draining_ = true;
        finished_ = true;
        end_status_ = DrainedStatus();
      }
      Finish(DrainedStatus());
    }
  }

  // Stops reading; the items read are answered, then the stream ends. Called
  // under the service's stream lock: it must not call into gRPC, so it returns
  // true when the caller must call FinishDrained() (after the lock).
  bool MarkDraining() override {
    absl::MutexLock lock(&mu_);
    draining_ = true;
    return ReadyToFinishLocked();
  }
  void FinishDrained() override { Finish(EndStatus()); }

  void OnReadDone(bool ok) override {
    if (!ok) {
      bool finish;
      {
        absl::MutexLock lock(&mu_);
        reads_done_ = true;
        finish = ReadyToFinishLocked();
      }
      if (finish) Finish(EndStatus());
      return;
    }
    auto request = std::make_shared<v1::CleanRequest>(std::move(incoming_));
    incoming_.Clear();
    const absl::Time start = absl::Now();
    bool read_more, draining;
    {
      absl::MutexLock lock(&mu_);
      // Read after the drain began: not accepted. The stream has ended when
      // its other items were all answered; its end status tells the client to
      // resend this one.
      if (finished_) return;
      ++outstanding_;
      draining = draining_;
      read_more =
          !draining_ && outstanding_ < service_->limits().stream_max_in_flight;
      reading_paused_ = !read_more;
    }
    if (draining) {
      // Answered at once, without engine work, so the client resends it.
      const int64_t retry_ms = service_->RetryAfterMillis();
      Refuse(*request, start,
             absl::UnavailableError(absl::StrCat(
                 "server is shutting down: item not cleaned; send it to "
                 "another replica")),
             retry_ms);
    } else if (absl::Status size = service_->CheckSize(*request); !size.ok()) {
      Refuse(*request, start, size, 0);
    } else if (auto response = std::make_shared<v1::CleanResponse>();
               !service_->pool()->TrySubmit(
                   [this, request, start, response] {
                     const absl::Status s = service_->Run(
                         *request, deadline_,
                         [this] { return cancelled_.load(); }, response.get());
                     if (!s.ok()) RequestCleaner::SetError(s, response.get());
                     service_->Record(kCleanStream, Id(*request), start, s,
                                      *request, response.get());
                   },
                   // Answered once the item's place in the pool is free, as
                   // unary calls are.
                   [this, response] { Answer(std::move(*response)); },
                   request->content().size())) {
      const int64_t retry_ms = service_->RetryAfterMillis();
      Refuse(*request, start, service_->Overloaded(retry_ms), retry_ms);
    }
    if (read_more) StartRead(&incoming_);
  }

  void OnWriteDone(bool ok) override {
    bool write_next = false, resume_read = false, finish = false;
    {
      absl::MutexLock lock(&mu_);
      writing_ = false;
      --outstanding_;
      if (!ok) Break();
      if (!queue_.empty() && !broken_) {
        current_ = std::move(queue_.front());
        queue_.pop_front();
        writing_ = true;
        write_next = true;
      } else if (broken_) {
        outstanding_ -= static_cast<int>(queue_.size());
        queue_.clear();
      }
      if (reading_paused_ && !reads_done_ && !broken_ && !draining_) {
        reading_paused_ = false;
        resume_read = true;
      }
      finish = ReadyToFinishLocked();
    }
    if (write_next) StartWrite(&current_);
    if (resume_read) StartRead(&incoming_);
    if (finish) Finish(EndStatus());
  }

  void OnCancel() override {
    absl::MutexLock lock(&mu_);
    Break();
  }

  void OnDone() override {
    service_->RemoveStream(this);
    delete this;
  }

 private:
  std::string Id(const v1::CleanRequest& request) {
    return service_->RequestId(request, metadata_id_);
  }

  void Refuse(const v1::CleanRequest& request, absl::Time start,
              const absl::Status& s, int64_t retry_after_ms) {
    v1::CleanResponse response;
    response.set_id(request.id());
    RequestCleaner::SetError(s, &response);
    response.mutable_error()->set_retry_after_ms(retry_after_ms);
    service_->Record(kCleanStream, Id(request), start, s, request, &response);
    Answer(std::move(response));
  }

  // The client is gone or a write failed: nothing more can be written, and
  // items still being cleaned should stop at their next budget check.
  void Break() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    broken_ = true;
    cancelled_ = true;
  }

  // Queues one answer; starts a write when none is in progress.
  void Answer(v1::CleanResponse response) {
    bool write_now = false, finish = false;
    {
      absl::MutexLock lock(&mu_);
      if (broken_) {
        --outstanding_;  // nothing to write it to
        finish = ReadyToFinishLocked();
      } else if (writing_) {
        queue_.push_back(std::move(response));
      } else {
        current_ = std::move(response);
        writing_ = true;
        write_now = true;
      }
    }
    if (write_now) StartWrite(&current_);
    if (finish) Finish(EndStatus());
  }

  bool ReadyToFinishLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    if (finished_ || outstanding_ > 0 || writing_ || !queue_.empty())
      return false;
    // Finish once no read is pending: the client is done writing, or the stream
    // broke while reading was paused (no read will ever complete to say so).
    // A draining stream finishes with a read pending: the client may never
    // send again, and gRPC ends that read when the call ends.
    if (!reads_done_ && !(broken_ && reading_paused_) && !draining_) {
      return false;
    }
    finished_ = true;
    end_status_ = reads_done_ || broken_ ? grpc::Status::OK : DrainedStatus();
    return true;
  }

  // Set once, with finished_, before Finish is called.
  grpc::Status EndStatus() {
    absl::MutexLock lock(&mu_);
    return end_status_;
  }

  DeclutterService* const service_;
  const absl::Time deadline_;
  const std::string metadata_id_;
  std::atomic<bool> cancelled_{false};
  v1::CleanRequest
      incoming_;  // only touched by the read path, one read at a time
  absl::Mutex mu_;
  int outstanding_ ABSL_GUARDED_BY(mu_) =
      0;  // read, not yet written (or dropped)
  std::deque<v1::CleanResponse> queue_ ABSL_GUARDED_BY(mu_);
  v1::CleanResponse
      current_;  // the response being written; guarded by writing_
  bool writing_ ABSL_GUARDED_BY(mu_) = false;
  bool reading_paused_ ABSL_GUARDED_BY(mu_) = false;
  bool reads_done_ ABSL_GUARDED_BY(mu_) = false;
  bool broken_ ABSL_GUARDED_BY(mu_) = false;
  bool finished_ ABSL_GUARDED_BY(mu_) = false;
  bool draining_ ABSL_GUARDED_BY(mu_) = false;
  grpc::Status end_status_ ABSL_GUARDED_BY(mu_);
};

}  // namespace

DeclutterService::DeclutterService(WorkPool* pool, ServiceLimits limits,
                                   Metrics* metrics, JsonLog* log)
    : pool_(pool), limits_(limits), metrics_(metrics), log_(log) {}

void DeclutterService::DeclareMetrics(Metrics* metrics, const WorkPool* pool) {
  metrics->DeclareCounter(
      "declutter_requests_total",
      "Pages answered (stream items count one each), by method and "
      "gRPC status code.",
      {"method", "code"});
  metrics->DeclareHistogram(
      "declutter_request_duration_seconds",
      "Time from receiving a page to answering it, queueing included, by "
      "method.",
      {"method"},
      {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10});
  metrics->DeclareHistogram(
      "declutter_input_bytes", "Size of the pages received.", {},
      {1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864});
  metrics->DeclareCounter(
      "declutter_pages_total",
      "Pages cleaned, by detected input kind, charset and language.",
      {"kind", "charset", "language"});
  metrics->DeclareHistogram(
      "declutter_extraction_confidence",
      "Predicted quality of each cleaned page's extraction (0-1), by page "
      "type (unknown when no page-type model ran).",
      {"page_type"}, {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9});
  metrics->DeclareCounter("declutter_removed_blocks_total",
                          "Blocks dropped from cleaned pages, by kind.",
                          {"kind"});
  metrics->DeclareGauge("declutter_queue_depth", "Pages waiting for a worker.",
                        [pool] { return static_cast<double>(pool->Queued()); });
  metrics->DeclareGauge(
      "declutter_in_flight", "Pages being cleaned now.",
      [pool] { return static_cast<double>(pool->Running()); });
  metrics->DeclareGauge("declutter_workers", "Engine worker threads.", [pool] {
    return static_cast<double>(pool->threads());
  });
}

absl::Status DeclutterService::CheckSize(
    const v1::CleanRequest& request) const {
  if (request.content().size() > limits_.max_page_bytes) {
    return absl::InvalidArgumentError(absl::StrCat(
        "page is ", request.content().size(),
        " bytes, over the server's limit of ", limits_.max_page_bytes,
        " bytes (--max_page_bytes): send a smaller page"));
  }
  return absl::OkStatus();
}

int64_t DeclutterService::RetryAfterMillis() const {
  return RetryMillis(pool_->ExpectedWait());
}

absl::Status DeclutterService::Overloaded(int64_t retry_ms) const {
  return absl::ResourceExhaustedError(absl::StrCat(
      "server is at capacity (work queue full): retry after about ", retry_ms,
      " ms with backoff, or send to another replica"));
}

absl::Status DeclutterService::Run(const v1::CleanRequest& request,
                                   absl::Time deadline,
                                   std::function<bool()> cancelled,
                                   v1::CleanResponse* response) const {
  extract::WorkBudget budget =
      api::PageBudget(limits_.page_budget, deadline, std::move(cancelled),
                      "the call's deadline or the server's per-page budget");
  if (absl::Status s = budget.Check("decoding"); !s.ok()) {
    response->set_id(request.id());
    return s;  // expired while queued
  }
  extract::RemovedCounts removed{};
  absl::Status s = RequestCleaner::Clean(request, response, &budget, &removed);
  if (s.ok() && metrics_ != nullptr) {
    for (size_t kind = 0; kind < removed.size(); ++kind) {
      if (removed[kind] > 0) {
        metrics_->Add(
            "declutter_removed_blocks_total",
            {extract::BlockKindName(static_cast<extract::BlockKind>(kind))},
            removed[kind]);
      }
    }
  }
  return s;
}

std::string DeclutterService::RequestId(const v1::CleanRequest& request,
                                        absl::string_view fallback) {
  if (!request.id().empty()) return request.id().substr(0, 128);
  if (!fallback.empty()) return std::string(fallback);
  return absl::StrCat("req-", next_id_.fetch_add(1, std::memory_order_relaxed));
}

void DeclutterService::Record(absl::string_view method,
                              absl::string_view request_id, absl::Time start,
                              const absl::Status& status,
                              const v1::CleanRequest& request,
                              const v1::CleanResponse* response) {
  const absl::Duration took = absl::Now() - start;
  const std::string code = absl::StatusCodeToString(status.code());
  const v1::InputInfo& input =
      response != nullptr ? response->input() : v1::InputInfo();
  const std::string language =
      response != nullptr && status.ok() ? response->article().language() : "";
  if (metrics_ != nullptr) {
    metrics_->Add("declutter_requests_total", {std::string(method), code});
    metrics_->Observe("declutter_request_duration_seconds",
                      {std::string(method)}, absl::ToDoubleSeconds(took));
    metrics_->Observe("declutter_input_bytes", {},
                      static_cast<double>(request.content().size()));
    if (status.ok()) {
      metrics_->Add("declutter_pages_total",
                    {KindLabel(input.kind()), CharsetLabel(input.charset()),
                     LanguageLabel(language)});
      metrics_->Observe("declutter_extraction_confidence",
                        {api::PageTypeLabel(response->page_type())},
                        response->extraction_confidence());
    }
  }
  if (log_ != nullptr) {
    nlohmann::json fields = {{"request_id", std::string(request_id)},
                             {"method", std::string(method)},
                             {"code", code},
                             {"ms", absl::ToDoubleMilliseconds(took)},
                             {"bytes", request.content().size()}};
    if (status.ok()) {
      fields["kind"] = KindLabel(input.kind());
      fields["charset"] = input.charset();
      fields["language"] = language;
      fields["words"] = response->article().word_count();
      fields["page_type"] = api::PageTypeLabel(response->page_type());
      fields["page_type_probability"] = response->page_type_probability();
      fields["extraction_confidence"] = response->extraction_confidence();
    } else {
      fields["error"] = std::string(status.message());
    }
    log_->Write("page", fields);
  }
}

grpc::ServerUnaryReactor* DeclutterService::Clean(
    grpc::CallbackServerContext* context, const v1::CleanRequest* request,
    v1::CleanResponse* response) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  const absl::Time start = absl::Now();
  const std::string id =
      RequestId(*request, MetadataValue(context, "x-request-id"));
  if (absl::Status size = CheckSize(*request); !size.ok()) {
    Record(kClean, id, start, size, *request, nullptr);
    reactor->Finish(ToGrpc(size));
    return reactor;
  }
  // The answer is sent from `then`, once the call's place in the pool is free,
  // so a client that sends its next call on the answer is not refused for its
  // own last one.
  auto status = std::make_shared<absl::Status>();
  const bool queued = pool_->TrySubmit(
      [this, context, request, response, start, id, status] {
        *status = Run(
            *request, DeadlineOf(context),
            [context] { return context->IsCancelled(); }, response);
        Record(kClean, id, start, *status, *request, response);
      },
      [reactor, status] { reactor->Finish(ToGrpc(*status)); },
      request->content().size());
  if (!queued) {
    const int64_t retry_ms = RetryAfterMillis();
    const absl::Status refused = Overloaded(retry_ms);
    context->AddTrailingMetadata("grpc-retry-pushback-ms",
                                 std::to_string(retry_ms));
    Record(kClean, id, start, refused, *request, nullptr);
    reactor->Finish(ToGrpc(refused));
  }
  return reactor;
}

grpc::ServerBidiReactor<v1::CleanRequest, v1::CleanResponse>*
DeclutterService::CleanStream(grpc::CallbackServerContext* context) {
  return new StreamReactor(this, context);
}

bool DeclutterService::AddStream(OpenStream* stream) {
  absl::MutexLock lock(&streams_mu_);
  if (draining_) return false;
  streams_.insert(stream);
  return true;
}

void DeclutterService::RemoveStream(OpenStream* stream) {
  absl::MutexLock lock(&streams_mu_);
  streams_.erase(stream);
}

void DeclutterService::Drain() {
  // A stream marked ready to finish cannot be destroyed before its Finish
  // (OnDone follows Finish), so it is finished after the lock is released:
  // Finish may run OnDone, and RemoveStream, on this thread.
  std::vector<OpenStream*> finish;
  {
    absl::MutexLock lock(&streams_mu_);
    draining_ = true;
    for (OpenStream* stream : streams_) {
      if (stream->MarkDraining()) finish.push_back(stream);
    }
  }
  for (OpenStream* stream : finish) stream->FinishDrained();
}

}  // namespace declutter::server
