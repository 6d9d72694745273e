#include "service/extract/strings/utf8.h"

#include <string>

#include "gtest/gtest.h"

namespace declutter::extract {
namespace {

TEST(Utf8Test, NextCodePointDecodesAndStepsOverMalformedBytes) {
  const std::string s =
      "a\xE4\xB8\xAD\xF0\x9F\x98\x80\xE4\xB8 \xFF";  // a 中 😀, cut, FF
  size_t i = 0;
  EXPECT_EQ(NextCodePoint(s, &i), uint32_t{'a'});
  EXPECT_EQ(NextCodePoint(s, &i), 0x4E2Du);
  EXPECT_EQ(NextCodePoint(s, &i), 0x1F600u);
  EXPECT_EQ(i, 8u);
  EXPECT_EQ(NextCodePoint(s, &i),
            0xFFFDu);  // a lead byte whose sequence is cut
  EXPECT_EQ(i, 9u);    // one byte at a time
  EXPECT_EQ(NextCodePoint(s, &i), 0xFFFDu);
  EXPECT_EQ(NextCodePoint(s, &i), uint32_t{' '});
  EXPECT_EQ(NextCodePoint(s, &i), 0xFFFDu);
  EXPECT_EQ(i, s.size());
}

TEST(Utf8Test, AppendUtf8RoundTripsThroughNextCodePoint) {
  for (uint32_t cp : {0x41u, 0xE9u, 0x4E2Du, 0x1F600u, 0x10FFFFu}) {
    std::string s;
    AppendUtf8(cp, &s);
    EXPECT_TRUE(IsValidUtf8(s)) << cp;
    size_t i = 0;
    EXPECT_EQ(NextCodePoint(s, &i), cp);
    EXPECT_EQ(i, s.size());
  }
}

TEST(Utf8Test, FindNonAsciiReadsPastWholeWords) {
  EXPECT_EQ(FindNonAscii("", 0), 0u);
  EXPECT_EQ(FindNonAscii("plain ascii text, longer than a word", 0), 36u);
  const std::string s = "0123456789abcdef\xC3\xA9";
  EXPECT_EQ(FindNonAscii(s, 0), 16u);
  EXPECT_EQ(FindNonAscii(s, 17),
            17u);  // a continuation byte is not ASCII either
}

TEST(Utf8Test, Validation) {
  EXPECT_TRUE(IsValidUtf8("abc \xE4\xB8\xAD\xE6\x96\x87"));
  EXPECT_TRUE(IsValidUtf8("cut at the end \xE4\xB8"));  // truncated
  EXPECT_FALSE(IsValidUtf8("\xD6\xD0\xCE\xC4 gbk"));
  EXPECT_FALSE(IsValidUtf8("\xC0\x80"));          // overlong
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // past U+10FFFF
}

TEST(Utf8Test, PrefixNeverEndsInsideASequence) {
  const std::string s = "ab\xE4\xB8\xAD\xF0\x9F\x98\x80";  // "ab", 中, 😀
  EXPECT_EQ(Utf8Prefix(s, 100), s);
  EXPECT_EQ(Utf8Prefix(s, 2), "ab");
  EXPECT_EQ(Utf8Prefix(s, 3), "ab");
  EXPECT_EQ(Utf8Prefix(s, 4), "ab");
  EXPECT_EQ(Utf8Prefix(s, 5), "ab\xE4\xB8\xAD");
  EXPECT_EQ(Utf8Prefix(s, 8), "ab\xE4\xB8\xAD");
  EXPECT_EQ(Utf8Prefix(s, 9), s);
  EXPECT_EQ(Utf8Prefix("\x80\x80\x80", 2),
            "");  // stray continuation bytes: no prefix
}

TEST(Utf8Test, CountCodePoints) {
  EXPECT_EQ(CountCodePoints(""), 0);
  EXPECT_EQ(CountCodePoints("中a"), 2);
  EXPECT_EQ(CountCodePoints("\xF0\x9F\x98\x80!"), 2);
}

TEST(Utf8Test, ContainsIgnoreCaseFoldsAsciiOnly) {
  EXPECT_TRUE(
      ContainsIgnoreCase("Storm Hits The Coast | Example", "storm hits the"));
  EXPECT_TRUE(ContainsIgnoreCase("中文 Title", "中文 title"));
  EXPECT_FALSE(
      ContainsIgnoreCase("ÉCOLE", "école"));  // non-ASCII compared exactly
  EXPECT_FALSE(ContainsIgnoreCase("short", "shorter"));
}

TEST(Utf8Test, HanLike) {
  EXPECT_TRUE(IsHanLike(0x4E2D));  // 中
  EXPECT_TRUE(IsHanLike(0x3042));  // あ
  EXPECT_TRUE(IsHanLike(0xAC00));  // 가
  EXPECT_FALSE(IsHanLike('a'));
  EXPECT_FALSE(IsHanLike(0x3002));  // 。 is punctuation
}

}  // namespace
}  // namespace declutter::extract
