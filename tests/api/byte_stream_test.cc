#include "service/api/byte_stream.h"

#include <filesystem>
#include <fstream>
#include <string>

#include "gtest/gtest.h"
#include "tests/support/test_data.h"

namespace declutter::api {
namespace {

using testing::GzipMember;

TEST(ByteStreamTest, LinesAcrossGzipMembersAndLongLines) {
  const std::string path =
      (std::filesystem::path(::testing::TempDir()) / "lines.jsonl.gz").string();
  std::ofstream(path, std::ios::binary)
      << GzipMember("first\r\nsec") << GzipMember("ond\n")
      << GzipMember("last");
  auto stream = ByteStream::Open(path);
  ASSERT_TRUE(stream.ok());
  std::string line;
  EXPECT_TRUE(*(*stream)->ReadLine(&line, 100));
  EXPECT_EQ(line, "first");
  EXPECT_TRUE(*(*stream)->ReadLine(&line, 100));
  EXPECT_EQ(line, "second");
  EXPECT_TRUE(*(*stream)->ReadLine(&line, 100));
  EXPECT_EQ(line, "last");
  EXPECT_FALSE(*(*stream)->ReadLine(&line, 100));

  std::ofstream(path, std::ios::binary) << std::string(1000, 'a') << "\n";
  auto long_lines = ByteStream::Open(path);
  ASSERT_TRUE(long_lines.ok());
  EXPECT_EQ((*long_lines)->ReadLine(&line, 100).status().code(),
            absl::StatusCode::kResourceExhausted);
}

}  // namespace
}  // namespace declutter::api
