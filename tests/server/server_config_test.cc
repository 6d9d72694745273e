#include "service/server/server_config.h"

#include <string>

#include "absl/flags/commandlineflag.h"
#include "absl/flags/reflection.h"
#include "gtest/gtest.h"

namespace declutter::server {
namespace {

// Sets the server flag `name` as the command line would (restored by the
// test's FlagSaver).
void SetFlag(const char* name, const std::string& value) {
  absl::CommandLineFlag* flag = absl::FindCommandLineFlag(name);
  ASSERT_NE(flag, nullptr) << name;
  std::string error;
  ASSERT_TRUE(flag->ParseFrom(value, &error)) << name << ": " << error;
}

TEST(ServerConfigTest, DefaultsResolveToTheMachine) {
  absl::FlagSaver restore;
  absl::StatusOr<ServerConfig> config = ServerConfigFromFlags(/*cores=*/6);
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->listen, "0.0.0.0:50051");
  EXPECT_EQ(config->workers, 6);
  EXPECT_EQ(config->queue, 6u);  // one per worker
  EXPECT_EQ(config->limits.stream_max_in_flight, 12);
  EXPECT_EQ(config->limits.max_page_bytes, 32u << 20);
  EXPECT_EQ(config->limits.page_budget, absl::Seconds(10));
  EXPECT_FALSE(config->plaintext);
  EXPECT_EQ(config->connections.max_connection_age, absl::Minutes(5));
  EXPECT_EQ(config->shutdown_grace, absl::Seconds(20));
  EXPECT_TRUE(config->log_pages);
  EXPECT_EQ(ServerConfigFromFlags(/*cores=*/0)->workers, 1);
}

TEST(ServerConfigTest, ExplicitValuesAreKept) {
  absl::FlagSaver restore;
  SetFlag("workers", "3");
  SetFlag("queue_per_worker", "4");
  SetFlag("stream_max_in_flight", "5");
  SetFlag("tls_client_ca", "ca.pem");
  absl::StatusOr<ServerConfig> config = ServerConfigFromFlags(/*cores=*/64);
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->workers, 3);
  EXPECT_EQ(config->queue, 12u);
  EXPECT_EQ(config->limits.stream_max_in_flight, 5);
  EXPECT_EQ(config->tls.client_ca, "ca.pem");
}

TEST(ServerConfigTest, OutOfRangeValuesNameTheFlag) {
  absl::FlagSaver restore;
  SetFlag("max_page_bytes", "0");
  EXPECT_EQ(ServerConfigFromFlags(2).status().message(),
            "--max_page_bytes is 0: expected 1 to 1073741824");
  SetFlag("max_page_bytes", "1000");
  SetFlag("page_budget", "0s");
  EXPECT_EQ(ServerConfigFromFlags(2).status().message(),
            "--page_budget must be positive");
}

TEST(ServerConfigTest, AMetricsAddressWithoutAPortIsAConfigError) {
  absl::FlagSaver restore;
  SetFlag("metrics_listen", "localhost");
  const absl::Status s = ServerConfigFromFlags(2).status();
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(
      s.message(),
      "--metrics_listen: 'localhost' is not an address: expected host:port");
  SetFlag("metrics_listen", "127.0.0.1:0");
  EXPECT_TRUE(ServerConfigFromFlags(2).ok());
}

TEST(ServerConfigTest, TheHttpPortIsOffByDefaultAndTakesHostPort) {
  absl::FlagSaver restore;
  absl::StatusOr<ServerConfig> config = ServerConfigFromFlags(2);
  ASSERT_TRUE(config.ok());
  EXPECT_EQ(config->http_listen, "");
  SetFlag("http_listen", "localhost");
  const absl::Status s = ServerConfigFromFlags(2).status();
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(),
            "--http_listen: 'localhost' is not an address: expected host:port");
  SetFlag("http_listen", "127.0.0.1:8080");
  config = ServerConfigFromFlags(2);
  ASSERT_TRUE(config.ok());
  EXPECT_EQ(config->http_listen, "127.0.0.1:8080");
}

}  // namespace
}  // namespace declutter::server
