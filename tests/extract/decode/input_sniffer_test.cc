#include "service/extract/decode/input_sniffer.h"

#include <random>
#include <string>

#include "gtest/gtest.h"

namespace declutter::extract {
namespace {

std::string RandomBytes(size_t n, uint32_t seed) {
  std::mt19937 engine(seed);
  std::string out(n, '\0');
  for (char& c : out) c = static_cast<char>(engine() & 0xFF);
  return out;
}

TEST(InputSnifferTest, KnownBinaryFormatsAreNamed) {
  const absl::Status s = InputSniffer::CheckCleanable("%PDF-1.7 rest", "UTF-8");
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("PDF"), std::string::npos) << s;
  EXPECT_EQ(InputSniffer::CheckCleanable("", "UTF-8").code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(InputSnifferTest, HighEntropyBytesAreRefusedAsBinary) {
  // Random bytes and compressed data without a magic number, at several
  // sizes and seeds; some have few NULs, none is text.
  for (uint32_t seed = 1; seed <= 20; ++seed) {
    for (size_t n : {size_t{300}, size_t{1200}, size_t{20000}}) {
      const absl::Status s =
          InputSniffer::CheckCleanable(RandomBytes(n, seed), "windows-1252");
      EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument)
          << "seed " << seed << ", " << n << " bytes";
      EXPECT_NE(s.message().find("binary"), std::string::npos) << s;
    }
  }
}

TEST(InputSnifferTest, TextInEveryCharsetIsCleanable) {
  std::string page = "<html><body><p>Caf\xE9 cr\xE8me\x85</p>";  // cp1252
  page += "<p>\xD6\xD0\xCE\xC4\xCD\xF8\xD2\xB3</p>";             // GBK
  page += "<p>\x93\xFA\x96\x7B\x8C\xEA</p>";                     // Shift_JIS
  page += "<p>\xE4\xB8\xAD\xE6\x96\x87</p>";                     // UTF-8
  page += "<p>\x1B$B$3$s$K$A$O\x1B(B</p></body></html>";         // ISO-2022-JP
  std::string big;
  while (big.size() < 8192) big += page + "\n\t\r\f";
  EXPECT_TRUE(InputSniffer::CheckCleanable(big, "windows-1252").ok());
  // A few stray control characters are a broken page, not binary.
  std::string stray = big;
  for (int i = 0; i < 8; ++i) stray[100 + i * 300] = '\x01';
  EXPECT_TRUE(InputSniffer::CheckCleanable(stray, "windows-1252").ok());
}

TEST(InputSnifferTest, Utf16IsNotBinary) {
  std::string utf16;
  for (char c : std::string("<p>Hello, world.</p>")) {
    utf16.push_back(c);
    utf16.push_back('\0');
  }
  EXPECT_TRUE(InputSniffer::CheckCleanable(utf16, "UTF-16LE").ok());
  EXPECT_FALSE(InputSniffer::CheckCleanable(utf16, "UTF-8").ok());
}

}  // namespace
}  // namespace declutter::extract
