#include "service/extract/decode/text_decoder.h"

#include "gtest/gtest.h"

namespace declutter::extract {
namespace {

TEST(TextDecoderTest, Utf8PassesThrough) {
  auto d = TextDecoder::ToUtf8("caf\xC3\xA9", "UTF-8");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->utf8, "caf\xC3\xA9");
  EXPECT_EQ(d->replacement_count, 0);
}

TEST(TextDecoderTest, GbkDecodes) {
  auto d = TextDecoder::ToUtf8("\xD6\xD0\xCE\xC4", "GB18030");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->utf8, "中文");
}

TEST(TextDecoderTest, InvalidSequencesBecomeReplacementAndAreCounted) {
  auto d = TextDecoder::ToUtf8("ok \xFF\xFE end", "UTF-8");
  ASSERT_TRUE(d.ok());
  EXPECT_GE(d->replacement_count, 1);
  EXPECT_NE(d->utf8.find("\xEF\xBF\xBD"), std::string::npos);
  EXPECT_NE(d->utf8.find("end"), std::string::npos);
}

TEST(TextDecoderTest, TruncatedMultiByteAtEndDoesNotCrash) {
  auto d = TextDecoder::ToUtf8("\xD6\xD0\xCE", "GB18030");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->replacement_count, 1);
}

TEST(TextDecoderTest, UnknownCharsetIsAnError) {
  auto d = TextDecoder::ToUtf8("x", "no-such-charset");
  EXPECT_EQ(d.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(d.status().message().find("no-such-charset"), absl::string_view::npos);
}

TEST(TextDecoderTest, LargeInputIsConvertedInChunks) {
  std::string latin(100000, '\xE9');  // é in windows-1252
  auto d = TextDecoder::ToUtf8(latin, "windows-1252");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->utf8.size(), 200000u);
}

}  // namespace
}  // namespace declutter::extract
