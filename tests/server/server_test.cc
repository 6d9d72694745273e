// Starts the real declutter-server binary on free loopback ports and talks to
// it over gRPC and HTTP: Clean, CleanStream, health, metrics, limits, overload,
// deadlines, TLS, a slow stream reader, and SIGTERM in the middle of a loaded
// stream.

#include <arpa/inet.h>
#include <grpcpp/generic/generic_stub.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <iostream>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "proto/declutter/v1/declutter.grpc.pb.h"
#include "tests/support/test_certificates.h"
#include "tests/support/test_data.h"
#include "tests/support/test_server.h"

namespace declutter {
namespace {

// A TCP socket listening on 127.0.0.1 at a port the kernel picks (`*port`),
// with `flags` added to its type; -1 when a step fails.
int ListenOnLoopback(int flags, int backlog, int* port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | flags, 0);
  if (fd < 0) return -1;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof(address);
  if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0 ||
      ::listen(fd, backlog) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    ::close(fd);
    return -1;
  }
  *port = ntohs(address.sin_port);
  return fd;
}

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using testing::MakeCertificates;
using testing::MutualTlsFlags;
using testing::TestServer;

constexpr char kArticle[] =
    "<html><head><title>Council expands program</title></head><body><article>"
    "<h1>Council expands program</h1>"
    "<p>The council voted on Tuesday to expand the program, which serves "
    "thousands of "
    "residents, after a long debate about its cost.</p>"
    "<p>Supporters said the expansion was overdue, while critics warned that "
    "the budget "
    "would not stretch far enough to cover it.</p></article></body></html>";

// A page that takes the engine a while (about 0.1-0.3 s; more under
// sanitizers).
std::string SlowPage() { return testing::ParagraphPage(60000); }

std::unique_ptr<grpc::ClientContext> Context(
    std::chrono::milliseconds timeout = 60s) {
  auto context = std::make_unique<grpc::ClientContext>();
  context->set_deadline(std::chrono::system_clock::now() + timeout);
  return context;
}

v1::CleanRequest Request(const std::string& id, const std::string& content) {
  v1::CleanRequest request;
  request.set_id(id);
  request.set_content(content);
  request.set_content_type("text/html; charset=utf-8");
  return request;
}

std::string Metrics(const TestServer& server) {
  httplib::Client client("127.0.0.1", server.metrics_port());
  auto res = client.Get("/metrics");
  return res ? res->body : "";
}

TEST(ServerTest, HealthIsServing) {
  TestServer server({"--plaintext", "--channelz"});
  ASSERT_TRUE(server.ok());
  auto stub = grpc::health::v1::Health::NewStub(server.Channel());
  for (const char* service : {"", "declutter.v1.Declutter"}) {
    grpc::health::v1::HealthCheckRequest request;
    request.set_service(service);
    grpc::health::v1::HealthCheckResponse response;
    ASSERT_TRUE(stub->Check(Context().get(), request, &response).ok());
    EXPECT_EQ(response.status(), grpc::health::v1::HealthCheckResponse::SERVING)
        << service;
  }
}

TEST(ServerTest, CleanReturnsTheArticleAndIsCounted) {
  TestServer server({"--plaintext"});
  ASSERT_TRUE(server.ok());
  auto stub = v1::Declutter::NewStub(server.Channel());
  v1::CleanResponse response;
  grpc::Status status =
      stub->Clean(Context().get(), Request("page-1", kArticle), &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.id(), "page-1");
  EXPECT_EQ(response.article().title(), "Council expands program");
  EXPECT_NE(response.article().text().find("voted on Tuesday"),
            std::string::npos);

  const std::string metrics = Metrics(server);
  EXPECT_NE(metrics.find(
                "declutter_requests_total{method=\"Clean\",code=\"OK\"} 1\n"),
            std::string::npos)
      << metrics;
  EXPECT_NE(metrics.find("declutter_pages_total{kind=\"html\",charset=\"UTF-"
                         "8\",language=\"en\"} 1"),
            std::string::npos)
      << metrics;
  EXPECT_NE(
      metrics.find(
          "declutter_request_duration_seconds_count{method=\"Clean\"} 1\n"),
      std::string::npos);
  EXPECT_NE(metrics.find("declutter_queue_depth 0\n"), std::string::npos);
}

