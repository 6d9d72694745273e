// Decoding end to end (CharsetDetector + TextDecoder) on text the test itself encodes
// with ICU into each charset crawlers meet, declared, mislabelled and undeclared.

#include <unicode/ucnv.h>

#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "service/extract/decode/charset_detector.h"
#include "service/extract/decode/text_decoder.h"

namespace declutter::extract {
namespace {

// `utf8` in `charset`, by ICU; fails the test when ICU cannot encode it all.
std::string Encode(const std::string& utf8, const char* charset) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 16, '\0');
  const int32_t n = ucnv_convert(charset, "UTF-8", out.data(),
                                 static_cast<int32_t>(out.size()), utf8.data(),
                                 static_cast<int32_t>(utf8.size()), &status);
  EXPECT_TRUE(U_SUCCESS(status)) << charset << ": " << u_errorName(status);
  out.resize(n);
  return out;
}

struct Decoded {
  CharsetDecision decision;
  DecodedText text;
};

// Decides and decodes `bytes` as Clean() does.
Decoded Decode(const std::string& bytes, const std::string& content_type) {
  Decoded d;
  d.decision = CharsetDetector::Decide(bytes, content_type, /*allow_meta_prescan=*/true);
  absl::StatusOr<DecodedText> text =
      TextDecoder::ToUtf8(absl::string_view(bytes).substr(d.decision.bom_bytes),
                          d.decision.charset);
  EXPECT_TRUE(text.ok()) << text.status();
  if (text.ok()) d.text = *std::move(text);
  return d;
}

std::string Page(const std::string& body) {
  return absl::StrCat("<html><head><title>t</title></head><body><p>", body,
                      "</p></body></html>");
}

struct Sample {
  const char* charset;  // ICU converter the test encodes with
  const char* label;    // what a server would declare
  const char* text;     // UTF-8
};

const std::vector<Sample>& Samples() {
  static const auto* samples = new std::vector<Sample>{
      {"GBK", "gbk",
       "国务院新闻办公室今天举行新闻发布会，介绍今年前三季度国民经济运行情况。国家统计局"
       "新闻发言人表示，经济运行总体平稳，就业形势保持稳定，居民消费价格温和上涨。"},
      {"Big5", "big5",
       "行政院今天召開記者會，說明明年度中央政府總預算的編列情形。主計總處表示，歲入"
       "歲出大致平衡，國防、社會福利與教育經費都較今年增加。"},
      {"Shift_JIS", "shift_jis",
       "政府は二十日、来年度の予算案を閣議決定した。一般会計の総額は過去最大となり、社会"
       "保障費と防衛費の増加が目立つ。財務省は財政の健全化を急ぐ考えだ。"},
      {"EUC-JP", "euc-jp",
       "気象庁によると、台風は明日の朝にかけて九州の南の海上を北上する見込みです。大雨や"
       "強風、高波に十分な注意が必要だと呼びかけています。"},
      {"EUC-KR", "euc-kr",
       "정부는 오늘 국무회의를 열고 내년도 예산안을 확정했습니다. 기획재정부는 복지와 "
       "국방 예산이 늘어난다고 밝혔으며 재정 건전성도 함께 관리하겠다고 설명했습니다."},
      {"windows-1251", "windows-1251",
       "Правительство сегодня утвердило проект бюджета на следующий год. Министерство "
       "финансов сообщило, что расходы на социальную политику и образование вырастут."},
      {"KOI8-R", "koi8-r",
       "Центральный банк сохранил ключевую ставку без изменений. Аналитики ожидали этого "
       "решения, поскольку инфляция в последние месяцы замедлилась."},
      {"windows-1252", "iso-8859-1",
       "Le conseil municipal a voté mardi l’extension du réseau de bus : trois lignes "
       "nouvelles relieront les quartiers du nord à l’hôpital. Coût : 12 millions d’€."},
  };
  return *samples;
}

