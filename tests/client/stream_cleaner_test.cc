#include "client/stream_cleaner.h"

#include <grpcpp/grpcpp.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <string>
#include <thread>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"

namespace declutter::client {
namespace {

namespace fs = std::filesystem;

TEST(RetryTest, RetryableCodesAndBackoffBounds) {
  EXPECT_TRUE(Retryable(absl::StatusCode::kUnavailable));
  EXPECT_TRUE(Retryable(absl::StatusCode::kResourceExhausted));
  EXPECT_TRUE(Retryable(absl::StatusCode::kDeadlineExceeded));
  EXPECT_FALSE(Retryable(absl::StatusCode::kInvalidArgument));
  std::mt19937_64 random(1);
  for (int attempt = 0; attempt < 20; ++attempt) {
    const absl::Duration wait = Backoff(attempt, 0, &random);
    EXPECT_LE(wait, absl::Seconds(10));
    EXPECT_LE(wait, absl::Milliseconds(100 << std::min(attempt, 10)));
    EXPECT_GE(Backoff(attempt, 250, &random), absl::Milliseconds(250));
  }
}

// A stand-in server: answers every stream item with its content as the text,
// refusing each item's first send with RESOURCE_EXHAUSTED when asked to.
class FakeDeclutter final : public v1::Declutter::Service {
 public:
  explicit FakeDeclutter(bool refuse_first) : refuse_first_(refuse_first) {}

  grpc::Status CleanStream(
      grpc::ServerContext* context,
      grpc::ServerReaderWriter<v1::CleanResponse, v1::CleanRequest>* stream)
      override {
    v1::CleanRequest request;
    while (stream->Read(&request)) {
      v1::CleanResponse response;
      response.set_id(request.id());
      if (refuse_first_ && refused_.insert(request.content()).second) {
        response.mutable_error()->set_code(
            static_cast<int>(absl::StatusCode::kResourceExhausted));
        response.mutable_error()->set_retry_after_ms(1);
      } else {
        response.mutable_article()->set_text(request.content());
      }
      ++answered_;
      if (!stream->Write(response)) break;
    }
    return grpc::Status::OK;
  }

  int answered() const { return answered_; }

 private:
  const bool refuse_first_;
  std::set<std::string> refused_;  // one stream at a time in these tests
  std::atomic<int> answered_{0};
};

class StreamCleanerTest : public ::testing::Test {
 protected:
  void Serve(bool refuse_first) {
    service_ = std::make_unique<FakeDeclutter>(refuse_first);
    grpc::ServerBuilder builder;
    int port = 0;
    builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(),
                             &port);
    builder.RegisterService(service_.get());
    server_ = builder.BuildAndStart();
    ASSERT_NE(server_, nullptr);
    stub_ = v1::Declutter::NewStub(grpc::CreateChannel(
        absl::StrCat("127.0.0.1:", port), grpc::InsecureChannelCredentials()));
  }
  void TearDown() override {
    if (server_ != nullptr) server_->Shutdown();
  }

  // Queues `pages` pages with content "page N" and closes the queue.
  static void Fill(PageQueue* queue, int pages) {
    for (int i = 0; i < pages; ++i) {
      SourcePage page;
      page.id = absl::StrCat("id-", i);
      page.content = absl::StrCat("page ", i);
      ASSERT_TRUE(queue->Push(std::move(page)));
    }
    queue->Close();
  }

  std::unique_ptr<FakeDeclutter> service_;
  std::unique_ptr<grpc::Server> server_;
  std::unique_ptr<v1::Declutter::Stub> stub_;
};

TEST_F(StreamCleanerTest, RefusedPagesAreSentAgainAndAnsweredOnce) {
  Serve(/*refuse_first=*/true);
  const fs::path path = fs::path(::testing::TempDir()) /
                        ("stream_cleaner_" + std::to_string(::getpid()));
  absl::StatusOr<std::unique_ptr<BatchOutput>> output =
      BatchOutput::Open(path.string(), /*resume=*/false);
  ASSERT_TRUE(output.ok());
  PageQueue queue(16);
  Fill(&queue, 10);
  BatchTally tally(10);
  BatchSink sink(output->get(), &tally, &queue);
  AdaptiveLimit window(4);
  StreamCleaner::Settings settings;
  settings.in_flight = 4;
  settings.max_retries = 2;
  StreamCleaner cleaner(stub_.get(), settings, &window, &queue, &sink);
  cleaner.Run();
  EXPECT_TRUE(sink.failure().ok());
  EXPECT_EQ(service_->answered(), 20);  // every page refused once
  std::ifstream in(path);
  std::set<std::string> ids;
  std::string line;
  while (std::getline(in, line)) {
    const nlohmann::json answer = nlohmann::json::parse(line);
    EXPECT_TRUE(ids.insert(answer["id"].get<std::string>()).second) << line;
    EXPECT_EQ(answer["article"]["text"],
              "page " + answer["id"].get<std::string>().substr(3));
  }
  EXPECT_EQ(ids.size(), 10u);
  EXPECT_EQ(tally.failed(), 0);
  EXPECT_NE(tally.Summary().find("; 10 retries"), std::string::npos)
      << tally.Summary();
  fs::remove(path);
}

TEST_F(StreamCleanerTest, AFailedOutputStopsTheStream) {
  Serve(/*refuse_first=*/false);
  absl::StatusOr<std::unique_ptr<BatchOutput>> output =
      BatchOutput::Open("/dev/full", /*resume=*/false);
  ASSERT_TRUE(output.ok());
  PageQueue queue(1000);
  for (int i = 0; i < 1000; ++i) {
    SourcePage page;
    page.id = absl::StrCat("id-", i);
    page.content = "x";
    ASSERT_TRUE(queue.Push(std::move(page)));
  }
  // Not closed: without the stop, Run() would wait for more pages forever.
  BatchTally tally(-1);
  BatchSink sink(output->get(), &tally, &queue);
  AdaptiveLimit window(2);
  StreamCleaner::Settings settings;
  settings.in_flight = 2;
  StreamCleaner cleaner(stub_.get(), settings, &window, &queue, &sink);
  cleaner.Run();
  EXPECT_NE(sink.failure().message().find("/dev/full"), std::string::npos)
      << sink.failure();
  EXPECT_LT(service_->answered(), 1000);
}

}  // namespace
}  // namespace declutter::client