// A page names its own charset and language: the metric labels made from them
// come from closed sets, so pages cannot mint series.
TEST(ServerTest, PageLabelsInMetricsComeFromAClosedSet) {
  TestServer server({"--plaintext"});
  ASSERT_TRUE(server.ok());
  auto stub = v1::Declutter::NewStub(server.Channel());
  for (int i = 0; i < 3; ++i) {
    v1::CleanRequest request = Request(
        absl::StrCat("hostile-", i),
        absl::StrCat("<html lang=\"en-x-e9", i, "\">", kArticle, "</html>"));
    request.set_content_type(
        absl::StrCat("text/html; charset=windows-1250,x9", i));
    v1::CleanResponse response;
    grpc::Status status = stub->Clean(Context().get(), request, &response);
    ASSERT_TRUE(status.ok()) << status.error_message();
  }
  const std::string metrics = Metrics(server);
  const size_t at = metrics.find("declutter_pages_total{");
  ASSERT_NE(at, std::string::npos) << metrics;
  const std::string pages = metrics.substr(at, metrics.find("# HELP", at) - at);
  EXPECT_EQ(pages.find("x9"), std::string::npos) << pages;
  EXPECT_EQ(pages.find("e9"), std::string::npos) << pages;
  // One series for the three pages.
  EXPECT_EQ(std::count(pages.begin(), pages.end(), '\n'), 1) << pages;
  EXPECT_NE(pages.find("} 3\n"), std::string::npos) << pages;
}

TEST(ServerTest, EachPageIsLoggedAsOneJsonLineWithItsRequestId) {
  TestServer server({"--plaintext"});
  ASSERT_TRUE(server.ok());
  auto stub = v1::Declutter::NewStub(server.Channel());
  auto context = Context();
  context->AddMetadata("x-request-id", "crawl-7-abc");
  v1::CleanResponse response;
  ASSERT_TRUE(
      stub->Clean(context.get(), Request("", kArticle), &response).ok());
  const std::string line = server.LogLine("page");
  ASSERT_FALSE(line.empty()) << server.Log();
  EXPECT_NE(line.find("\"request_id\":\"crawl-7-abc\""), std::string::npos)
      << line;
  EXPECT_NE(line.find("\"code\":\"OK\""), std::string::npos) << line;
  EXPECT_NE(line.find("\"method\":\"Clean\""), std::string::npos) << line;
  EXPECT_EQ(line.front(), '{');
  EXPECT_EQ(line.back(), '}');
}

