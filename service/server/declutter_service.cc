#include "service/server/declutter_service.h"

#include <deque>
#include <memory>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "service/server/request_cleaner.h"

namespace declutter::server {
namespace {

grpc::Status ToGrpc(const absl::Status& s) {
  return grpc::Status(static_cast<grpc::StatusCode>(s.code()), std::string(s.message()));
}

absl::Status CheckSize(const v1::CleanRequest& request, size_t max_page_bytes) {
  if (request.content().size() > max_page_bytes) {
    return absl::InvalidArgumentError(absl::StrCat(
        "page is ", request.content().size(), " bytes, over the server's limit of ",
        max_page_bytes, " bytes (--max_page_bytes): send a smaller page"));
  }
  return absl::OkStatus();
}

absl::Status Overloaded() {
  return absl::ResourceExhaustedError(
      "server is at capacity (work queue full): retry with backoff, or send to "
      "another replica");
}

// One CleanStream call. Lives until OnDone; deletes itself there.
class StreamReactor final
    : public grpc::ServerBidiReactor<v1::CleanRequest, v1::CleanResponse> {
 public:
  StreamReactor(WorkPool* pool, ServiceLimits limits) : pool_(pool), limits_(limits) {
    StartRead(&incoming_);
  }

  void OnReadDone(bool ok) override {
    if (!ok) {
      bool finish;
      {
        absl::MutexLock lock(&mu_);
        reads_done_ = true;
        finish = ReadyToFinishLocked();
      }
      if (finish) Finish(grpc::Status::OK);
      return;
    }
    auto request = std::make_shared<v1::CleanRequest>(std::move(incoming_));
    incoming_.Clear();
    bool read_more;
    {
      absl::MutexLock lock(&mu_);
      ++outstanding_;
      read_more = outstanding_ < limits_.stream_max_in_flight;
      reading_paused_ = !read_more;
    }
    if (absl::Status size = CheckSize(*request, limits_.max_page_bytes); !size.ok()) {
      Answer(ErrorResponse(request->id(), size));
    } else if (!pool_->TrySubmit([this, request] {
                 v1::CleanResponse response;
                 absl::Status s = RequestCleaner::Clean(*request, &response);
                 if (!s.ok()) RequestCleaner::SetError(s, &response);
                 Answer(std::move(response));
               })) {
      Answer(ErrorResponse(request->id(), Overloaded()));
    }
    if (read_more) StartRead(&incoming_);
  }

  void OnWriteDone(bool ok) override {
    bool write_next = false, resume_read = false, finish = false;
    {
      absl::MutexLock lock(&mu_);
      writing_ = false;
      --outstanding_;
      if (!ok) broken_ = true;
      if (!queue_.empty() && !broken_) {
        current_ = std::move(queue_.front());
        queue_.pop_front();
        writing_ = true;
        write_next = true;
      } else if (broken_) {
        outstanding_ -= static_cast<int>(queue_.size());
        queue_.clear();
      }
      if (reading_paused_ && !reads_done_ && !broken_) {
        reading_paused_ = false;
        resume_read = true;
      }
      finish = ReadyToFinishLocked();
    }
    if (write_next) StartWrite(&current_);
    if (resume_read) StartRead(&incoming_);
    if (finish) Finish(grpc::Status::OK);
  }

  void OnCancel() override {
    absl::MutexLock lock(&mu_);
    broken_ = true;
  }

  void OnDone() override { delete this; }

 private:
  static v1::CleanResponse ErrorResponse(const std::string& id, const absl::Status& s) {
    v1::CleanResponse response;
    response.set_id(id);
    RequestCleaner::SetError(s, &response);
    return response;
  }

  // Queues one answer; starts a write when none is in progress.
  void Answer(v1::CleanResponse response) {
    bool write_now = false, finish = false;
    {
      absl::MutexLock lock(&mu_);
      if (broken_) {
        --outstanding_;  // the client is gone: nothing to write it to
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
    if (finish) Finish(grpc::Status::OK);
  }

  bool ReadyToFinishLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    if (finished_ || outstanding_ > 0 || writing_ || !queue_.empty()) return false;
    if (!reads_done_) return false;
    finished_ = true;
    return true;
  }

  WorkPool* const pool_;
  const ServiceLimits limits_;
  v1::CleanRequest incoming_;  // only touched by the read path, one read at a time
  absl::Mutex mu_;
  int outstanding_ ABSL_GUARDED_BY(mu_) = 0;  // read, not yet written (or dropped)
  std::deque<v1::CleanResponse> queue_ ABSL_GUARDED_BY(mu_);
  v1::CleanResponse current_;  // the response being written; guarded by writing_
  bool writing_ ABSL_GUARDED_BY(mu_) = false;
  bool reading_paused_ ABSL_GUARDED_BY(mu_) = false;
  bool reads_done_ ABSL_GUARDED_BY(mu_) = false;
  bool broken_ ABSL_GUARDED_BY(mu_) = false;
  bool finished_ ABSL_GUARDED_BY(mu_) = false;
};

}  // namespace

grpc::ServerUnaryReactor* DeclutterService::Clean(grpc::CallbackServerContext* context,
                                                  const v1::CleanRequest* request,
                                                  v1::CleanResponse* response) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  if (absl::Status size = CheckSize(*request, limits_.max_page_bytes); !size.ok()) {
    reactor->Finish(ToGrpc(size));
    return reactor;
  }
  const bool queued = pool_->TrySubmit([context, request, response, reactor] {
    if (context->IsCancelled()) {
      reactor->Finish(grpc::Status(grpc::StatusCode::CANCELLED,
                                   "call cancelled before cleaning started"));
      return;
    }
    reactor->Finish(ToGrpc(RequestCleaner::Clean(*request, response)));
  });
  if (!queued) reactor->Finish(ToGrpc(Overloaded()));
  return reactor;
}

grpc::ServerBidiReactor<v1::CleanRequest, v1::CleanResponse>*
DeclutterService::CleanStream(grpc::CallbackServerContext* context) {
  return new StreamReactor(pool_, limits_);
}

}  // namespace declutter::server
