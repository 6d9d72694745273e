#include "service/server/page_calls.h"

#include <algorithm>
#include <memory>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "service/api/proto_labels.h"
#include "service/api/request_cleaner.h"
#include "service/extract/work_budget.h"
#include "service/server/metric_labels.h"

namespace declutter::server {
namespace {

// A retry hint of at least 10 ms, so a client never spins.
int64_t RetryMillis(absl::Duration wait) {
  return std::max<int64_t>(10, absl::ToInt64Milliseconds(wait));
}

}  // namespace

PageCalls::PageCalls(WorkPool* pool, ServiceLimits limits, Metrics* metrics,
                     JsonLog* log)
    : pool_(pool), limits_(limits), metrics_(metrics), log_(log) {}

void PageCalls::DeclareMetrics(Metrics* metrics, const WorkPool* pool) {
  metrics->DeclareCounter(
      "declutter_requests_total",
      "Pages answered (stream items count one each), by method (Clean, "
      "CleanStream, HttpClean) and gRPC status code.",
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

void PageCalls::Clean(PageCall call,
                      std::function<void(const PageOutcome&)> done) {
  const absl::Time start = absl::Now();
  const std::string id = RequestId(*call.request, call.fallback_id);
  if (absl::Status size = CheckSize(*call.request); !size.ok()) {
    Record(call.method, id, start, size, *call.request, nullptr);
    done(PageOutcome{size, Refusal::kTooLarge, 0});
    return;
  }
  auto outcome = std::make_shared<PageOutcome>();
  const v1::CleanRequest* request = call.request;
  v1::CleanResponse* response = call.response;
  const absl::string_view method = call.method;
  const absl::Time deadline = call.deadline;
  std::function<bool()> cancelled = std::move(call.cancelled);
  // `done` is moved into `then` only when the pool takes the task, so a
  // refusal below can still call it.
  auto shared_done = std::make_shared<std::function<void(const PageOutcome&)>>(
      std::move(done));
  const bool queued = pool_->TrySubmit(
      [this, request, response, method, deadline, cancelled, start, id,
       outcome] {
        outcome->status = Run(*request, deadline, cancelled, response);
        Record(method, id, start, outcome->status, *request, response);
      },
      [shared_done, outcome] { (*shared_done)(*outcome); },
      request->content().size());
  if (!queued) {
    const int64_t retry_ms = RetryAfterMillis();
    const absl::Status refused = Overloaded(retry_ms);
    Record(method, id, start, refused, *request, nullptr);
    (*shared_done)(PageOutcome{refused, Refusal::kOverloaded, retry_ms});
  }
}

absl::Status PageCalls::CheckSize(size_t bytes) const {
  if (bytes > limits_.max_page_bytes) {
    return absl::InvalidArgumentError(
        absl::StrCat("page is ", bytes, " bytes, over the server's limit of ",
                     limits_.max_page_bytes,
                     " bytes (--max_page_bytes): send a smaller page"));
  }
  return absl::OkStatus();
}

int64_t PageCalls::RetryAfterMillis() const {
  return RetryMillis(pool_->ExpectedWait());
}

absl::Status PageCalls::Overloaded(int64_t retry_ms) const {
  return absl::ResourceExhaustedError(absl::StrCat(
      "server is at capacity (work queue full): retry after about ", retry_ms,
      " ms with backoff, or send to another replica"));
}

absl::Status PageCalls::Run(const v1::CleanRequest& request,
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
  absl::Status s =
      api::RequestCleaner::Clean(request, response, &budget, &removed);
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

std::string PageCalls::RequestId(const v1::CleanRequest& request,
                                 absl::string_view fallback) {
  if (!request.id().empty()) return request.id().substr(0, 128);
  if (!fallback.empty()) return std::string(fallback.substr(0, 128));
  return absl::StrCat("req-", next_id_.fetch_add(1, std::memory_order_relaxed));
}

void PageCalls::Record(absl::string_view method, absl::string_view request_id,
                       absl::Time start, const absl::Status& status,
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
                    {api::InputKindLabel(input.kind()),
                     CharsetLabel(input.charset()), LanguageLabel(language)});
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
      fields["kind"] = api::InputKindLabel(input.kind());
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

}  // namespace declutter::server