TEST(ServerTest, ConnectionsAreRecycledWithoutFailingCalls) {
  // Connections close (GOAWAY) after 300 ms; calls made across several ages all
  // pass, the channel reconnecting as a client behind a load balancer would.
  TestServer server({"--plaintext", "--max_connection_age=300ms",
                     "--max_connection_age_grace=5s"});
  ASSERT_TRUE(server.ok());
  auto stub = v1::Declutter::NewStub(server.Channel());
  for (int i = 0; i < 12; ++i) {
    v1::CleanResponse response;
    auto context = Context(10s);
    context->set_wait_for_ready(true);  // ride over the reconnect
    grpc::Status status =
        stub->Clean(context.get(), Request("age", kArticle), &response);
    EXPECT_TRUE(status.ok()) << i << ": " << status.error_message();
    std::this_thread::sleep_for(100ms);
  }
  // And the server did close the connection: an idle channel is no longer
  // READY, while one to a server without a maximum age stays READY.
  auto aged = server.Channel();
  ASSERT_TRUE(aged->WaitForConnected(std::chrono::system_clock::now() + 10s));
  TestServer ageless({"--plaintext", "--max_connection_age=0s"});
  ASSERT_TRUE(ageless.ok());
  auto kept = ageless.Channel();
  ASSERT_TRUE(kept->WaitForConnected(std::chrono::system_clock::now() + 10s));
  // The age is 300 ms; a loaded machine (sanitizers, a busy CI core) may take
  // longer to act on it, so the aged channel has up to 10 s to leave READY.
  const auto give_up = std::chrono::steady_clock::now() + 10s;
  while (aged->GetState(false) == GRPC_CHANNEL_READY &&
         std::chrono::steady_clock::now() < give_up) {
    std::this_thread::sleep_for(100ms);
  }
  EXPECT_NE(aged->GetState(false), GRPC_CHANNEL_READY);
  EXPECT_EQ(kept->GetState(false), GRPC_CHANNEL_READY);
}

