#include "bench/quality/metadata_metric.h"

#include "gtest/gtest.h"

namespace declutter::bench {
namespace {

TEST(MetadataMetricTest, TitlesCompareFoldedAndTrimmed) {
  EXPECT_TRUE(TitleMatches("The Best Tea", "  the best  TEA "));
  EXPECT_TRUE(TitleMatches("“The Best Tea”", "The Best Tea -"));
  EXPECT_TRUE(
      TitleMatches("Ｔｈｅ Tea", "The tea"));  // NFKC folds full-width letters
  EXPECT_FALSE(TitleMatches("The Best Tea", "The Best Tea | Tea Weekly"));
  EXPECT_FALSE(TitleMatches("", ""));
}

TEST(MetadataMetricTest, DatesCompareTheDayOnly) {
  EXPECT_TRUE(DateMatches("2025-09-04", "2025-09-04T10:00:00+02:00"));
  EXPECT_FALSE(DateMatches("2025-09-04", "2025-09-05"));
  EXPECT_FALSE(DateMatches("2025-09-04", ""));
}

TEST(MetadataMetricTest, EveryTruthNameMustAppear) {
  EXPECT_TRUE(
      AuthorsMatch("Danielle DeSiato, Donna Enzmann, and Natalie Nguyen",
                   {"Danielle DeSiato", "Donna Enzmann", "Natalie Nguyen"}));
  EXPECT_FALSE(
      AuthorsMatch("Danielle DeSiato, Donna Enzmann, and Natalie Nguyen",
                   {"Danielle DeSiato"}));
  EXPECT_TRUE(AuthorsMatch("Maria & Katerina", {"maria", "Katerina"}));
  EXPECT_TRUE(AuthorsMatch("Andrew King", {"Andrew King"}));
  EXPECT_FALSE(AuthorsMatch("Andrew King", {}));
}

TEST(MetadataMetricTest, ChineseEditorAndSourceCompareFolded) {
  EXPECT_TRUE(FoldedEqual("证券市场红周刊", "证券市场红周刊"));
  // NFKC: full-width Latin letters and spaces fold.
  EXPECT_TRUE(FoldedEqual("ＣＣＴＶ 新闻", "cctv  新闻"));
  EXPECT_FALSE(FoldedEqual("杨倩", "杨倩_NF4425"));
  EXPECT_FALSE(FoldedEqual("杨倩", ""));
  EXPECT_FALSE(FoldedEqual("", ""));
}

TEST(MetadataMetricTest, EveryChineseAuthorMustBeAPredictedName) {
  EXPECT_TRUE(NamesAmong({"王建宏", "张文攀"}, {"张文攀", "王建宏"}));
  EXPECT_FALSE(NamesAmong({"王建宏", "张文攀"}, {"王建宏"}));
  // A name inside a longer prediction is not that name.
  EXPECT_FALSE(NamesAmong({"李明"}, {"本报记者 李明"}));
  EXPECT_FALSE(NamesAmong({}, {"李明"}));
}

}  // namespace
}  // namespace declutter::bench
