#include "bench/quality/shingle_metric.h"

#include "gtest/gtest.h"

namespace declutter::bench {
namespace {

TEST(ShingleMetricTest, TokenizesWordsAndHanCharacters) {
  EXPECT_EQ(Tokenize("Hello, world_1! 中文abc"),
            (std::vector<std::string>{"Hello", "world_1", "中", "文", "abc"}));
}

TEST(ShingleMetricTest, PerfectAndDisjoint) {
  PageScore same = ScoreShingles("a b c d e", "a b c d e");
  EXPECT_DOUBLE_EQ(same.precision, 1.0);
  EXPECT_DOUBLE_EQ(same.recall, 1.0);
  EXPECT_TRUE(same.exact);
  PageScore none = ScoreShingles("a b c d e", "v w x y z");
  EXPECT_DOUBLE_EQ(none.precision, 0.0);
  EXPECT_DOUBLE_EQ(none.recall, 0.0);
  PageScore empty = ScoreShingles("", "");
  EXPECT_DOUBLE_EQ(empty.precision, 1.0);
  PageScore missing = ScoreShingles("a b c d e", "");
  EXPECT_DOUBLE_EQ(missing.precision, 0.0);
  EXPECT_DOUBLE_EQ(missing.recall, 0.0);
}

TEST(ShingleMetricTest, PartialOverlapAndShortTexts) {
  // truth shingles: abcd, bcde; prediction: abcd. tp=1 fn=1 fp=0.
  PageScore s = ScoreShingles("a b c d e", "a b c d");
  EXPECT_DOUBLE_EQ(s.precision, 1.0);
  EXPECT_DOUBLE_EQ(s.recall, 0.5);
  // Fewer than 4 tokens: one shingle of all of them.
  EXPECT_DOUBLE_EQ(ScoreShingles("a b", "a b").recall, 1.0);
  EXPECT_DOUBLE_EQ(ScoreShingles("a b", "a c").recall, 0.0);
}

TEST(ShingleMetricTest, AggregateAveragesThenTakesF1) {
  SetScore s = Aggregate({{1.0, 0.5, false}, {0.5, 1.0, true}});
  EXPECT_DOUBLE_EQ(s.precision, 0.75);
  EXPECT_DOUBLE_EQ(s.recall, 0.75);
  EXPECT_DOUBLE_EQ(s.f1, 0.75);
  EXPECT_DOUBLE_EQ(s.accuracy, 0.5);
}

}  // namespace
}  // namespace declutter::bench

namespace declutter::bench {
namespace {

TEST(ScoreWordsTest, F1OfBagsOfLowerCasedWords) {
  EXPECT_DOUBLE_EQ(ScoreWords("The cat, the hat.", "the CAT the hat").f1, 1.0);
  // truth 4 words, prediction 2 of them: P=1 R=0.5.
  EXPECT_NEAR(ScoreWords("a b c d", "a b").f1, 2 * 1.0 * 0.5 / 1.5, 1e-12);
  EXPECT_DOUBLE_EQ(ScoreWords("", "").f1, 1.0);
  EXPECT_DOUBLE_EQ(ScoreWords("a", "").f1, 0.0);
  EXPECT_DOUBLE_EQ(ScoreWords("a", "b").f1, 0.0);
}

TEST(ScoreWordsTest, PrecisionCountsRepeatsOnlyAsOftenAsTheTruthHasThem) {
  // "a" twice in the prediction, once in the truth: overlap 2 of 4 predicted words.
  const WordScore s = ScoreWords("a b c", "a a b x");
  EXPECT_DOUBLE_EQ(s.precision, 0.5);
  EXPECT_NEAR(s.recall, 2.0 / 3, 1e-12);
}

TEST(FoldForSnippetTest, FoldsCaseAndWhitespaceRuns) {
  EXPECT_EQ(FoldForSnippet("  Hello\n\t World\u00a0\u00a0Ünï  "), "hello world ünï");
  EXPECT_EQ(FoldForSnippet(""), "");
  // A snippet split over lines differently from the page is still found.
  EXPECT_NE(FoldForSnippet("The quick\nbrown fox").find(FoldForSnippet("QUICK  brown")),
            std::string::npos);
}

}  // namespace
}  // namespace declutter::bench