TEST(ServerTest, BadInputsGetClearStatuses) {
  TestServer server({"--plaintext", "--max_page_bytes=100000"});
  ASSERT_TRUE(server.ok());
  auto stub = v1::Declutter::NewStub(server.Channel());
  v1::CleanResponse response;

  grpc::Status empty =
      stub->Clean(Context().get(), Request("e", ""), &response);
  EXPECT_EQ(empty.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(empty.error_message().find("empty"), std::string::npos);

  grpc::Status png = stub->Clean(
      Context().get(),
      Request("p", std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16)),
      &response);
  EXPECT_EQ(png.error_code(), grpc::StatusCode::INVALID_ARGUMENT);

  // Over --max_page_bytes: the server's own message names the limit and the
  // size.
  grpc::Status big = stub->Clean(
      Context().get(), Request("b", std::string(200000, 'x')), &response);
  EXPECT_EQ(big.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(big.error_message().find("100000"), std::string::npos)
      << big.error_message();
  EXPECT_NE(big.error_message().find("200000"), std::string::npos)
      << big.error_message();

  // 64 MiB is past the gRPC message limit matched to it (limit + 1 MiB): gRPC
  // refuses it before it is buffered whole, still naming both sizes.
  grpc::Status huge = stub->Clean(
      Context().get(), Request("h", std::string(64 << 20, 'x')), &response);
  EXPECT_EQ(huge.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED)
      << huge.error_message();
  EXPECT_NE(huge.error_message().find("1148576"), std::string::npos)
      << huge.error_message();

  // The server is still serving.
  EXPECT_TRUE(
      stub->Clean(Context().get(), Request("ok", kArticle), &response).ok());
}

// gRPC's own messages (here its bind failure) and the server's are JSON lines
// like the rest of the log, so a collector can parse every line of stderr.
TEST(ServerTest, EveryStderrLineIsJsonLibraryMessagesIncluded) {
  int port = 0;
  const int listener = ListenOnLoopback(0, 1, &port);
  ASSERT_GE(listener, 0);
  TestServer server({"--plaintext", absl::StrCat("--listen=127.0.0.1:", port)},
                    /*with_metrics=*/false);
  ::close(listener);
  EXPECT_FALSE(server.ok());
  const std::string log = server.Log();
  std::istringstream lines(log);
  std::string line;
  std::set<std::string> events;
  while (std::getline(lines, line)) {
    const nlohmann::json object = nlohmann::json::parse(line, nullptr, false);
    ASSERT_TRUE(object.is_object()) << "not JSON: " << line;
    events.insert(object.value("event", ""));
  }
  EXPECT_TRUE(events.count("grpc")) << log;   // gRPC's bind failure
  EXPECT_TRUE(events.count("error")) << log;  // the server's own message
}

TEST(ServerTest, PlaintextOnlyWhenAskedFor) {
  TestServer server({}, /*with_metrics=*/false);
  EXPECT_FALSE(server.ok());
  EXPECT_TRUE(WIFEXITED(server.exit_status()));
  EXPECT_EQ(WEXITSTATUS(server.exit_status()), 2);
  EXPECT_NE(server.Log().find(
                "expected --tls_cert and --tls_key (TLS), or --plaintext"),
            std::string::npos)
      << server.Log();
}

TEST(ServerTest, StreamAnswersEveryItemAndSurvivesABadOne) {
  TestServer server({"--plaintext"});
  ASSERT_TRUE(server.ok());
  auto stub = v1::Declutter::NewStub(server.Channel());
  auto context = Context();
  auto stream = stub->CleanStream(context.get());
  constexpr int kItems = 12;
  for (int i = 0; i < kItems; ++i) {
    // Item 5 is empty: invalid.
    ASSERT_TRUE(stream->Write(
        Request("item-" + std::to_string(i), i == 5 ? "" : kArticle)));
  }
  ASSERT_TRUE(stream->WritesDone());
  std::set<std::string> ids;
  v1::CleanResponse response;
  while (stream->Read(&response)) {
    ids.insert(response.id());
    if (response.id() == "item-5") {
      EXPECT_EQ(response.error().code(),
                static_cast<int>(grpc::StatusCode::INVALID_ARGUMENT));
      EXPECT_EQ(response.error().retry_after_ms(), 0);
    } else {
      EXPECT_FALSE(response.has_error()) << response.error().message();
      EXPECT_NE(response.article().text().find("voted on Tuesday"),
                std::string::npos);
    }
  }
  grpc::Status status = stream->Finish();
  EXPECT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(ids.size(), static_cast<size_t>(kItems));
}

TEST(ServerTest, OverloadIsRefusedFastWithARetryHint) {
  // One worker and a queue of one: of many concurrent slow pages, two are
  // accepted.
  TestServer server({"--plaintext", "--workers=1", "--queue_per_worker=1"});
  ASSERT_TRUE(server.ok());
  auto stub = v1::Declutter::NewStub(server.Channel());
  const std::string slow = SlowPage();
  constexpr int kCalls = 8;
  struct Call {
    grpc::ClientContext context;
    v1::CleanRequest request;
    v1::CleanResponse response;
    grpc::Status status;
  };
  std::vector<std::unique_ptr<Call>> calls;
  std::mutex mu;
  std::condition_variable cv;
  int done = 0;
  for (int i = 0; i < kCalls; ++i) {
    auto call = std::make_unique<Call>();
    call->context.set_deadline(std::chrono::system_clock::now() + 120s);
    call->request = Request("slow-" + std::to_string(i), slow);
    Call* c = call.get();
    calls.push_back(std::move(call));
    stub->async()->Clean(&c->context, &c->request, &c->response,
                         [&, c](grpc::Status s) {
                           std::lock_guard<std::mutex> lock(mu);
                           c->status = std::move(s);
                           ++done;
                           cv.notify_all();
                         });
  }
  {
    std::unique_lock<std::mutex> lock(mu);
    ASSERT_TRUE(cv.wait_for(lock, 120s, [&] { return done == kCalls; }));
  }
  int ok = 0, refused = 0;
  for (const auto& c : calls) {
    if (c->status.ok()) {
      ++ok;
    } else {
      ASSERT_EQ(c->status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED)
          << c->status.error_message();
      EXPECT_NE(c->status.error_message().find("retry after about"),
                std::string::npos);
      const auto& trailers = c->context.GetServerTrailingMetadata();
      const auto hint = trailers.find("grpc-retry-pushback-ms");
      ASSERT_NE(hint, trailers.end());
      // A page of 2 MB running and one queued: hundreds of ms of work (a
      // mean of task times said 40 ms before any page had finished).
      EXPECT_GE(
          std::atoi(
              std::string(hint->second.data(), hint->second.size()).c_str()),
          100);
      ++refused;
    }
  }
  EXPECT_GE(ok, 2);
  EXPECT_GE(refused, 1);
  EXPECT_EQ(ok + refused, kCalls);
  EXPECT_NE(Metrics(server).find("code=\"RESOURCE_EXHAUSTED\""),
            std::string::npos);
}

TEST(ServerTest, OverloadedStreamItemsComeBackWithARetryHint) {
  TestServer server({"--plaintext", "--workers=1", "--queue_per_worker=1",
                     "--stream_max_in_flight=8"});
  ASSERT_TRUE(server.ok());
  auto stub = v1::Declutter::NewStub(server.Channel());
  auto context = Context(120s);
  auto stream = stub->CleanStream(context.get());
  const std::string slow = SlowPage();
  constexpr int kItems = 8;
  for (int i = 0; i < kItems; ++i) {
    ASSERT_TRUE(stream->Write(Request(std::to_string(i), slow)));
  }
  ASSERT_TRUE(stream->WritesDone());
  int ok = 0, refused = 0;
  v1::CleanResponse response;
  while (stream->Read(&response)) {
    if (!response.has_error()) {
      ++ok;
      continue;
    }
    EXPECT_EQ(response.error().code(),
              static_cast<int>(grpc::StatusCode::RESOURCE_EXHAUSTED));
    EXPECT_GE(response.error().retry_after_ms(), 100);  // 2 MB pages queued
    ++refused;
  }
  EXPECT_TRUE(stream->Finish().ok());
  EXPECT_EQ(ok + refused, kItems);  // every item answered, none lost
  EXPECT_GE(ok, 2);
  EXPECT_GE(refused, 1);
}

TEST(ServerTest, PageBudgetStopsASlowPage) {
  TestServer server({"--plaintext", "--page_budget=1ms"});
  ASSERT_TRUE(server.ok());
  auto stub = v1::Declutter::NewStub(server.Channel());
  v1::CleanResponse response;
  grpc::Status status =
      stub->Clean(Context().get(), Request("slow", SlowPage()), &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED)
      << status.error_message();
  EXPECT_NE(status.error_message().find("stopped before"), std::string::npos)
      << status.error_message();
}

TEST(ServerTest, CallDeadlineStopsServerWork) {
  TestServer server({"--plaintext", "--workers=1"});
  ASSERT_TRUE(server.ok());
  auto stub = v1::Declutter::NewStub(server.Channel());
  v1::CleanResponse response;
  // Long enough for the page to arrive and start, far shorter than cleaning it.
  grpc::Status status =
      stub->Clean(Context(100ms).get(), Request("slow", SlowPage()), &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED);
  // The server saw the deadline too: its page ends DEADLINE_EXCEEDED or
  // CANCELLED, not OK, so the worker was not kept busy for an answer nobody
  // waits for.
  std::string metrics;
  for (int i = 0; i < 100; ++i) {
    metrics = Metrics(server);
    if (metrics.find("method=\"Clean\",code=") != std::string::npos) break;
    std::this_thread::sleep_for(100ms);
  }
  EXPECT_EQ(metrics.find("method=\"Clean\",code=\"OK\""), std::string::npos)
      << metrics;
  EXPECT_NE(metrics.find("method=\"Clean\",code="), std::string::npos)
      << metrics;
}

TEST(ServerTest, SlowReaderDoesNotGrowServerMemory) {
  TestServer server({"--plaintext", "--workers=2", "--stream_max_in_flight=4"});
  ASSERT_TRUE(server.ok());
  auto stub = v1::Declutter::NewStub(server.Channel());
  grpc::ClientContext context;
  auto stream = stub->CleanStream(&context);
  // Pages of 1 MiB of text whose answers are as large: 300 of them would be 600
  // MiB buffered if the server read on while nobody reads its answers.
  std::string page = "<html><body><article>";
  while (page.size() < (1 << 20)) {
    page += "<p>A paragraph of article text that keeps going for a while.</p>";
  }
  page += "</article></body></html>";
  std::atomic<int> written{0};
  std::thread writer([&] {
    for (int i = 0; i < 300; ++i) {
      if (!stream->Write(Request(std::to_string(i), page))) return;
      ++written;
    }
  });
  std::this_thread::sleep_for(8s);  // the client reads nothing meanwhile
  const int64_t rss_kib = server.RssKib();
  const int stalled_at = written.load();
  context.TryCancel();
  writer.join();
  EXPECT_LT(stalled_at, 300)
      << "the server read every item without its answers being read";
  // A few pages in flight plus the transport's flow-control windows;
  // AddressSanitizer adds its quarantine of freed memory (256 MiB by default)
  // on top.
#if defined(__SANITIZE_ADDRESS__)
  constexpr int64_t kLimitKib = (300 + 256) * 1024;
#else
  constexpr int64_t kLimitKib = 300 * 1024;
#endif
  EXPECT_LT(rss_kib, kLimitKib) << "server RSS " << rss_kib << " KiB";
  std::cout << "slow reader: " << stalled_at
            << " of 300 one-MiB items written; server RSS " << rss_kib / 1024
            << " MiB\n";
}

// SIGTERM in the middle of a stream whose client keeps sending: the server
// stops reading, cleans and answers the items it had read, and ends the
// stream UNAVAILABLE, so the client resends the rest to another replica. (It
// used to read and clean every item the client sent during the grace.)
TEST(ServerTest, SigtermStopsStreamsReadingAndAnswersTheAcceptedItems) {
  TestServer server({"--plaintext", "--workers=2", "--shutdown_grace=60s",
                     "--stream_max_in_flight=4"});
  ASSERT_TRUE(server.ok());
  auto stub = v1::Declutter::NewStub(server.Channel());
  auto context = Context(120s);
  auto stream = stub->CleanStream(context.get());
  const std::string slow = SlowPage();
  std::atomic<int> cleaned{0}, unavailable{0}, other{0};
  std::thread reader([&] {
    v1::CleanResponse response;
    while (stream->Read(&response)) {
      if (!response.has_error()) {
        ++cleaned;
      } else if (response.error().code() ==
                 static_cast<int>(grpc::StatusCode::UNAVAILABLE)) {
        ++unavailable;
      } else {
        ++other;
        ADD_FAILURE() << response.error().message();
      }
    }
  });
  // Many more items than the server could read before SIGTERM: the first
  // slow, so items are in flight when it comes.
  constexpr int kItems = 3000;
  std::atomic<int> written{0};
  std::thread writer([&] {
    for (int i = 0; i < kItems; ++i) {
      if (!stream->Write(Request(std::to_string(i), i < 8 ? slow : kArticle))) {
        return;
      }
      ++written;
    }
    stream->WritesDone();
  });
  const auto give_up = std::chrono::steady_clock::now() + 60s;
  while (cleaned.load() < 2 && std::chrono::steady_clock::now() < give_up) {
    std::this_thread::sleep_for(10ms);
  }
  ASSERT_GE(cleaned.load(), 2);
  EXPECT_EQ(server.Terminate(120s), 0);
  reader.join();
  writer.join();
  const grpc::Status status = stream->Finish();
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAVAILABLE)
      << status.error_message();
  EXPECT_EQ(other.load(), 0);
  // Items were left unread for the client to resend (a stream read to its end
  // would have answered all kItems).
  EXPECT_LT(cleaned.load() + unavailable.load(), kItems);
  std::cout << "SIGTERM mid-stream: " << written.load() << " written, "
            << cleaned.load() << " cleaned, " << unavailable.load()
            << " answered UNAVAILABLE, the rest left to resend\n";
}

