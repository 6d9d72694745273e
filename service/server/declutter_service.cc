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
#include "service/api/request_cleaner.h"

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
        pages_(service->pages()),
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
          !draining_ && outstanding_ < pages_->limits().stream_max_in_flight;
      reading_paused_ = !read_more;
    }
    if (draining) {
      // Answered at once, without engine work, so the client resends it.
      const int64_t retry_ms = pages_->RetryAfterMillis();
      Refuse(*request, start,
             absl::UnavailableError(absl::StrCat(
                 "server is shutting down: item not cleaned; send it to "
                 "another replica")),
             retry_ms);
    } else if (absl::Status size = pages_->CheckSize(*request); !size.ok()) {
      Refuse(*request, start, size, 0);
    } else if (auto response = std::make_shared<v1::CleanResponse>();
               !pages_->pool()->TrySubmit(
                   [this, request, start, response] {
                     const absl::Status s = pages_->Run(
                         *request, deadline_,
                         [this] { return cancelled_.load(); }, response.get());
                     if (!s.ok()) RequestCleaner::SetError(s, response.get());
                     pages_->Record(kCleanStream, Id(*request), start, s,
                                    *request, response.get());
                   },
                   // Answered once the item's place in the pool is free, as
                   // unary calls are.
                   [this, response] { Answer(std::move(*response)); },
                   request->content().size())) {
      const int64_t retry_ms = pages_->RetryAfterMillis();
      Refuse(*request, start, pages_->Overloaded(retry_ms), retry_ms);
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
    return pages_->RequestId(request, metadata_id_);
  }

  void Refuse(const v1::CleanRequest& request, absl::Time start,
              const absl::Status& s, int64_t retry_after_ms) {
    v1::CleanResponse response;
    response.set_id(request.id());
    RequestCleaner::SetError(s, &response);
    response.mutable_error()->set_retry_after_ms(retry_after_ms);
    pages_->Record(kCleanStream, Id(request), start, s, request, &response);
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
  PageCalls* const pages_;
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

grpc::ServerUnaryReactor* DeclutterService::Clean(
    grpc::CallbackServerContext* context, const v1::CleanRequest* request,
    v1::CleanResponse* response) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  PageCall call;
  call.method = kClean;
  call.request = request;
  call.response = response;
  call.fallback_id = MetadataValue(context, "x-request-id");
  call.deadline = DeadlineOf(context);
  call.cancelled = [context] { return context->IsCancelled(); };
  pages_->Clean(
      std::move(call), [context, reactor](const PageOutcome& outcome) {
        if (outcome.refusal == Refusal::kOverloaded) {
          context->AddTrailingMetadata("grpc-retry-pushback-ms",
                                       std::to_string(outcome.retry_after_ms));
        }
        reactor->Finish(ToGrpc(outcome.status));
      });
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