TEST(CharsetCorpusTest, DeclaredInTheContentType) {
  for (const Sample& s : Samples()) {
    const std::string utf8 = Page(s.text);
    Decoded d = Decode(Encode(utf8, s.charset), absl::StrCat("text/html; charset=", s.label));
    EXPECT_EQ(d.decision.source, "content-type") << s.charset;
    EXPECT_EQ(d.text.utf8, utf8) << s.charset << " decoded as " << d.decision.charset;
    EXPECT_EQ(d.text.replacement_count, 0) << s.charset;
  }
}

TEST(CharsetCorpusTest, DeclaredInAMetaTag) {
  for (const Sample& s : Samples()) {
    const std::string utf8 =
        absl::StrCat("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=",
                     s.label, "\">", Page(s.text));
    Decoded d = Decode(Encode(utf8, s.charset), "text/html");
    EXPECT_EQ(d.decision.source, "meta") << s.charset;
    EXPECT_EQ(d.text.utf8, utf8) << s.charset << " decoded as " << d.decision.charset;
  }
}

TEST(CharsetCorpusTest, UndeclaredBytesAreDetected) {
  for (const Sample& s : Samples()) {
    const std::string utf8 = Page(s.text);
    Decoded d = Decode(Encode(utf8, s.charset), "");
    EXPECT_EQ(d.decision.source, "detected") << s.charset;
    EXPECT_EQ(d.text.utf8, utf8) << s.charset << " detected as " << d.decision.charset;
    EXPECT_EQ(d.text.replacement_count, 0) << s.charset;
  }
}

TEST(CharsetCorpusTest, Gb18030BeyondGbk) {
  // U+20087 (𠂇) and U+9FA6 exist only in GB18030's four-byte range.
  const std::string utf8 = Page("生僻字𠂇与龦字的编码，国家标准收录了全部汉字。");
  Decoded d = Decode(Encode(utf8, "GB18030"), "text/html; charset=gb18030");
  EXPECT_EQ(d.text.utf8, utf8);
  EXPECT_EQ(d.text.replacement_count, 0);
}

TEST(CharsetCorpusTest, Gb2312LabelOnGbkText) {
  // 镕 and 喆 are GBK characters outside GB 2312: a strict GB 2312 decoder loses them.
  const std::string utf8 = Page("朱镕基与张喆出席了会议，会议讨论了经济工作。");
  Decoded d = Decode(Encode(utf8, "GBK"), "text/html; charset=gb2312");
  EXPECT_EQ(d.decision.charset, "GB18030");
  EXPECT_EQ(d.text.utf8, utf8);
  EXPECT_EQ(d.text.replacement_count, 0);
}

TEST(CharsetCorpusTest, Utf16WithByteOrderMark) {
  const std::string utf8 = Page("双字节文本 and ASCII together.");
  for (const char* charset : {"UTF-16LE", "UTF-16BE"}) {
    const std::string bom = std::string(charset) == "UTF-16LE" ? "\xFF\xFE" : "\xFE\xFF";
    Decoded d = Decode(bom + Encode(utf8, charset), "text/html; charset=iso-8859-1");
    EXPECT_EQ(d.decision.charset, charset);
    EXPECT_EQ(d.decision.source, "bom");
    EXPECT_EQ(d.text.utf8, utf8);
  }
}

TEST(CharsetCorpusTest, Utf8HeaderOnGbkBytes) {
  const std::string utf8 = Page(Samples()[0].text);
  Decoded d = Decode(Encode(utf8, "GBK"), "text/html; charset=utf-8");
  EXPECT_EQ(d.decision.source, "bytes-over-content-type");
  EXPECT_EQ(d.text.utf8, utf8) << "decoded as " << d.decision.charset;
  EXPECT_EQ(d.text.replacement_count, 0);
}

TEST(CharsetCorpusTest, WrongMultiByteLabelGivesWayToCleanBytes) {
  // GBK bytes declared Shift_JIS: invalid as Shift_JIS, clean as GB18030.
  const std::string utf8 = Page(Samples()[0].text);
  Decoded d = Decode(Encode(utf8, "GBK"), "text/html; charset=shift_jis");
  EXPECT_EQ(d.decision.source, "bytes-over-content-type");
  EXPECT_EQ(d.text.utf8, utf8) << "decoded as " << d.decision.charset;
}