TEST(ServerTest, NeverFetchesTheUrlsItIsGiven) {
  // A listener on loopback that the page's URL, canonical link, image and
  // script all point at: the server must clean the page without ever connecting
  // to it.
  int port = 0;
  const int listener = ListenOnLoopback(SOCK_NONBLOCK, 16, &port);
  ASSERT_GE(listener, 0);
  const std::string origin = absl::StrCat("http://127.0.0.1:", port);

  TestServer server({"--plaintext"});
  ASSERT_TRUE(server.ok());
  auto stub = v1::Declutter::NewStub(server.Channel());
  v1::CleanRequest request = Request(
      "ssrf", absl::StrCat("<html><head><link rel=canonical href=\"", origin,
                           "/canonical\"><meta property=og:image content=\"",
                           origin, "/og.png\"><script src=\"", origin,
                           "/s.js\"></script></head>", "<body><iframe src=\"",
                           origin, "/frame\"></iframe><img src=\"", origin,
                           "/a.png\">", kArticle, "</body></html>"));
  request.set_url(origin + "/page");
  v1::CleanResponse response;
  ASSERT_TRUE(stub->Clean(Context().get(), request, &response).ok());
  EXPECT_EQ(response.article().canonical_url(),
            origin + "/canonical");  // read, not fetched
  std::this_thread::sleep_for(500ms);
  EXPECT_LT(::accept(listener, nullptr, nullptr), 0)
      << "the server connected to the URL";
  ::close(listener);
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path);
  return std::string(std::istreambuf_iterator<char>(in),
                     std::istreambuf_iterator<char>());
}

