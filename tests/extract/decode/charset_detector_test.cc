#include "service/extract/decode/charset_detector.h"

#include "gtest/gtest.h"

namespace declutter::extract {
namespace {

TEST(CharsetDetectorTest, ByteOrderMarkWins) {
  CharsetDecision d = CharsetDetector::Decide("\xEF\xBB\xBFhello", "text/html; charset=gbk", true);
  EXPECT_EQ(d.charset, "UTF-8");
  EXPECT_EQ(d.source, "bom");
  EXPECT_EQ(d.bom_bytes, 3u);
  EXPECT_EQ(CharsetDetector::Decide("\xFF\xFEh\0", "", true).charset, "UTF-16LE");
}

TEST(CharsetDetectorTest, ContentTypeBeforeMeta) {
  CharsetDecision d = CharsetDetector::Decide("<meta charset=big5>", "text/html; charset=\"GBK\"", true);
  EXPECT_EQ(d.charset, "GB18030");
  EXPECT_EQ(d.source, "content-type");
}

TEST(CharsetDetectorTest, MetaPrescanBothForms) {
  EXPECT_EQ(CharsetDetector::MetaPrescan("<html><meta charset=\"gb2312\">"), "gb2312");
  EXPECT_EQ(CharsetDetector::MetaPrescan(
                "<META http-equiv=Content-Type content=\"text/html; charset=Big5\">"),
            "big5");
  EXPECT_EQ(CharsetDetector::MetaPrescan("<p>charset=utf-8 in prose</p>"), "");
  CharsetDecision d = CharsetDetector::Decide("<meta charset=gb2312><p>x", "", true);
  EXPECT_EQ(d.charset, "GB18030");
  EXPECT_EQ(d.source, "meta");
}

TEST(CharsetDetectorTest, MetaIgnoredForPlainText) {
  CharsetDecision d = CharsetDetector::Decide("<meta charset=big5> is text", "", false);
  EXPECT_EQ(d.charset, "UTF-8");
}

TEST(CharsetDetectorTest, WhatwgLabelMapping) {
  EXPECT_EQ(CharsetDetector::CanonicalCharset("GB2312"), "GB18030");
  EXPECT_EQ(CharsetDetector::CanonicalCharset("iso-8859-1"), "windows-1252");
  EXPECT_EQ(CharsetDetector::CanonicalCharset("big5"), "Big5-HKSCS");
  EXPECT_EQ(CharsetDetector::CanonicalCharset("shift_jis"), "windows-31j");
  EXPECT_EQ(CharsetDetector::CanonicalCharset("EUC-KR"), "windows-949");
  EXPECT_EQ(CharsetDetector::CanonicalCharset("koi8-r"), "koi8-r");
  EXPECT_EQ(CharsetDetector::CanonicalCharset("no-such-charset"), "");
  EXPECT_EQ(CharsetDetector::CanonicalCharset(""), "");
}

TEST(CharsetDetectorTest, UnknownDeclarationFallsThroughToBytes) {
  CharsetDecision d = CharsetDetector::Decide("plain ascii", "text/html; charset=x-bogus", true);
  EXPECT_EQ(d.charset, "UTF-8");
  EXPECT_EQ(d.source, "default");
}

TEST(CharsetDetectorTest, UndeclaredNonUtf8IsDetected) {
  // "中文网页的内容" repeated, in GBK, with no declaration anywhere.
  std::string gbk;
  for (int i = 0; i < 20; ++i) gbk += "\xD6\xD0\xCE\xC4\xCD\xF8\xD2\xB3\xB5\xC4\xC4\xDA\xC8\xDD";
  CharsetDecision d = CharsetDetector::Decide(gbk, "", true);
  EXPECT_EQ(d.source, "detected");
  EXPECT_EQ(d.charset, "gb18030");
}

TEST(CharsetDetectorTest, Utf8BytesOverruleALegacyLabel) {
  // A page re-saved as UTF-8 that kept its old <meta charset=gb2312>.
  const std::string page = "<meta charset=gb2312><p>\xE4\xB8\xAD\xE6\x96\x87</p>";
  CharsetDecision d = CharsetDetector::Decide(page, "", true);
  EXPECT_EQ(d.charset, "UTF-8");
  EXPECT_EQ(d.source, "bytes-over-meta");
  d = CharsetDetector::Decide(page, "text/html; charset=windows-1252", true);
  EXPECT_EQ(d.charset, "UTF-8");
  EXPECT_EQ(d.source, "bytes-over-content-type");
  // ASCII bytes do not contradict anything: the label stands.
  d = CharsetDetector::Decide("<meta charset=gb2312><p>ascii</p>", "", true);
  EXPECT_EQ(d.charset, "GB18030");
  EXPECT_EQ(d.source, "meta");
}

TEST(CharsetDetectorTest, Utf8LabelOnGbkBytesGoesToTheDetector) {
  std::string gbk = "<meta charset=utf-8>";
  for (int i = 0; i < 20; ++i) gbk += "\xD6\xD0\xCE\xC4\xCD\xF8\xD2\xB3\xB5\xC4\xC4\xDA\xC8\xDD";
  CharsetDecision d = CharsetDetector::Decide(gbk, "", true);
  EXPECT_EQ(d.charset, "gb18030");
  EXPECT_EQ(d.source, "bytes-over-meta");
}

}  // namespace
}  // namespace declutter::extract
