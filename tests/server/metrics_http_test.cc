#include "service/server/metrics_http.h"

#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "tests/support/raw_socket.h"

namespace declutter::server {
namespace {

using namespace std::chrono_literals;

TEST(MetricsHttpTest, SplitsHostAndPort) {
  std::string host;
  int port = -1;
  ASSERT_TRUE(SplitHostPort("127.0.0.1:9090", &host, &port).ok());
  EXPECT_EQ(host, "127.0.0.1");
  EXPECT_EQ(port, 9090);
  ASSERT_TRUE(SplitHostPort("[::1]:0", &host, &port).ok());
  EXPECT_EQ(host, "::1");
  EXPECT_EQ(port, 0);
  for (const char* bad : {"localhost", "host:http", "host:70000", "host:-1"}) {
    const absl::Status s = SplitHostPort(bad, &host, &port);
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << bad;
    EXPECT_EQ(s.message(), absl::StrCat("'", bad,
                                        "' is not an address: expected "
                                        "host:port"));
  }
}

TEST(MetricsHttpTest, ServesTheMetricsOnTheirOwnPort) {
  Metrics metrics;
  metrics.DeclareCounter("declutter_test_total", "A test counter.", {});
  metrics.Add("declutter_test_total", {}, 3);
  absl::StatusOr<std::unique_ptr<MetricsHttpServer>> http =
      MetricsHttpServer::Start("127.0.0.1:0", &metrics);
  ASSERT_TRUE(http.ok()) << http.status();
  ASSERT_GT((*http)->port(), 0);
  httplib::Client client("127.0.0.1", (*http)->port());
  httplib::Result got = client.Get("/metrics");
  ASSERT_TRUE(got) << httplib::to_string(got.error());
  EXPECT_EQ(got->status, 200);
  EXPECT_NE(got->body.find("declutter_test_total 3"), std::string::npos)
      << got->body;
  EXPECT_EQ(got->get_header_value("Content-Type"), Metrics::kContentType);
}

TEST(MetricsHttpTest, AnAddressNotOfThisHostIsUnavailable) {
  Metrics metrics;
  // TEST-NET-1 (RFC 5737): never an address of this machine.
  absl::StatusOr<std::unique_ptr<MetricsHttpServer>> http =
      MetricsHttpServer::Start("192.0.2.1:0", &metrics);
  EXPECT_EQ(http.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_EQ(http.status().message(),
            "cannot listen on 192.0.2.1:0: expected a free host:port");
}

using ::declutter::testing::Connect;
using ::declutter::testing::ReadUntilClosed;
using ::declutter::testing::SendAll;

std::unique_ptr<MetricsHttpServer> StartOrDie(const Metrics* metrics,
                                              HttpLimits limits = {}) {
  absl::StatusOr<std::unique_ptr<MetricsHttpServer>> http =
      MetricsHttpServer::Start("127.0.0.1:0", metrics, limits);
  EXPECT_TRUE(http.ok()) << http.status();
  return http.ok() ? *std::move(http) : nullptr;
}

// A 500 MB POST is answered 405 from its headers alone: the server neither
// waits for nor buffers the body, and closes the connection.
TEST(MetricsHttpTest, OtherMethodsAreRefusedBeforeTheirBodyIsRead) {
  Metrics metrics;
  std::unique_ptr<MetricsHttpServer> http = StartOrDie(&metrics);
  ASSERT_NE(http, nullptr);
  for (const char* method : {"POST", "PUT", "DELETE"}) {
    const int fd = Connect(http->port());
    ASSERT_GE(fd, 0);
    ASSERT_TRUE(SendAll(fd, absl::StrCat(method,
                                         " /metrics HTTP/1.1\r\nHost: t\r\n"
                                         "Content-Length: 524288000\r\n\r\n",
                                         std::string(65536, 'x'))));
    const std::string answer = ReadUntilClosed(fd, std::chrono::seconds(60));
    ::close(fd);
    EXPECT_EQ(answer.rfind("HTTP/1.1 405", 0), 0u) << method << ": " << answer;
    EXPECT_NE(answer.find("Allow: GET, HEAD"), std::string::npos) << answer;
  }
}

TEST(MetricsHttpTest, ABodyOverTheLimitIsRefusedUnread) {
  Metrics metrics;
  std::unique_ptr<MetricsHttpServer> http = StartOrDie(&metrics);
  ASSERT_NE(http, nullptr);
  const int fd = Connect(http->port());
  ASSERT_GE(fd, 0);
  ASSERT_TRUE(SendAll(fd,
                      "GET /metrics HTTP/1.1\r\nHost: t\r\n"
                      "Content-Length: 524288000\r\n\r\nxxxx"));
  const std::string answer = ReadUntilClosed(fd, std::chrono::seconds(60));
  ::close(fd);
  EXPECT_EQ(answer.rfind("HTTP/1.1 413", 0), 0u) << answer;
}

// Clients that send a header line now and then, more of them than the port has
// threads, are cut off at their exchange's deadline, so /metrics still
// answers. (httplib's own timeout is per read: each would hold a thread for as
// long as it keeps trickling.)
TEST(MetricsHttpTest, SlowHeaderSendersDoNotStarveTheMetrics) {
  Metrics metrics;
  metrics.DeclareCounter("declutter_test_total", "A test counter.", {});
  HttpLimits limits;
  limits.threads = 4;
  limits.exchange_time = absl::Seconds(1);
  std::unique_ptr<MetricsHttpServer> http = StartOrDie(&metrics, limits);
  ASSERT_NE(http, nullptr);
  constexpr int kSlowClients = 12;
  std::atomic<int> cut_off{0};
  std::vector<std::thread> slow;
  for (int i = 0; i < kSlowClients; ++i) {
    slow.emplace_back([&] {
      const int fd = Connect(http->port());
      if (fd < 0) return;
      bool open = SendAll(fd, "GET /metrics HTTP/1.1\r\nHost: t\r\n");
      const auto give_up = std::chrono::steady_clock::now() + 60s;
      while (open && std::chrono::steady_clock::now() < give_up) {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        // Anything from the server (an error answer, or the close) means
        // the server cut this client off.
        pollfd p{fd, POLLIN, 0};
        open = ::poll(&p, 1, 0) == 0 && SendAll(fd, "X-Slow: 1\r\n");
      }
      if (!open) ++cut_off;
      ::close(fd);
    });
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  httplib::Client client("127.0.0.1", http->port());
  client.set_read_timeout(60, 0);
  client.set_connection_timeout(60, 0);
  httplib::Result got = client.Get("/metrics");
  // Every slow client is cut off in time (they hold a thread 1 s each).
  for (std::thread& t : slow) t.join();
  ASSERT_TRUE(got) << httplib::to_string(got.error());
  EXPECT_EQ(got->status, 200);
  EXPECT_EQ(cut_off.load(), kSlowClients);
}

// Connections past the threads and the waiting room are answered 503 at once
// and closed; httplib's own queue would keep every accepted socket waiting.
TEST(MetricsHttpTest, ConnectionsPastTheLimitAreRefusedAtOnce) {
  Metrics metrics;
  HttpLimits limits;
  limits.threads = 1;
  limits.max_waiting_connections = 1;
  limits.exchange_time = absl::Minutes(10);
  std::unique_ptr<MetricsHttpServer> http = StartOrDie(&metrics, limits);
  ASSERT_NE(http, nullptr);
  // The first holds the one thread (its headers never end), the second waits
  // for it, the third is one too many. Connections are accepted in order.
  std::vector<int> fds;
  for (int i = 0; i < 3; ++i) {
    fds.push_back(Connect(http->port()));
    ASSERT_GE(fds.back(), 0);
  }
  ASSERT_TRUE(SendAll(fds[0], "GET /metrics HTTP/1.1\r\nHost: t\r\n"));
  const std::string answer = ReadUntilClosed(fds[2], std::chrono::seconds(60));
  EXPECT_EQ(answer.rfind("HTTP/1.1 503", 0), 0u) << answer;
  for (int fd : fds) ::close(fd);
}

// Stopping does not wait out a client's idle keep-alive connection (the idle
// limit here is 10 minutes).
TEST(MetricsHttpTest, StopsWithoutWaitingForAnIdleClient) {
  Metrics metrics;
  HttpLimits limits;
  limits.keep_alive_idle = absl::Minutes(10);
  limits.connection_time = absl::Minutes(20);
  std::unique_ptr<MetricsHttpServer> http = StartOrDie(&metrics, limits);
  ASSERT_NE(http, nullptr);
  const int fd = Connect(http->port());
  ASSERT_GE(fd, 0);
  ASSERT_TRUE(SendAll(fd, "GET /metrics HTTP/1.1\r\nHost: t\r\n\r\n"));
  char buffer[256];
  ASSERT_GT(::recv(fd, buffer, sizeof(buffer), 0), 0);  // answered; kept open
  std::atomic<bool> stopped{false};
  std::thread stopper([&] {
    http.reset();
    stopped = true;
  });
  const auto give_up = std::chrono::steady_clock::now() + 60s;
  while (!stopped && std::chrono::steady_clock::now() < give_up) {
    std::this_thread::sleep_for(50ms);
  }
  EXPECT_TRUE(stopped.load()) << "the stop waited for the idle client";
  ::close(fd);  // lets a stop that waited finish
  stopper.join();
}

TEST(MetricsHttpTest, StopsAtOnceAfterStarting) {
  Metrics metrics;
  absl::StatusOr<std::unique_ptr<MetricsHttpServer>> http =
      MetricsHttpServer::Start("127.0.0.1:0", &metrics);
  ASSERT_TRUE(http.ok()) << http.status();
  http->reset();  // must not hang, however soon after Start
}

}  // namespace
}  // namespace declutter::server