TEST(ServerTest, MutualTlsAcceptsOnlyClientsWithCertificates) {
  const fs::path dir = fs::path(::testing::TempDir()) /
                       ("declutter_tls_" + std::to_string(::getpid()));
  ASSERT_TRUE(MakeCertificates(dir));
  TestServer server(MutualTlsFlags(dir));
  ASSERT_TRUE(server.ok());
  auto call = [&](bool with_client_cert) {
    grpc::SslCredentialsOptions options;
    options.pem_root_certs = ReadFile(dir / "ca.pem");
    if (with_client_cert) {
      options.pem_cert_chain = ReadFile(dir / "client.pem");
      options.pem_private_key = ReadFile(dir / "client.key");
    }
    auto stub = v1::Declutter::NewStub(
        grpc::CreateChannel(server.address(), grpc::SslCredentials(options)));
    v1::CleanResponse response;
    return stub->Clean(Context(20s).get(), Request("tls", kArticle), &response);
  };
  grpc::Status with_cert = call(true);
  EXPECT_TRUE(with_cert.ok()) << with_cert.error_message();
  EXPECT_FALSE(call(false).ok());
  // Plaintext to a TLS port fails too.
  auto plain = v1::Declutter::NewStub(server.Channel());
  v1::CleanResponse response;
  EXPECT_FALSE(
      plain->Clean(Context(5s).get(), Request("plain", kArticle), &response)
          .ok());
  fs::remove_all(dir);
}

