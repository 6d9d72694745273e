#include "service/server/library_log.h"

#include <grpc/support/log.h>

#include <sstream>
#include <string>

#include "absl/base/internal/raw_logging.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"

namespace declutter::server {
namespace {

TEST(LibraryLogTest, GprLogComesOutAsOneJsonLine) {
  std::ostringstream out;
  JsonLog log(&out);
  {
    LibraryLogRoute route(&log);
    gpr_log(GPR_ERROR, "bind failed on \"%s\"\nretrying", "127.0.0.1:1");
  }
  const std::string text = out.str();
  ASSERT_FALSE(text.empty());
  EXPECT_EQ(text.find('\n'), text.size() - 1) << text;  // exactly one line
  const nlohmann::json line = nlohmann::json::parse(text, nullptr, false);
  ASSERT_TRUE(line.is_object()) << text;
  EXPECT_EQ(line.value("event", ""), "grpc");
  EXPECT_EQ(line.value("severity", ""), "E");
  EXPECT_EQ(line.value("message", ""),
            "bind failed on \"127.0.0.1:1\"\nretrying");
  EXPECT_NE(line.value("file", "").find("library_log_test.cc"),
            std::string::npos);
}

TEST(LibraryLogTest, AbslInternalLogComesOutAsJson) {
  std::ostringstream out;
  JsonLog log(&out);
  {
    LibraryLogRoute route(&log);
    ABSL_INTERNAL_LOG(WARNING, "a warning from abseil");
  }
  const nlohmann::json line = nlohmann::json::parse(out.str(), nullptr, false);
  ASSERT_TRUE(line.is_object()) << out.str();
  EXPECT_EQ(line.value("event", ""), "absl");
  EXPECT_EQ(line.value("severity", ""), "WARNING");
  EXPECT_EQ(line.value("message", ""), "a warning from abseil");
}

}  // namespace
}  // namespace declutter::server
