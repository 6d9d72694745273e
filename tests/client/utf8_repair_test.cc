#include "client/utf8_repair.h"

#include <string>

#include "gtest/gtest.h"

namespace declutter::client {
namespace {

TEST(Utf8RepairTest, FindsTheFirstBadByteStrictly) {
  EXPECT_EQ(FirstInvalidUtf8("plain \xC3\xA9t\xC3\xA9"), 11u);
  EXPECT_EQ(FirstInvalidUtf8("caf\xE9"), 3u);           // Latin-1
  EXPECT_EQ(FirstInvalidUtf8("ab\xE4\xB8"), 2u);        // cut at the end
  EXPECT_EQ(FirstInvalidUtf8("\xC0\xAF"), 0u);          // overlong
  EXPECT_EQ(FirstInvalidUtf8("\xED\xA0\x80"), 0u);      // a surrogate
  EXPECT_EQ(FirstInvalidUtf8("\xF4\x90\x80\x80"), 0u);  // past U+10FFFF
  EXPECT_EQ(FirstInvalidUtf8("\xF0\x9F\x98\x80"), 4u);  // an emoji is fine
}

TEST(Utf8RepairTest, UrlsArePercentEncodedWhereNotUtf8) {
  EXPECT_EQ(PercentEncodeInvalidUtf8("http://a.example/caf\xE9?q=%20"),
            "http://a.example/caf%E9?q=%20");
  EXPECT_EQ(PercentEncodeInvalidUtf8("http://a.example/\xC3\xA9"),
            "http://a.example/\xC3\xA9");
}

TEST(Utf8RepairTest, IdsOfPathsAreReversible) {
  EXPECT_EQ(IdOfPath("crawl/page.html"), "crawl/page.html");
  EXPECT_EQ(IdOfPath("crawl/caf\xE9.html"), "crawl/caf%E9.html");
  // '%' is encoded too, so the two names cannot share an id.
  EXPECT_EQ(IdOfPath("crawl/caf%E9.html"), "crawl/caf%25E9.html");
}

TEST(Utf8RepairTest, TextGetsReplacementCharacters) {
  EXPECT_EQ(ReplaceInvalidUtf8("text/html; charset=\xFF"),
            "text/html; charset=\xEF\xBF\xBD");
}

}  // namespace
}  // namespace declutter::client