// One grpc.reflection.v1alpha ServerReflectionInfo exchange (list_services),
// sent as a unary call: a server with reflection answers it and finishes OK
// when the client half-closes; one without answers UNIMPLEMENTED.
grpc::Status ListServicesByReflection(
    const std::shared_ptr<grpc::Channel>& channel) {
  grpc::GenericStub stub(channel);
  // ServerReflectionRequest{list_services: "*"}: field 7, length 1.
  const std::string bytes("\x3a\x01*", 3);
  grpc::Slice slice(bytes);
  grpc::ByteBuffer request(&slice, 1);
  grpc::ByteBuffer response;
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + 20s);
  std::promise<grpc::Status> done;
  stub.UnaryCall(&context,
                 "/grpc.reflection.v1alpha.ServerReflection/"
                 "ServerReflectionInfo",
                 grpc::StubOptions(), &request, &response,
                 [&done](grpc::Status s) { done.set_value(std::move(s)); });
  return done.get_future().get();
}

// The --health_listen port the server reported in its "serving" log line; 0
// when it reported none.
int HealthPort(const TestServer& server) {
  const nlohmann::json serving =
      nlohmann::json::parse(server.LogLine("serving"), nullptr, false);
  return serving.is_object() ? serving.value("health_port", 0) : 0;
}

