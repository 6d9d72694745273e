#include "client/batch_output.h"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "gtest/gtest.h"

namespace declutter::client {
namespace {

namespace fs = std::filesystem;

v1::CleanResponse Answer(const std::string& id) {
  v1::CleanResponse response;
  response.set_id(id);
  response.mutable_article()->set_text("text of " + id);
  return response;
}

TEST(BatchOutputTest, AFailedWriteNamesTheOutputAndStaysFailed) {
  absl::StatusOr<std::unique_ptr<BatchOutput>> output =
      BatchOutput::Open("/dev/full", /*resume=*/false);
  ASSERT_TRUE(output.ok()) << output.status();
  const absl::Status first = (*output)->Write(Answer("a"));
  EXPECT_EQ(first.code(), absl::StatusCode::kUnavailable);
  EXPECT_NE(first.message().find("cannot write to /dev/full"),
            std::string::npos)
      << first;
  EXPECT_NE(first.message().find("No space left on device"), std::string::npos)
      << first;
  EXPECT_EQ((*output)->Write(Answer("b")), first);
}

TEST(BatchOutputTest, ResumeCutsTheLineAFailureLeftAndAppends) {
  const fs::path path = fs::path(::testing::TempDir()) /
                        ("batch_output_" + std::to_string(::getpid()));
  {
    absl::StatusOr<std::unique_ptr<BatchOutput>> output =
        BatchOutput::Open(path.string(), /*resume=*/false);
    ASSERT_TRUE(output.ok());
    ASSERT_TRUE((*output)->Write(Answer("a")).ok());
  }
  std::ofstream(path, std::ios::app) << "{\"id\":\"b\",\"cut";  // cut short
  absl::StatusOr<std::unique_ptr<BatchOutput>> resumed =
      BatchOutput::Open(path.string(), /*resume=*/true);
  ASSERT_TRUE(resumed.ok()) << resumed.status();
  EXPECT_TRUE((*resumed)->Done("a"));
  EXPECT_FALSE((*resumed)->Done("b"));
  ASSERT_TRUE((*resumed)->Write(Answer("b")).ok());
  std::ifstream in(path);
  const std::string text((std::istreambuf_iterator<char>(in)),
                         std::istreambuf_iterator<char>());
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 2) << text;
  EXPECT_EQ(text.find("\"cut"), std::string::npos) << text;
  fs::remove(path);
}

}  // namespace
}  // namespace declutter::client

namespace declutter::client {
namespace {

TEST(BatchOutputTest, ResumeCleansAgainPagesWithRetryableErrors) {
  const fs::path path = fs::path(::testing::TempDir()) /
                        ("batch_output_errors_" + std::to_string(::getpid()));
  const std::string written =
      "{\"id\":\"ok\",\"article\":{\"text\":\"x\"}}\n"
      "{\"id\":\"lost\",\"error\":{\"code\":14,\"message\":\"server gone\"}}\n"
      "{\"id\":\"busy\",\"error\":{\"code\":8,\"message\":\"overloaded\"}}\n"
      "{\"id\":\"bad\",\"error\":{\"code\":3,\"message\":\"not html\"}}\n"
      "{\"id\":\"cut\",\"art";
  std::ofstream(path, std::ios::binary) << written;
  {
    auto kept = BatchOutput::Open(path.string(), /*resume=*/true,
                                  /*keep_errors=*/true);
    ASSERT_TRUE(kept.ok()) << kept.status();
    EXPECT_TRUE((*kept)->Done("lost"));
  }
  std::ofstream(path, std::ios::binary | std::ios::trunc) << written;
  auto output = BatchOutput::Open(path.string(), /*resume=*/true);
  ASSERT_TRUE(output.ok()) << output.status();
  EXPECT_TRUE((*output)->Done("ok"));
  EXPECT_TRUE((*output)->Done("bad"));  // not worth another try
  EXPECT_FALSE((*output)->Done("lost"));
  EXPECT_FALSE((*output)->Done("busy"));
  EXPECT_FALSE((*output)->Done("cut"));
  ASSERT_TRUE((*output)->Write(Answer("lost")).ok());
  output->reset();
  std::ifstream in(path);
  std::string all((std::istreambuf_iterator<char>(in)),
                  std::istreambuf_iterator<char>());
  EXPECT_EQ(all.find("server gone"), std::string::npos) << all;
  EXPECT_EQ(all.find("overloaded"), std::string::npos) << all;
  EXPECT_NE(all.find("not html"), std::string::npos) << all;
  EXPECT_NE(all.find("text of lost"), std::string::npos) << all;
  EXPECT_EQ(all.find("\"cut\""), std::string::npos) << all;
  fs::remove(path);
}

}  // namespace
}  // namespace declutter::client
