#include "service/server/json_log.h"

#include <sstream>

#include "gtest/gtest.h"

namespace declutter::server {
namespace {

TEST(JsonLogTest, OneObjectPerLineWithTimestampAndEventFirst) {
  const absl::Time t = absl::FromUnixMillis(1790000000123);
  EXPECT_EQ(
      JsonLog::Line(t, "clean", {{"request_id", "a"}, {"ms", 12}}),
      R"({"ts":"2026-09-21T14:13:20.123Z","event":"clean","ms":12,"request_id":"a"})");
}

TEST(JsonLogTest, QuotesNewlinesAndInvalidUtf8CannotBreakTheLine) {
  std::ostringstream out;
  JsonLog log(&out);
  log.Write("clean", {{"request_id", "a\"b\nc\xff"}});
  const std::string text = out.str();
  ASSERT_FALSE(text.empty());
  EXPECT_EQ(text.find('\n'), text.size() - 1) << text;  // exactly one line
  EXPECT_NE(text.find(R"(a\"b\nc)"), std::string::npos) << text;
  EXPECT_TRUE(nlohmann::json::accept(text));
}

}  // namespace
}  // namespace declutter::server