// The plaintext --health_listen port serves grpc.health.v1 only: reflection,
// which the API port serves, would hand the full descriptor to anyone.
TEST(ServerTest, HealthListenServesHealthChecksOnly) {
  TestServer server({"--plaintext", "--health_listen=127.0.0.1:0"});
  ASSERT_TRUE(server.ok());
  const int health_port = HealthPort(server);
  ASSERT_GT(health_port, 0) << server.Log();
  // The API port has reflection (so the request itself is a good one).
  const grpc::Status api = ListServicesByReflection(server.Channel());
  EXPECT_TRUE(api.ok()) << api.error_message();
  auto channel = grpc::CreateChannel(absl::StrCat("127.0.0.1:", health_port),
                                     grpc::InsecureChannelCredentials());
  EXPECT_EQ(ListServicesByReflection(channel).error_code(),
            grpc::StatusCode::UNIMPLEMENTED);
  grpc::health::v1::HealthCheckRequest request;
  grpc::health::v1::HealthCheckResponse response;
  auto health = grpc::health::v1::Health::NewStub(channel);
  const grpc::Status checked =
      health->Check(Context().get(), request, &response);
  ASSERT_TRUE(checked.ok()) << checked.error_message();
  EXPECT_EQ(response.status(), grpc::health::v1::HealthCheckResponse::SERVING);
  // The health port takes messages no larger than a health check (4 KiB),
  // where gRPC's default would take 4 MiB from anyone who reaches it.
  request.set_service(std::string(64 << 10, 's'));
  EXPECT_EQ(health->Check(Context().get(), request, &response).error_code(),
            grpc::StatusCode::RESOURCE_EXHAUSTED);
}

// Kubernetes probes cannot speak (mutual) TLS: --health_listen answers them in
// plaintext, with the health service only.
TEST(ServerTest, HealthListenAnswersProbesOfAMutualTlsServerInPlaintext) {
  const fs::path dir = fs::path(::testing::TempDir()) /
                       ("declutter_health_" + std::to_string(::getpid()));
  ASSERT_TRUE(MakeCertificates(dir));
  std::vector<std::string> flags = MutualTlsFlags(dir);
  flags.push_back("--health_listen=127.0.0.1:0");
  TestServer server(flags);
  ASSERT_TRUE(server.ok());
  const int health_port = HealthPort(server);
  ASSERT_GT(health_port, 0) << server.Log();
  auto channel = grpc::CreateChannel(absl::StrCat("127.0.0.1:", health_port),
                                     grpc::InsecureChannelCredentials());
  auto health = grpc::health::v1::Health::NewStub(channel);
  for (const char* service : {"", "declutter.v1.Declutter"}) {
    grpc::health::v1::HealthCheckRequest request;
    request.set_service(service);
    grpc::health::v1::HealthCheckResponse response;
    grpc::Status status = health->Check(Context().get(), request, &response);
    ASSERT_TRUE(status.ok()) << service << ": " << status.error_message();
    EXPECT_EQ(response.status(), grpc::health::v1::HealthCheckResponse::SERVING)
        << service;
  }
  // The API itself is not on the plaintext port.
  v1::CleanResponse response;
  EXPECT_EQ(
      v1::Declutter::NewStub(channel)
          ->Clean(Context(5s).get(), Request("probe", kArticle), &response)
          .error_code(),
      grpc::StatusCode::UNIMPLEMENTED);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace declutter
