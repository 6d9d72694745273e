// Starts the real declutter-server binary on a free loopback port, calls Clean,
// CleanStream (several pages, one invalid) and the health service, then stops it with
// SIGTERM and expects a clean exit.

#include <grpcpp/grpcpp.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <thread>

#include "gtest/gtest.h"
#include "proto/declutter/v1/declutter.grpc.pb.h"
#include "grpc/health/v1/health.grpc.pb.h"

extern char** environ;

namespace declutter {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

constexpr char kArticle[] =
    "<html><head><title>Council expands program</title></head><body><article>"
    "<h1>Council expands program</h1>"
    "<p>The council voted on Tuesday to expand the program, which serves thousands of "
    "residents, after a long debate about its cost.</p>"
    "<p>Supporters said the expansion was overdue, while critics warned that the budget "
    "would not stretch far enough to cover it.</p></article></body></html>";

class ServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    port_file_ = fs::path(::testing::TempDir()) /
                 ("declutter_port_" + std::to_string(::getpid()));
    fs::remove(port_file_);
    std::string port_flag = "--port_file=" + port_file_.string();
    std::vector<std::string> args = {DECLUTTER_SERVER_PATH, "--listen=127.0.0.1:0",
                                     "--workers=2", "--max_page_bytes=100000", port_flag};
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    ASSERT_EQ(posix_spawn(&pid_, DECLUTTER_SERVER_PATH, nullptr, nullptr, argv.data(),
                          environ),
              0);
    // Bounded wait for the server to bind and report its port.
    for (int i = 0; i < 200 && port_ == 0; ++i) {
      std::ifstream in(port_file_);
      if (!(in >> port_)) port_ = 0;
      if (port_ == 0) std::this_thread::sleep_for(50ms);
    }
    ASSERT_NE(port_, 0) << "server did not report a port within 10 s";
    channel_ = grpc::CreateChannel("127.0.0.1:" + std::to_string(port_),
                                   grpc::InsecureChannelCredentials());
    ASSERT_TRUE(channel_->WaitForConnected(std::chrono::system_clock::now() + 10s));
  }

  static void TearDownTestSuite() {
    channel_.reset();
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);  // only if a test failed before the shutdown test ran
      ::waitpid(pid_, nullptr, 0);
    }
    fs::remove(port_file_);
  }

  static std::unique_ptr<grpc::ClientContext> Context() {
    auto context = std::make_unique<grpc::ClientContext>();
    context->set_deadline(std::chrono::system_clock::now() + 30s);
    return context;
  }

  static inline pid_t pid_ = 0;
  static inline int port_ = 0;
  static inline fs::path port_file_;
  static inline std::shared_ptr<grpc::Channel> channel_;
};

TEST_F(ServerTest, HealthIsServing) {
  auto stub = grpc::health::v1::Health::NewStub(channel_);
  for (const char* service : {"", "declutter.v1.Declutter"}) {
    grpc::health::v1::HealthCheckRequest request;
    request.set_service(service);
    grpc::health::v1::HealthCheckResponse response;
    ASSERT_TRUE(stub->Check(Context().get(), request, &response).ok());
    EXPECT_EQ(response.status(), grpc::health::v1::HealthCheckResponse::SERVING) << service;
  }
}

TEST_F(ServerTest, CleanReturnsTheArticle) {
  auto stub = v1::Declutter::NewStub(channel_);
  v1::CleanRequest request;
  request.set_id("page-1");
  request.set_content(kArticle);
  request.set_content_type("text/html; charset=utf-8");
  v1::CleanResponse response;
  grpc::Status status = stub->Clean(Context().get(), request, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.id(), "page-1");
  EXPECT_EQ(response.article().title(), "Council expands program");
  EXPECT_NE(response.article().text().find("voted on Tuesday"), std::string::npos);
  EXPECT_EQ(response.article().text().find("Council expands program"), std::string::npos);
}

TEST_F(ServerTest, CleanRefusesBadInputWithClearStatus) {
  auto stub = v1::Declutter::NewStub(channel_);
  v1::CleanRequest request;
  v1::CleanResponse response;
  grpc::Status empty = stub->Clean(Context().get(), request, &response);
  EXPECT_EQ(empty.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(empty.error_message().find("empty"), std::string::npos);

  request.set_content(std::string(200000, 'x'));
  grpc::Status big = stub->Clean(Context().get(), request, &response);
  EXPECT_EQ(big.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(big.error_message().find("100000"), std::string::npos) << big.error_message();
}

TEST_F(ServerTest, StreamAnswersEveryItemAndSurvivesABadOne) {
  auto stub = v1::Declutter::NewStub(channel_);
  auto context = Context();
  auto stream = stub->CleanStream(context.get());
  constexpr int kItems = 12;
  for (int i = 0; i < kItems; ++i) {
    v1::CleanRequest request;
    request.set_id("item-" + std::to_string(i));
    if (i != 5) request.set_content(kArticle);  // item 5 is empty: invalid
    ASSERT_TRUE(stream->Write(request));
  }
  ASSERT_TRUE(stream->WritesDone());
  std::set<std::string> ids;
  v1::CleanResponse response;
  while (stream->Read(&response)) {
    ids.insert(response.id());
    if (response.id() == "item-5") {
      EXPECT_EQ(response.error().code(), static_cast<int>(grpc::StatusCode::INVALID_ARGUMENT));
    } else {
      EXPECT_FALSE(response.has_error()) << response.error().message();
      EXPECT_NE(response.article().text().find("voted on Tuesday"), std::string::npos);
    }
  }
  grpc::Status status = stream->Finish();
  EXPECT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(ids.size(), static_cast<size_t>(kItems));
}

// Runs last (gtest runs tests in declaration order within a suite).
TEST_F(ServerTest, ZzSigtermShutsDownCleanly) {
  ASSERT_GT(pid_, 0);
  ASSERT_EQ(::kill(pid_, SIGTERM), 0);
  int status = 0;
  pid_t done = 0;
  for (int i = 0; i < 300 && done == 0; ++i) {
    done = ::waitpid(pid_, &status, WNOHANG);
    if (done == 0) std::this_thread::sleep_for(100ms);
  }
  ASSERT_EQ(done, pid_) << "server still running 30 s after SIGTERM";
  pid_ = 0;
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

}  // namespace
}  // namespace declutter
