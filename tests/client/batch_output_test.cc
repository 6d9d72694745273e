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
