#include "service/api/input_reader.h"

#include <unistd.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>

#include "gtest/gtest.h"

namespace declutter::api {
namespace {

namespace fs = std::filesystem;

class InputReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) /
           ("input_reader_" + std::to_string(::getpid()));
    fs::create_directories(dir_ / "sub");
    std::ofstream(dir_ / "b.html") << "<p>b</p>";
    std::ofstream(dir_ / "sub" / "a.txt") << "a";
    gzFile gz = gzopen((dir_ / "c.html.gz").c_str(), "wb");
    gzputs(gz, "first member ");
    gzclose(gz);
    gz = gzopen((dir_ / "c.html.gz").c_str(), "ab");  // a second gzip member
    gzputs(gz, "second member");
    gzclose(gz);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(InputReaderTest, ReadsGzipWithEveryMember) {
  InputReader reader(1 << 20);
  auto content = reader.Read((dir_ / "c.html.gz").string());
  ASSERT_TRUE(content.ok()) << content.status();
  EXPECT_EQ(*content, "first member second member");
}

TEST_F(InputReaderTest, ErrorsAreClear) {
  InputReader reader(4);
  auto big = reader.Read((dir_ / "b.html").string());
  EXPECT_EQ(big.status().code(), absl::StatusCode::kResourceExhausted);
  InputReader large(1 << 20);
  // zlib reads a non-gzip file transparently as-is; a corrupt gzip header is an
  // error.
  std::ofstream(dir_ / "corrupt.gz", std::ios::binary)
      << std::string("\x1F\x8B\x08\x00garbage", 11);
  EXPECT_FALSE(large.Read((dir_ / "corrupt.gz").string()).ok());
}

TEST_F(InputReaderTest, AnUnreadableFileIsPermissionDenied) {
  InputReader reader(1 << 20);
  EXPECT_EQ(reader.Read((dir_ / "missing.html").string()).status().code(),
            absl::StatusCode::kNotFound);
  if (::geteuid() == 0) GTEST_SKIP() << "root reads unreadable files";
  for (const char* name : {"locked.html", "locked.html.gz"}) {
    std::ofstream(dir_ / name) << "<p>x</p>";
    std::filesystem::permissions(dir_ / name, std::filesystem::perms::none);
    EXPECT_EQ(reader.Read((dir_ / name).string()).status().code(),
              absl::StatusCode::kPermissionDenied)
        << name;
  }
}

}  // namespace
}  // namespace declutter::api
