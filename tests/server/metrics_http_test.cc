#include "service/server/metrics_http.h"

#include <httplib.h>

#include <string>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"

namespace declutter::server {
namespace {

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

TEST(MetricsHttpTest, StopsAtOnceAfterStarting) {
  Metrics metrics;
  absl::StatusOr<std::unique_ptr<MetricsHttpServer>> http =
      MetricsHttpServer::Start("127.0.0.1:0", &metrics);
  ASSERT_TRUE(http.ok()) << http.status();
  http->reset();  // must not hang, however soon after Start
}

}  // namespace
}  // namespace declutter::server
