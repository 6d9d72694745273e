#include "service/extract/output/language_identifier.h"

#include "gtest/gtest.h"

namespace declutter::extract {
namespace {

constexpr char kEnglish[] =
    "The council voted on Tuesday to expand the bus network, adding three routes that "
    "will connect the northern suburbs with the hospital and the university campus.";
constexpr char kGerman[] =
    "Der Stadtrat hat am Dienstag beschlossen, das Busnetz zu erweitern. Drei neue "
    "Linien verbinden künftig die nördlichen Vororte mit dem Krankenhaus.";
constexpr char kSimplified[] = "郑州市卫生健康委召开全市卫生健康工作会议，会议总结了过去一年的工作。";
constexpr char kTraditional[] = "鄭州市衛生健康委召開全市衛生健康工作會議，會議總結了過去一年的工作。";

TEST(LanguageIdentifierTest, ChineseByTheCharactersUsed) {
  EXPECT_EQ(LanguageIdentifier::Identify(kTraditional, ""), "zh-Hant");
  EXPECT_EQ(LanguageIdentifier::Identify(kSimplified, ""), "zh-Hans");
  // The characters outrank a declaration that names the other script or region.
  EXPECT_EQ(LanguageIdentifier::Identify(kSimplified, "zh-TW"), "zh-Hans");
  EXPECT_EQ(LanguageIdentifier::Identify(kTraditional, "zh-CN"), "zh-Hant");
}

TEST(LanguageIdentifierTest, DetectsUndeclaredLanguages) {
  EXPECT_EQ(LanguageIdentifier::Identify(kEnglish, ""), "en");
  EXPECT_EQ(LanguageIdentifier::Identify(kGerman, ""), "de");
  EXPECT_EQ(LanguageIdentifier::Identify(
                "東京都は二十日、新しい交通計画を発表しました。バスの路線が増える予定です。", ""),
            "ja");
  EXPECT_EQ(LanguageIdentifier::Identify(
                "서울시는 20일 새로운 교통 계획을 발표했습니다. 버스 노선이 늘어날 예정입니다.", ""),
            "ko");
  EXPECT_EQ(LanguageIdentifier::Identify(
                "Городской совет во вторник решил расширить автобусную сеть и добавить три "
                "новых маршрута.",
                ""),
            "ru");
}

TEST(LanguageIdentifierTest, ScriptDecidesTextTooShortForStatistics) {
  EXPECT_EQ(LanguageIdentifier::Identify("放假！！！", ""), "zh-Hans");
  EXPECT_EQ(LanguageIdentifier::Identify("ありがとう", ""), "ja");
  EXPECT_EQ(LanguageIdentifier::Identify("감사합니다", ""), "ko");
}

TEST(LanguageIdentifierTest, AgreeingDeclarationKeepsItsRegion) {
  EXPECT_EQ(LanguageIdentifier::Identify(kEnglish, "en_gb"), "en-GB");
}

TEST(LanguageIdentifierTest, TextOverrulesAWrongDeclaration) {
  // A template copied from an English site keeps lang="en" on a German page.
  EXPECT_EQ(LanguageIdentifier::Identify(kGerman, "en-US"), "de");
}

TEST(LanguageIdentifierTest, DeclarationServesWhenTheTextCannotDecide) {
  EXPECT_EQ(LanguageIdentifier::Identify("OK", "fr-FR"), "fr-FR");
  EXPECT_EQ(LanguageIdentifier::Identify("", "pt-br, en"), "pt-BR");
  EXPECT_EQ(LanguageIdentifier::Identify("", "zh-TW"), "zh-Hant");
  EXPECT_EQ(LanguageIdentifier::Identify("", ""), "");
}

TEST(LanguageIdentifierTest, CurrentCodesForRenamedLanguages) {
  // CLD2 says "iw"; BCP 47 has used "he" since 1989.
  EXPECT_EQ(LanguageIdentifier::Identify(
                "מועצת העיר החליטה ביום שלישי להרחיב את רשת האוטובוסים ולהוסיף שלושה "
                "קווים חדשים שיחברו את השכונות הצפוניות לבית החולים",
                ""),
            "he");
}

TEST(LanguageIdentifierTest, NormalizesTags) {
  EXPECT_EQ(LanguageIdentifier::NormalizeTag("EN_us"), "en-US");
  EXPECT_EQ(LanguageIdentifier::NormalizeTag("zh-hant-tw"), "zh-Hant-TW");
  EXPECT_EQ(LanguageIdentifier::NormalizeTag(" de ; q=1"), "de");
  EXPECT_EQ(LanguageIdentifier::NormalizeTag("english"), "");
  EXPECT_EQ(LanguageIdentifier::NormalizeTag("e"), "");
  EXPECT_EQ(LanguageIdentifier::NormalizeTag("en--US"), "");
  EXPECT_EQ(LanguageIdentifier::NormalizeTag("en-<script>"), "");
}

}  // namespace
}  // namespace declutter::extract
