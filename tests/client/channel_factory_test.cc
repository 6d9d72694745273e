#include "client/channel_factory.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/support/test_argv.h"

namespace declutter::client {
namespace {

using testing::TestArgv;

TEST(ChannelFactoryTest, TakesTheTlsFlagsAndNothingElse) {
  TestArgv argv({"declutter", "clean", "--tls", "--tls-ca", "ca.pem",
                 "--tls-cert=c.pem", "--tls-key", "c.key", "--removed"});
  ChannelOptions options;
  std::vector<std::string> others;
  for (CommandLine cl(argv.argc(), argv.argv(), 2); !cl.done(); cl.Advance()) {
    if (!TakeTlsFlag(&cl, &options)) others.push_back(cl.arg());
  }
  EXPECT_TRUE(options.tls);
  EXPECT_EQ(options.tls_files.ca, "ca.pem");
  EXPECT_EQ(options.tls_files.cert, "c.pem");
  EXPECT_EQ(options.tls_files.key, "c.key");
  EXPECT_EQ(others, (std::vector<std::string>{"--removed"}));
}

TEST(ChannelFactoryTest, TlsErrorsNameTheFileOrTheFlags) {
  ChannelOptions options;
  options.tls = true;
  options.tls_files.cert = "c.pem";
  absl::StatusOr<ChannelFactory> factory = ChannelFactory::Create(options);
  ASSERT_EQ(factory.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(factory.status().message(),
            "a client certificate needs its key: expected both --tls-cert and "
            "--tls-key");

  options.tls_files = {};
  options.tls_files.ca = "/nonexistent/ca.pem";
  factory = ChannelFactory::Create(options);
  ASSERT_EQ(factory.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(factory.status().message().find("'/nonexistent/ca.pem'"),
            std::string::npos)
      << factory.status();
  EXPECT_NE(factory.status().message().find("--tls-ca"), std::string::npos)
      << factory.status();

  // The files name the CLI's own flags, never the server's --tls_cert.
  options.tls_files = {};
  options.tls_files.cert = "/nonexistent/client.pem";
  options.tls_files.key = "/nonexistent/client.key";
  factory = ChannelFactory::Create(options);
  ASSERT_EQ(factory.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(factory.status().message().find("--tls-cert"), std::string::npos)
      << factory.status();
  EXPECT_EQ(factory.status().message().find("tls_"), std::string::npos)
      << factory.status();
}

TEST(ChannelFactoryTest, OneChannelPerListedTarget) {
  absl::StatusOr<ChannelFactory> factory =
      ChannelFactory::Create(ChannelOptions());
  ASSERT_TRUE(factory.ok()) << factory.status();
  EXPECT_EQ(factory->OpenEach("127.0.0.1:1, 127.0.0.1:2,,").size(), 2u);
  EXPECT_TRUE(factory->OpenEach(" , ").empty());
  EXPECT_NE(factory->Open("dns:///localhost:1"), nullptr);
}

}  // namespace
}  // namespace declutter::client
