#include "service/extract/decode/charset_detector.h"

#include "gtest/gtest.h"
#include "service/extract/decode/text_decoder.h"

namespace declutter::extract {
namespace {

TEST(CharsetDetectorTest, ByteOrderMarkWins) {
  CharsetDecision d = CharsetDetector::Decide("\xEF\xBB\xBFhello",
                                              "text/html; charset=gbk", true);
  EXPECT_EQ(d.charset, "UTF-8");
  EXPECT_EQ(d.source, "bom");
  EXPECT_EQ(d.bom_bytes, 3u);
  EXPECT_EQ(CharsetDetector::Decide("\xFF\xFEh\0", "", true).charset,
            "UTF-16LE");
}

TEST(CharsetDetectorTest, ContentTypeBeforeMeta) {
  CharsetDecision d = CharsetDetector::Decide(
      "<meta charset=big5>", "text/html; charset=\"GBK\"", true);
  EXPECT_EQ(d.charset, "GB18030");
  EXPECT_EQ(d.source, "content-type");
}

TEST(CharsetDetectorTest, MetaPrescanBothForms) {
  EXPECT_EQ(CharsetDetector::MetaPrescan("<html><meta charset=\"gb2312\">"),
            "gb2312");
  EXPECT_EQ(
      CharsetDetector::MetaPrescan(
          "<META http-equiv=Content-Type content=\"text/html; charset=Big5\">"),
      "big5");
  EXPECT_EQ(CharsetDetector::MetaPrescan("<p>charset=utf-8 in prose</p>"), "");
  CharsetDecision d =
      CharsetDetector::Decide("<meta charset=gb2312><p>x", "", true);
  EXPECT_EQ(d.charset, "GB18030");
  EXPECT_EQ(d.source, "meta");
}

TEST(CharsetDetectorTest, MetaIgnoredForPlainText) {
  CharsetDecision d =
      CharsetDetector::Decide("<meta charset=big5> is text", "", false);
  EXPECT_EQ(d.charset, "UTF-8");
}

TEST(CharsetDetectorTest, WhatwgLabelMapping) {
  EXPECT_EQ(CharsetDetector::CanonicalCharset("GB2312"), "GB18030");
  EXPECT_EQ(CharsetDetector::CanonicalCharset("iso-8859-1"), "windows-1252");
  EXPECT_EQ(CharsetDetector::CanonicalCharset("big5"), "Big5-HKSCS");
  EXPECT_EQ(CharsetDetector::CanonicalCharset("shift_jis"), "windows-31j");
  EXPECT_EQ(CharsetDetector::CanonicalCharset("EUC-KR"), "windows-949");
  EXPECT_EQ(CharsetDetector::CanonicalCharset("koi8-r"), "KOI8-R");
  EXPECT_EQ(CharsetDetector::CanonicalCharset("ISO_8859-1:1987"),
            "windows-1252");
  EXPECT_EQ(CharsetDetector::CanonicalCharset(" Windows-1250 "),
            "windows-1250");
  EXPECT_EQ(CharsetDetector::CanonicalCharset("no-such-charset"), "");
  EXPECT_EQ(CharsetDetector::CanonicalCharset(""), "");
}

TEST(CharsetDetectorTest, LabelsOutsideTheWhatwgTableAreUnknown) {
  // ICU would open all of these; browsers decode none of them.
  for (const char* label :
       {"utf-7", "iso-2022-kr", "hz-gb-2312", "windows-1250,x", "ibm424_rtl",
        "x-user-defined", "iso-8859-16", "utf-32", "scsu"}) {
    EXPECT_EQ(CharsetDetector::CanonicalCharset(label), "") << label;
    EXPECT_EQ(CharsetDetector::CanonicalCharset(
                  label, CharsetDetector::LabelSource::kTransport),
              "")
        << label;
  }
  CharsetDecision d = CharsetDetector::Decide(
      "plain ascii", "text/html; charset=windows-1250,x99", true);
  EXPECT_EQ(d.charset, "UTF-8");
  EXPECT_EQ(d.source, "default");
}

TEST(CharsetDetectorTest, EveryEncodingOfTheTableDecodes) {
  // One label of each WHATWG encoding: ICU must open the converter it maps to.
  for (const char* label :
       {"utf-8",        "ibm866",       "iso-8859-2",   "iso-8859-3",
        "iso-8859-4",   "iso-8859-5",   "iso-8859-6",   "iso-8859-7",
        "iso-8859-8",   "iso-8859-8-i", "iso-8859-10",  "iso-8859-13",
        "iso-8859-14",  "iso-8859-15",  "koi8-r",       "koi8-u",
        "macintosh",    "windows-874",  "windows-1250", "windows-1251",
        "windows-1252", "windows-1253", "windows-1254", "windows-1255",
        "windows-1256", "windows-1257", "windows-1258", "x-mac-cyrillic",
        "gbk",          "gb18030",      "big5",         "euc-jp",
        "iso-2022-jp",  "shift_jis",    "euc-kr"}) {
    const std::string charset = CharsetDetector::CanonicalCharset(label);
    ASSERT_NE(charset, "") << label;
    absl::StatusOr<DecodedText> text = TextDecoder::ToUtf8("abc", charset);
    ASSERT_TRUE(text.ok()) << label << ": " << text.status();
    EXPECT_EQ(text->utf8, "abc") << label;
  }
}

TEST(CharsetDetectorTest, EveryDecisionIsAKnownCharset) {
  const std::vector<std::string>& known = CharsetDetector::KnownCharsets();
  auto is_known = [&](const std::string& charset) {
    return std::find(known.begin(), known.end(), charset) != known.end();
  };
  EXPECT_TRUE(is_known("UTF-8"));
  EXPECT_TRUE(is_known("UTF-16LE"));
  EXPECT_TRUE(is_known("GB18030"));
  EXPECT_TRUE(is_known("windows-1252"));
  EXPECT_FALSE(is_known("windows-1250,x"));
  std::string gbk;
  for (int i = 0; i < 20; ++i) gbk += "\xD6\xD0\xCE\xC4\xCD\xF8\xD2\xB3";
  for (const auto& [bytes, type] :
       std::vector<std::pair<std::string, std::string>>{
           {"\xFF\xFEh\0i\0", ""},
           {"plain", "text/html; charset=ISO_8859-1:1987"},
           {gbk, ""},
           {"caf\xE9", ""},
           {"plain", "text/html; charset=koi8"}}) {
    const CharsetDecision d = CharsetDetector::Decide(bytes, type, true);
    EXPECT_TRUE(is_known(d.charset)) << d.charset;
  }
}

TEST(CharsetDetectorTest, Utf16LabelsCountFromContentTypeOnly) {
  EXPECT_EQ(CharsetDetector::CanonicalCharset(
                "utf-16le", CharsetDetector::LabelSource::kTransport),
            "UTF-16LE");
  EXPECT_EQ(CharsetDetector::CanonicalCharset(
                "UTF-16BE", CharsetDetector::LabelSource::kTransport),
            "UTF-16BE");
  EXPECT_EQ(CharsetDetector::CanonicalCharset("utf-16le"), "UTF-8");
  // UTF-16 without a byte-order mark, declared by HTTP.
  std::string utf16le;
  for (char c : std::string("<p>Hello, world.</p>")) {
    utf16le.push_back(c);
    utf16le.push_back('\0');
  }
  CharsetDecision d =
      CharsetDetector::Decide(utf16le, "text/html; charset=utf-16le", true);
  EXPECT_EQ(d.charset, "UTF-16LE");
  EXPECT_EQ(d.source, "content-type");
  // The same label on 8-bit bytes is wrong, and the bytes win.
  d = CharsetDetector::Decide("<p>Hello, world.</p>",
                              "text/html; charset=utf-16le", true);
  EXPECT_EQ(d.charset, "UTF-8");
  EXPECT_EQ(d.source, "bytes-over-content-type");
}

TEST(CharsetDetectorTest, UnknownDeclarationFallsThroughToBytes) {
  CharsetDecision d = CharsetDetector::Decide(
      "plain ascii", "text/html; charset=x-bogus", true);
  EXPECT_EQ(d.charset, "UTF-8");
  EXPECT_EQ(d.source, "default");
}

TEST(CharsetDetectorTest, UndeclaredNonUtf8IsDetected) {
  // "中文网页的内容" repeated, in GBK, with no declaration anywhere.
  std::string gbk;
  for (int i = 0; i < 20; ++i)
    gbk += "\xD6\xD0\xCE\xC4\xCD\xF8\xD2\xB3\xB5\xC4\xC4\xDA\xC8\xDD";
  CharsetDecision d = CharsetDetector::Decide(gbk, "", true);
  EXPECT_EQ(d.source, "detected");
  EXPECT_EQ(d.charset, "GB18030");
}

TEST(CharsetDetectorTest, Utf8BytesOverruleALegacyLabel) {
  // A page re-saved as UTF-8 that kept its old <meta charset=gb2312>.
  const std::string page =
      "<meta charset=gb2312><p>\xE4\xB8\xAD\xE6\x96\x87</p>";
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
  for (int i = 0; i < 20; ++i)
    gbk += "\xD6\xD0\xCE\xC4\xCD\xF8\xD2\xB3\xB5\xC4\xC4\xDA\xC8\xDD";
  CharsetDecision d = CharsetDetector::Decide(gbk, "", true);
  EXPECT_EQ(d.charset, "GB18030");
  EXPECT_EQ(d.source, "bytes-over-meta");
}

}  // namespace
}  // namespace declutter::extract
