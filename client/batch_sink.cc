#include "client/batch_sink.h"

#include "service/api/request_cleaner.h"

namespace declutter::client {

void BatchSink::Answer(const v1::CleanResponse& response, int64_t bytes) {
  if (stopped()) return;
  if (!output_->Write(response).ok()) {
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

absl::Status BatchSink::failure() const { return output_->failure(); }

}  // namespace declutter::client
