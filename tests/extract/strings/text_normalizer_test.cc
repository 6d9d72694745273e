#include "service/extract/strings/text_normalizer.h"

#include <string>

#include "gtest/gtest.h"

namespace declutter::extract {
namespace {

TEST(TextNormalizerTest, FoldsAndStrips) {
  EXPECT_EQ(TextNormalizer::NormalizeInline("  a \t b\xE2\x80\x8B c\x01 "), "a b c");
  EXPECT_EQ(TextNormalizer::NormalizeText("p1\n\n\n\np2\nl2"), "p1\n\np2\nl2");
}

TEST(TextNormalizerTest, ComposesToNfc) {
  // e + combining acute -> é; Hangul jamo compose into the syllable.
  EXPECT_EQ(TextNormalizer::Nfc("e\xCC\x81"), "\xC3\xA9");
  EXPECT_EQ(TextNormalizer::NormalizeInline("caf\x65\xCC\x81"), "café");
  EXPECT_EQ(TextNormalizer::Nfc("\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB"), "한");
}

TEST(TextNormalizerTest, RemovesZeroWidthAndControlCharacters) {
  // Zero-width space, word joiner, BOM, soft hyphen, C0 and C1 controls.
  EXPECT_EQ(TextNormalizer::NormalizeInline(
                "zero\xE2\x80\x8Bwidth\xE2\x81\xA0join\xEF\xBB\xBF"
                "bom soft\xC2\xADhyphen bell\x07 c1\xC2\x85"),
            "zerowidthjoinbom softhyphen bell c1");
  // Joiners between Latin or Han letters are noise.
  EXPECT_EQ(TextNormalizer::NormalizeInline("a\xE2\x80\x8D" "b 中\xE2\x80\x8C文"), "ab 中文");
}

TEST(TextNormalizerTest, KeepsJoinersThatShapeTheText) {
  const std::string persian = "می\xE2\x80\x8Cخواهم";  // ZWNJ inside a Persian word
  EXPECT_EQ(TextNormalizer::NormalizeInline(persian), persian);
  const std::string technologist = "👩\xE2\x80\x8D💻";  // one emoji, joined
  EXPECT_EQ(TextNormalizer::NormalizeInline(technologist), technologist);
}

TEST(TextNormalizerTest, FoldsWordSeparatingSpaces) {
  // NBSP, ideographic space, narrow NBSP and em space separate words: one space.
  EXPECT_EQ(TextNormalizer::NormalizeInline("a\xC2\xA0\xC2\xA0" "b"), "a b");
  EXPECT_EQ(TextNormalizer::NormalizeInline("　　中国　北京"), "中国 北京");
  EXPECT_EQ(TextNormalizer::NormalizeInline("10\xE2\x80\xAF%"), "10 %");
  EXPECT_EQ(TextNormalizer::NormalizeText("\xE3\x80\x80\xE3\x80\x80段落一\n\n\xC2\xA0段落二"),
            "段落一\n\n段落二");
}

TEST(TextNormalizerTest, KeepsFullWidthPunctuation) {
  const std::string text = "他说：“好！”（完）１２３，ＡＢＣ。";
  EXPECT_EQ(TextNormalizer::NormalizeInline(text), text);
}

TEST(TextNormalizerTest, RemoveControlCharactersInPlace) {
  std::string page = "<p>a\x0B" "b\xC2\x9D" "c\x7F" "d\te\nf\r\n中</p>";
  EXPECT_EQ(TextNormalizer::RemoveControlCharacters(&page), 3);
  EXPECT_EQ(page, "<p>abcd\te\nf\r\n中</p>");
  std::string clean = "nothing ©";
  EXPECT_EQ(TextNormalizer::RemoveControlCharacters(&clean), 0);
  EXPECT_EQ(clean, "nothing ©");
}

}  // namespace
}  // namespace declutter::extract
