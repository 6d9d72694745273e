#include "client/batch_sink.h"

#include "service/api/request_cleaner.h"

namespace declutter::client {

void BatchSink::Answer(const v1::CleanResponse& response, int64_t bytes) {
  if (stopped()) return;
  if (absl::Status written = output_->Write(response); !written.ok()) {
    {
      absl::MutexLock lock(&mu_);
      if (failure_.ok()) failure_ = written;
    }
    stopped_ = true;
    queue_->Stop();
    return;
  }
  if (response.has_error()) {
    tally_->Failed(static_cast<absl::StatusCode>(response.error().code()),
                   bytes);
  } else {
    tally_->Cleaned(bytes);
  }
}

void BatchSink::AnswerError(const std::string& id, const absl::Status& status,
                            int64_t bytes) {
  v1::CleanResponse response;
  response.set_id(id);
  api::RequestCleaner::SetError(status, &response);
  Answer(response, bytes);
}

absl::Status BatchSink::failure() const {
  absl::MutexLock lock(&mu_);
  return failure_;
}

}  // namespace declutter::client
