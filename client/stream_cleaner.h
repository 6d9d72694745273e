// One worker of `declutter batch --server`: a CleanStream to one channel of the
// fleet, kept open and fed pages from the batch's queue, with at most
// `in_flight` of its own pages (and a slot of the fleet-wide window each)
// outstanding. Answers are matched to pages by a sequence number sent as the
// request id, and written through the batch's sink with the page's own id.
//
// Items answered with a retryable error (Retryable) are sent again after a
// backoff (Backoff, at least the server's hint), and items in flight when the
// stream breaks go again on a new stream, up to `max_retries` times each; then
// they become error lines. After a break, pages to retry wait for the channel
// to be connected again (up to `retry_deadline` from the first failure) before
// a new stream is opened, so a server restart costs each page in flight one
// attempt instead of every attempt spent on a dead connection. Nothing is
// dropped while the output works; once the sink stops (a failed write), the
// stream is cancelled and Run() returns.
//
// Run() blocks on the calling thread and uses one more thread per stream to
// read answers. The stub, window, queue and sink are borrowed and must outlive
// it; several StreamCleaners share the window, queue and sink.

#ifndef DECLUTTER_CLIENT_STREAM_CLEANER_H_
#define DECLUTTER_CLIENT_STREAM_CLEANER_H_

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <random>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "client/adaptive_limit.h"
#include "client/batch_sink.h"
#include "client/page_queue.h"
#include "client/page_source.h"
#include "proto/declutter/v1/declutter.grpc.pb.h"

namespace declutter::client {

// True for the codes a page is sent again for: UNAVAILABLE,
// RESOURCE_EXHAUSTED and DEADLINE_EXCEEDED.
bool Retryable(absl::StatusCode code);

// Exponential backoff with full jitter: up to 100 ms * 2^attempt, capped at
// 10 s, and at least the server's retry hint `hint_ms`.
absl::Duration Backoff(int attempt, int64_t hint_ms, std::mt19937_64* random);

class StreamCleaner {
 public:
  struct Settings {
    int in_flight = 1;    // this stream's pages outstanding at most
    int max_retries = 8;  // sends of a page after its first
    int seed = 1;         // of the backoff's jitter
    // The stub's channel, waited on until connected before pages are sent
    // again after a break; nullptr: no waiting.
    std::shared_ptr<grpc::ChannelInterface> channel;
    // How long pages to retry wait for an unreachable server (from the first
    // failure in a row); past it their retries go on without waiting.
    absl::Duration retry_deadline = absl::Seconds(60);
  };

  StreamCleaner(v1::Declutter::Stub* stub, Settings settings,
                AdaptiveLimit* window, PageQueue* queue, BatchSink* sink);

  // Cleans pages until the queue is closed and drained and every page is
  // answered, or until the sink stops.
  void Run();

 private:
  using Stream = grpc::ClientReaderWriter<v1::CleanRequest, v1::CleanResponse>;
  struct Pending {
    SourcePage page;
    int attempts = 0;
    absl::Time not_before = absl::InfinitePast();  // backoff: not sent before
  };
  // How a step of sending ended.
  enum class Step {
    kAgain,     // go on sending
    kSend,      // a page to send was found
    kFinished,  // every page is answered
    kBroken,    // the stream broke: go on with a new one
    kStopped,   // the sink stopped: give up
  };

  // After a break: while pages wait to be sent again, waits for the channel
  // to connect, until `until` or the sink stops.
  void WaitForServer(absl::Time until);
  // One stream from opening to finishing; returns how it ended.
  Step RunOneStream();
  // The writer side: sends pages until finished, broken or stopped.
  Step SendPages(Stream* stream);
  // The next page to send into `item`: a retry once its backoff is over, else
  // a new page from the queue.
  Step NextPage(Pending* item);
  // Sends `item` once the fleet-wide window has a slot for it.
  Step Send(Pending item, Stream* stream);
  // The reader side: matches answers to pages until the stream ends.
  void ReadAnswers(Stream* stream);
  void HandleAnswer(v1::CleanResponse* response);
  // After a stream ends: its unanswered pages are retried, or become error
  // lines past `max_retries` (dropped once the sink has stopped).
  void RequeueUnanswered(const grpc::Status& status);

  v1::Declutter::Stub* const stub_;
  const Settings settings_;
  AdaptiveLimit* const window_;
  PageQueue* const queue_;
  BatchSink* const sink_;
  std::mt19937_64 random_;
  bool source_done_ = false;  // the queue gave its last page (writer only)
  int stream_failures_ = 0;   // in a row (writer only)
  uint64_t next_seq_ = 1;     // the next request id on this stream
  std::mutex mu_;             // the reader and the writer share what follows
  std::condition_variable cv_;
  std::deque<Pending> retry_;  // pages to send again on this worker
  std::map<uint64_t, Pending> outstanding_;  // by the id sent
  bool reader_done_ = false;                 // the stream has no more answers
};

}  // namespace declutter::client

#endif  // DECLUTTER_CLIENT_STREAM_CLEANER_H_
