#include "client/stream_cleaner.h"

#include <algorithm>
#include <memory>
#include <thread>
#include <utility>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"

namespace declutter::client {

bool Retryable(absl::StatusCode code) {
  return code == absl::StatusCode::kUnavailable ||
         code == absl::StatusCode::kResourceExhausted ||
         code == absl::StatusCode::kDeadlineExceeded;
}

absl::Duration Backoff(int attempt, int64_t hint_ms, std::mt19937_64* random) {
  const double cap = std::min(10000.0, 100.0 * (1 << std::min(attempt, 10)));
  std::uniform_real_distribution<double> jitter(0, cap);
  return absl::Milliseconds(
      std::max<double>(jitter(*random), static_cast<double>(hint_ms)));
}

StreamCleaner::StreamCleaner(v1::Declutter::Stub* stub, Settings settings,
                             AdaptiveLimit* window, PageQueue* queue,
                             BatchSink* sink)
    : stub_(stub),
      settings_(settings),
      window_(window),
      queue_(queue),
      sink_(sink),
      random_(settings.seed) {}

void StreamCleaner::Run() {
  // Since when the server has been unreachable; InfiniteFuture: it is not.
  absl::Time down_since = absl::InfiniteFuture();
  while (!(source_done_ && retry_.empty())) {
    const Step end = RunOneStream();
    if (end == Step::kStopped) return;
    if (end == Step::kBroken) {
      absl::SleepFor(Backoff(std::min(++stream_failures_, 6), 0, &random_));
      if (down_since == absl::InfiniteFuture()) down_since = absl::Now();
      WaitForServer(down_since + settings_.retry_deadline);
      if (settings_.channel == nullptr ||
          settings_.channel->GetState(false) == GRPC_CHANNEL_READY) {
        down_since = absl::InfiniteFuture();
      }
    } else {
      stream_failures_ = 0;
      down_since = absl::InfiniteFuture();
    }
  }
}

void StreamCleaner::WaitForServer(absl::Time until) {
  if (settings_.channel == nullptr) return;
  {
    // New pages are not held back: with no retries (--max-retries 0) a
    // server that never answers fails them at once, as asked.
    std::lock_guard<std::mutex> lock(mu_);
    if (retry_.empty()) return;
  }
  // In slices, so a stopped sink is noticed.
  for (absl::Time now = absl::Now(); now < until && !sink_->stopped();
       now = absl::Now()) {
    const absl::Time slice = std::min(until, now + absl::Milliseconds(250));
    if (settings_.channel->WaitForConnected(absl::ToChronoTime(slice))) return;
  }
}

StreamCleaner::Step StreamCleaner::RunOneStream() {
  grpc::ClientContext context;
  std::unique_ptr<Stream> stream = stub_->CleanStream(&context);
  {
    std::lock_guard<std::mutex> lock(mu_);
    reader_done_ = false;
  }
  next_seq_ = 1;
  std::thread reader([&] { ReadAnswers(stream.get()); });
  Step end = SendPages(stream.get());
  if (end == Step::kStopped) context.TryCancel();
  stream->WritesDone();
  reader.join();
  const grpc::Status status = stream->Finish();
  RequeueUnanswered(status);
  if (end != Step::kStopped && !status.ok()) end = Step::kBroken;
  return end;
}

StreamCleaner::Step StreamCleaner::SendPages(Stream* stream) {
  while (true) {
    Pending item;
    const Step step = NextPage(&item);
    if (step == Step::kAgain) continue;
    if (step != Step::kSend) return step;
    if (const Step sent = Send(std::move(item), stream); sent != Step::kAgain) {
      return sent;
    }
  }
}

StreamCleaner::Step StreamCleaner::NextPage(Pending* item) {
  std::unique_lock<std::mutex> lock(mu_);
  cv_.wait(lock, [&] {
    return reader_done_ || sink_->stopped() ||
           static_cast<int>(outstanding_.size()) < settings_.in_flight;
  });
  if (sink_->stopped()) return Step::kStopped;
  if (reader_done_) return Step::kBroken;
  if (!retry_.empty()) {
    *item = std::move(retry_.front());
    retry_.pop_front();
    if (const absl::Time now = absl::Now(); item->not_before > now) {
      lock.unlock();
      absl::SleepFor(item->not_before - now);
    }
    return Step::kSend;
  }
  if (source_done_) {
    if (outstanding_.empty()) return Step::kFinished;
    cv_.wait(lock, [&] {
      return reader_done_ || sink_->stopped() || !retry_.empty() ||
             outstanding_.empty();
    });
    return Step::kAgain;
  }
  lock.unlock();
  if (!queue_->Pop(&item->page)) {
    source_done_ = true;
    return Step::kAgain;
  }
  return Step::kSend;
}

StreamCleaner::Step StreamCleaner::Send(Pending item, Stream* stream) {
  // A slot in the fleet-wide window, shared by every stream.
  bool slot = false;
  bool stopped = false;
  while (!slot) {
    slot = window_->Acquire(absl::Milliseconds(100));
    std::lock_guard<std::mutex> check(mu_);
    stopped = sink_->stopped();
    if (!slot && (reader_done_ || stopped)) break;
  }
  // A run stopped by a failed write sends nothing more, even with a slot.
  if (slot && stopped) window_->Release(/*overloaded=*/false);
  std::unique_lock<std::mutex> lock(mu_);
  if (!slot || stopped) {  // the stream broke: send it on the next one
    retry_.push_front(std::move(item));
    return stopped ? Step::kStopped : Step::kBroken;
  }
  v1::CleanRequest request = RequestOf(item.page);
  request.set_id(absl::StrCat(next_seq_));
  outstanding_.emplace(next_seq_++, std::move(item));
  lock.unlock();
  return stream->Write(request) ? Step::kAgain : Step::kBroken;
}

void StreamCleaner::ReadAnswers(Stream* stream) {
  v1::CleanResponse response;
  while (stream->Read(&response)) HandleAnswer(&response);
  std::lock_guard<std::mutex> lock(mu_);
  reader_done_ = true;
  cv_.notify_all();
}

void StreamCleaner::HandleAnswer(v1::CleanResponse* response) {
  uint64_t seq = 0;
  if (!absl::SimpleAtoi(response->id(), &seq)) return;  // not one of ours
  std::unique_lock<std::mutex> lock(mu_);
  auto it = outstanding_.find(seq);
  if (it == outstanding_.end()) return;
  Pending item = std::move(it->second);
  outstanding_.erase(it);
  lock.unlock();
  const int64_t bytes = static_cast<int64_t>(item.page.content.size());
  const auto code = static_cast<absl::StatusCode>(response->error().code());
  window_->Release(response->has_error() &&
                   code == absl::StatusCode::kResourceExhausted);
  if (response->has_error() && Retryable(code) &&
      item.attempts < settings_.max_retries) {
    sink_->Retried();
    // The writer waits out the backoff; the reader goes on reading answers.
    item.not_before =
        absl::Now() +
        Backoff(item.attempts, response->error().retry_after_ms(), &random_);
    ++item.attempts;
    lock.lock();
    retry_.push_back(std::move(item));
  } else {
    response->set_id(item.page.id);
    sink_->Answer(*response, bytes);
    lock.lock();
  }
  cv_.notify_all();
}

void StreamCleaner::RequeueUnanswered(const grpc::Status& status) {
  std::map<uint64_t, Pending> unanswered;
  {
    std::lock_guard<std::mutex> lock(mu_);
    unanswered.swap(outstanding_);
  }
  for (auto& [seq, item] : unanswered) {
    window_->Release(/*overloaded=*/false);
    if (sink_->stopped()) continue;  // resume cleans it next time
    if (item.attempts < settings_.max_retries) {
      ++item.attempts;
      sink_->Retried();
      std::lock_guard<std::mutex> lock(mu_);
      retry_.push_back(std::move(item));
    } else {
      sink_->AnswerError(
          item.page.id,
          absl::Status(static_cast<absl::StatusCode>(status.error_code()),
                       absl::StrCat("the stream ended before an answer: ",
                                    status.error_message())),
          static_cast<int64_t>(item.page.content.size()));
    }
  }
}

}  // namespace declutter::client
