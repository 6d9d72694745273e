#include "service/api/byte_stream.h"

#include <unistd.h>

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

TEST(ByteStreamTest, ALineTooLongIsDroppedAndTheNextOneRead) {
  const std::string path =
      (std::filesystem::path(::testing::TempDir()) / "long.jsonl").string();
  // The long line spans many of the stream's 256 KiB buffers.
  std::ofstream(path, std::ios::binary)
      << "short\n"
      << std::string(3 << 20, 'a') << "\nafter\n"
      << std::string(500, 'b');
  auto stream = ByteStream::Open(path);
  ASSERT_TRUE(stream.ok());
  std::string line;
  EXPECT_TRUE(*(*stream)->ReadLine(&line, 100));
  EXPECT_EQ(line, "short");
  EXPECT_EQ((*stream)->ReadLine(&line, 100).status().code(),
            absl::StatusCode::kResourceExhausted);
  absl::StatusOr<bool> next = (*stream)->ReadLine(&line, 100);
  ASSERT_TRUE(next.ok()) << next.status();
  EXPECT_TRUE(*next);
  EXPECT_EQ(line, "after");
  // A last line too long without "\n": dropped, then the end.
  EXPECT_EQ((*stream)->ReadLine(&line, 100).status().code(),
            absl::StatusCode::kResourceExhausted);
  EXPECT_FALSE(*(*stream)->ReadLine(&line, 100));
}

TEST(ByteStreamTest, ReadUpToStopsAtTheEndAndUnreadGivesBytesBack) {
  const std::string path =
      (std::filesystem::path(::testing::TempDir()) / "block.warc").string();
  std::ofstream(path, std::ios::binary) << "0123456789\nrest\n";
  auto stream = ByteStream::Open(path);
  ASSERT_TRUE(stream.ok());
  std::string block;
  ASSERT_TRUE((*stream)->ReadUpTo(8, &block).ok());
  EXPECT_EQ(block, "01234567");
  (*stream)->Unread("567");
  EXPECT_EQ((*stream)->position(), 5);
  std::string line;
  EXPECT_TRUE(*(*stream)->ReadLine(&line, 100));
  EXPECT_EQ(line, "56789");
  ASSERT_TRUE((*stream)->ReadUpTo(100, &block).ok());
  EXPECT_EQ(block, "rest\n");  // fewer than asked: the end
  EXPECT_EQ((*stream)->ReadExact(1, &block).code(),
            absl::StatusCode::kDataLoss);
}

TEST(ByteStreamTest, SeekGoesBackInGzipToo) {
  const std::string path =
      (std::filesystem::path(::testing::TempDir()) / "seek.warc.gz").string();
  std::ofstream(path, std::ios::binary)
      << GzipMember("0123456789\n") << GzipMember("abcdef\n");
  auto stream = ByteStream::Open(path);
  ASSERT_TRUE(stream.ok());
  std::string block;
  ASSERT_TRUE((*stream)->ReadUpTo(15, &block).ok());
  ASSERT_TRUE((*stream)->Seek(4).ok());
  std::string line;
  EXPECT_TRUE(*(*stream)->ReadLine(&line, 100));
  EXPECT_EQ(line, "456789");
  EXPECT_TRUE(*(*stream)->ReadLine(&line, 100));
  EXPECT_EQ(line, "abcdef");
}

TEST(ByteStreamTest, ATruncatedGzipIsDataLossNotTheEnd) {
  const std::string path =
      (std::filesystem::path(::testing::TempDir()) / "cut.jsonl.gz").string();
  const std::string second = GzipMember(std::string(5000, 'b') + "\n");
  std::ofstream(path, std::ios::binary)
      << GzipMember("first\n") << second.substr(0, second.size() / 2);
  auto stream = ByteStream::Open(path);
  ASSERT_TRUE(stream.ok());
  std::string line;
  EXPECT_TRUE(*(*stream)->ReadLine(&line, 100000));
  EXPECT_EQ(line, "first");
  absl::StatusOr<bool> next = (*stream)->ReadLine(&line, 100000);
  while (next.ok() && *next) next = (*stream)->ReadLine(&line, 100000);
  EXPECT_EQ(next.status().code(), absl::StatusCode::kDataLoss)
      << "a cut file read as complete";
  // zlib's message names the path too; the error names it once.
  const std::string message(next.status().message());
  EXPECT_EQ(message.find(path), 0u) << message;
  EXPECT_EQ(message.find(path, 1), std::string::npos) << message;
}

TEST(ByteStreamTest, OpenErrorsSayWhy) {
  const std::filesystem::path dir =
      std::filesystem::path(::testing::TempDir()) / "byte_stream_open";
  std::filesystem::create_directories(dir);
  EXPECT_EQ(ByteStream::Open((dir / "missing").string()).status().code(),
            absl::StatusCode::kNotFound);
  if (::geteuid() == 0) GTEST_SKIP() << "root reads unreadable files";
  const std::string locked = (dir / "locked.jsonl").string();
  std::ofstream(locked) << "{}\n";
  std::filesystem::permissions(locked, std::filesystem::perms::none);
  EXPECT_EQ(ByteStream::Open(locked).status().code(),
            absl::StatusCode::kPermissionDenied);
}

}  // namespace
}  // namespace declutter::api