TEST(CharsetCorpusTest, ServerDefaultLatin1OverGbkBytes) {
  // The web server's default "charset=ISO-8859-1" on a GBK page whose own <meta> says so.
  const std::string utf8 =
      absl::StrCat("<meta charset=\"gbk\">", Page(Samples()[0].text));
  Decoded d = Decode(Encode(utf8, "GBK"), "text/html; charset=ISO-8859-1");
  EXPECT_EQ(d.decision.source, "bytes-over-content-type");
  EXPECT_EQ(d.text.utf8, utf8) << "decoded as " << d.decision.charset;
}

TEST(CharsetCorpusTest, PageMetaOverServerDefaultLatin1) {
  const std::string utf8 = absl::StrCat("<meta charset=\"big5\">", Page(Samples()[1].text));
  Decoded d = Decode(Encode(utf8, "Big5"), "text/html; charset=ISO-8859-1");
  EXPECT_EQ(d.decision.charset, "Big5-HKSCS");
  EXPECT_EQ(d.decision.source, "bytes-over-content-type");
  EXPECT_EQ(d.text.utf8, utf8);
}

TEST(CharsetCorpusTest, LatinLabelOnLatinTextStands) {
  const std::string utf8 = Page(Samples().back().text);
  Decoded d = Decode(Encode(utf8, "windows-1252"), "text/html; charset=windows-1252");
  EXPECT_EQ(d.decision.source, "content-type");
  EXPECT_EQ(d.text.utf8, utf8);
  // A wrong multi-byte <meta> does not fit the bytes, so the label still stands.
  const std::string with_meta = absl::StrCat("<meta charset=\"gbk\">", utf8);
  d = Decode(Encode(with_meta, "windows-1252"), "text/html; charset=windows-1252");
  EXPECT_EQ(d.decision.source, "content-type");
  EXPECT_EQ(d.text.utf8, with_meta);
}

TEST(CharsetCorpusTest, TruncatedMultiByteSequences) {
  struct Cut {
    const char* charset;
    const char* text;
  };
  for (const Cut& c : {Cut{"GBK", "中文网页"}, Cut{"Big5", "中文網頁"},
                       Cut{"Shift_JIS", "日本語"}, Cut{"EUC-KR", "한국어"},
                       Cut{"UTF-8", "中文网页"}, Cut{"UTF-16LE", "中文"}}) {
    std::string bytes = Encode(c.text, c.charset);
    bytes.pop_back();  // cut the last character in half
    for (const char* label : {c.charset, ""}) {
      const std::string type = *label ? absl::StrCat("text/plain; charset=", label) : "";
      const CharsetDecision decision = CharsetDetector::Decide(bytes, type, false);
      absl::StatusOr<DecodedText> text = TextDecoder::ToUtf8(bytes, decision.charset);
      ASSERT_TRUE(text.ok()) << c.charset;
      if (*label) {
        EXPECT_EQ(text->replacement_count, 1) << c.charset;
        EXPECT_TRUE(absl::EndsWith(text->utf8, "\xEF\xBF\xBD")) << c.charset;
      }
    }
  }
}

TEST(CharsetCorpusTest, InvalidSequencesAreCounted) {
  std::string bytes = Encode("中文网页的内容", "GBK");
  bytes.insert(4, "\xFF");  // never valid in GBK
  absl::StatusOr<DecodedText> text = TextDecoder::ToUtf8(bytes, "GB18030");
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(text->replacement_count, 1);
  EXPECT_EQ(TextDecoder::CountInvalid(bytes, "GB18030"), 1);
  // A prefix cut inside a character: the cut is not an error, the 0xFF is.
  EXPECT_EQ(TextDecoder::CountInvalid(absl::string_view(bytes).substr(0, 8), "GB18030"), 1);
}

}  // namespace
}  // namespace declutter::extract
