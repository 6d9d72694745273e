#include "service/extract/decode/mojibake_repairer.h"

#include <unicode/ucnv.h>

#include <string>

#include "gtest/gtest.h"

namespace declutter::extract {
namespace {

// `utf8` as it reads after its bytes were encoded in `wrote` and decoded as `read`:
// how the mojibake is made, by ICU.
std::string Misread(const std::string& utf8, const char* wrote, const char* read) {
  UErrorCode status = U_ZERO_ERROR;
  std::string bytes(utf8.size() * 4 + 8, '\0');
  bytes.resize(ucnv_convert(wrote, "UTF-8", bytes.data(), static_cast<int32_t>(bytes.size()),
                            utf8.data(), static_cast<int32_t>(utf8.size()), &status));
  std::string out(bytes.size() * 4 + 8, '\0');
  out.resize(ucnv_convert("UTF-8", read, out.data(), static_cast<int32_t>(out.size()),
                          bytes.data(), static_cast<int32_t>(bytes.size()), &status));
  EXPECT_TRUE(U_SUCCESS(status)) << u_errorName(status);
  return out;
}

std::string Repaired(std::string text, int64_t* repairs = nullptr) {
  const int64_t n = MojibakeRepairer::Repair(&text);
  if (repairs != nullptr) *repairs = n;
  return text;
}

TEST(MojibakeRepairerTest, Utf8ReadAsWindows1252) {
  const std::string original =
      "It’s a café “crème brûlée” — naïve résumé, 10 €, Привет мир, 😀";
  const std::string mojibake = Misread(original, "UTF-8", "windows-1252");
  ASSERT_NE(mojibake, original);
  int64_t repairs = 0;
  EXPECT_EQ(Repaired(mojibake, &repairs), original);
  EXPECT_GT(repairs, 10);
}

TEST(MojibakeRepairerTest, Utf8ReadAsLatin1) {
  // Latin-1 turns the bytes 0x80-0x9F of "’" and "—" into C1 controls.
  const std::string original = "It’s here — Zürich, Ærø, façade";
  const std::string mojibake = Misread(original, "UTF-8", "ISO-8859-1");
  ASSERT_NE(mojibake.find("\xC2\x80"), std::string::npos);
  EXPECT_EQ(Repaired(mojibake), original);
}

TEST(MojibakeRepairerTest, Utf8MisreadTwice) {
  const std::string original = "it’s déjà vu";
  const std::string twice =
      Misread(Misread(original, "UTF-8", "windows-1252"), "UTF-8", "windows-1252");
  EXPECT_EQ(Repaired(twice), original);
}

TEST(MojibakeRepairerTest, RepairedTextIsNotRepairedAgainAsGbk) {
  // "é" x 8 read as UTF-8 mis-decoded: the repaired "éééééééé" is also valid GBK bytes
  // (E9 E9 ...), which a second pass must not turn into Han.
  std::string mojibake;
  for (int i = 0; i < 8; ++i) mojibake += "Ã©";
  EXPECT_EQ(Repaired(mojibake), "éééééééé");
}

TEST(MojibakeRepairerTest, GbkReadAsLatin1) {
  EXPECT_EQ(Repaired("\xC3\x96\xC3\x90\xC3\x8E\xC3\x84"), "中文");  // "ÖÐÎÄ"
  const std::string original =
      "国务院新闻办公室今天举行发布会。会议由朱镕基主持，介绍了经济运行情况，2024年增长5%。";
  const std::string mojibake = Misread(original, "GBK", "ISO-8859-1");
  int64_t repairs = 0;
  EXPECT_EQ(Repaired(mojibake, &repairs), original);
  EXPECT_GT(repairs, 0);
}

TEST(MojibakeRepairerTest, Windows1252PunctuationReadAsLatin1) {
  // A single C1 control between ASCII: windows-1252's apostrophe read as Latin-1.
  EXPECT_EQ(Repaired("we\xC2\x92re \xC2\x93quoted\xC2\x94"), "we’re “quoted”");
}

TEST(MojibakeRepairerTest, LeavesCorrectTextAlone) {
  for (const char* text : {
           "Plain ASCII text with nothing to repair.",
           "Le conseil a voté l’extension : élégant, déjà, «VOILÀ» et L’ÉTÉ».",
           "Portuguese ações, informações, São Paulo; Icelandic þýðing, Færeyjar.",
           "Deutsch: Größe, Äpfel, Übermaß; Español: ¿Qué tal? ¡Olé!",
           "中文网页的内容，繁體中文，日本語のテキスト、한국어 텍스트",
           "Русский текст без ошибок, Ελληνικά, עברית",
           "Symbols © 2024 ® ™ ° ± ½ ¼ µ § ¶ · « » ¿ ¡ £ ¥ €",
       }) {
    int64_t repairs = 0;
    EXPECT_EQ(Repaired(text, &repairs), text);
    EXPECT_EQ(repairs, 0) << text;
  }
}

TEST(MojibakeRepairerTest, MixedPageRepairsOnlyTheMojibake) {
  // A CMS that double-encoded one field of an otherwise correct page.
  const std::string page = "<p>Zürich café</p><p>" +
                           Misread("Zürich café — it’s", "UTF-8", "windows-1252") + "</p>";
  EXPECT_EQ(Repaired(page), "<p>Zürich café</p><p>Zürich café — it’s</p>");
}

}  // namespace
}  // namespace declutter::extract
