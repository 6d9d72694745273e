#include "bench/quality/metadata_metric.h"

#include "gtest/gtest.h"

namespace declutter::bench {
namespace {

TEST(MetadataMetricTest, TitlesCompareFoldedAndTrimmed) {
  EXPECT_TRUE(TitleMatches("The Best Tea", "  the best  TEA "));
  EXPECT_TRUE(TitleMatches("“The Best Tea”", "The Best Tea -"));
  EXPECT_TRUE(TitleMatches("Ｔｈｅ Tea", "The tea"));  // NFKC folds full-width letters
  EXPECT_FALSE(TitleMatches("The Best Tea", "The Best Tea | Tea Weekly"));
  EXPECT_FALSE(TitleMatches("", ""));
}

TEST(MetadataMetricTest, DatesCompareTheDayOnly) {
  EXPECT_TRUE(DateMatches("2025-09-04", "2025-09-04T10:00:00+02:00"));
  EXPECT_FALSE(DateMatches("2025-09-04", "2025-09-05"));
  EXPECT_FALSE(DateMatches("2025-09-04", ""));
}

TEST(MetadataMetricTest, EveryTruthNameMustAppear) {
  EXPECT_TRUE(AuthorsMatch("Danielle DeSiato, Donna Enzmann, and Natalie Nguyen",
                           {"Danielle DeSiato", "Donna Enzmann", "Natalie Nguyen"}));
  EXPECT_FALSE(AuthorsMatch("Danielle DeSiato, Donna Enzmann, and Natalie Nguyen",
                            {"Danielle DeSiato"}));
  EXPECT_TRUE(AuthorsMatch("Maria & Katerina", {"maria", "Katerina"}));
  EXPECT_TRUE(AuthorsMatch("Andrew King", {"Andrew King"}));
  EXPECT_FALSE(AuthorsMatch("Andrew King", {}));
}

}  // namespace
}  // namespace declutter::bench
