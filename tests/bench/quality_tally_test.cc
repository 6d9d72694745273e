#include "bench/quality/quality_tally.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace declutter::bench {
namespace {

using Lines = std::vector<std::string>;

BenchCase Page(const std::string& id, const std::string& truth) {
  BenchCase c;
  c.id = id;
  c.truth = truth;
  return c;
}

extract::Article Text(const std::string& text) {
  extract::Article a;
  a.text = text;
  return a;
}

TEST(QualityTallyTest, ReplacementCharactersCountOnlyWhenTheBytesLackedThem) {
  QualityTally tally(QualityTally::ContentMetric::kShingles, false);
  extract::Article fffd = Text("caf\xEF\xBF\xBD");
  tally.AddPage(Page("added", "cafe"), "caf\xE9", &fffd);
  tally.AddPage(Page("kept", "cafe"), "caf\xEF\xBF\xBD", &fffd);
  extract::Article title = Text("cafe");
  title.title = "\xEF\xBF\xBD";
  tally.AddPage(Page("title", "cafe"), "cafe", &title);
  EXPECT_EQ(tally.replacement_pages(), Lines({"added", "title"}));
}

TEST(QualityTallyTest, ARegionRefinesTheLanguageAndEmptyTruthIsNotScored) {
  QualityTally tally(QualityTally::ContentMetric::kShingles, false);
  BenchCase c = Page("a", "x");
  c.language = "en";
  extract::Article a = Text("x");
  for (const char* predicted : {"en", "en-GB", "eng", "de"}) {
    a.language = predicted;
    tally.AddPage(c, "x", &a);
  }
  c.language = "";
  tally.AddPage(c, "x", &a);
  const QualityTally::FieldSums& f = tally.fields().at("language");
  EXPECT_EQ(f.scored, 4);
  EXPECT_EQ(f.right, 2);
  EXPECT_EQ(
      tally.Misses("language", 10),
      Lines({"a  truth: en  predicted: eng", "a  truth: en  predicted: de"}));
  EXPECT_EQ(tally.Misses("language", 1),
            Lines({"a  truth: en  predicted: eng"}));
  EXPECT_TRUE(tally.Misses("author", 10).empty());
}

TEST(QualityTallyTest, MetadataFieldsOnlyWhenAsked) {
  BenchCase c = Page("a", "x");
  c.title = "The Tea";
  c.author = "Ann Lee";
  c.published = "2025-09-04";
  extract::Article a = Text("x");
  a.title = "the tea";
  a.authors = {"Bo", "Cy"};
  QualityTally without(QualityTally::ContentMetric::kWords, false);
  without.AddPage(c, "x", &a);
  EXPECT_TRUE(without.fields().empty());

  QualityTally with(QualityTally::ContentMetric::kWords, true);
  with.AddPage(c, "x", &a);
  EXPECT_EQ(with.fields().at("title").right, 1);
  EXPECT_EQ(with.fields().at("date").right, 0);
  EXPECT_EQ(with.Misses("author", 5),
            Lines({"a  truth: Ann Lee  predicted: Bo; Cy"}));
  EXPECT_EQ(with.Misses("date", 5),
            Lines({"a  truth: 2025-09-04  predicted: "}));
}

TEST(QualityTallyTest, WordScoresSumPerTypeAndOverAll) {
  QualityTally tally(QualityTally::ContentMetric::kWords, false);
  BenchCase article = Page("p1", "one two");
  article.page_type = "article";
  article.with = {"ONE  two", "three"};
  article.without = {"four"};
  extract::Article out = Text("one two four");
  tally.AddPage(article, "html", &out);
  BenchCase forum = Page("p2", "five");
  forum.page_type = "forum";
  tally.AddPage(forum, "html", nullptr);  // failed: an empty prediction

  const QualityTally::TypeSums& all = tally.types().at("all");
  EXPECT_EQ(all.pages, 2);
  EXPECT_EQ(all.with_found, 1);
  EXPECT_EQ(all.with_total, 2);
  EXPECT_EQ(all.without_leaked, 1);
  EXPECT_EQ(all.without_total, 1);
  EXPECT_DOUBLE_EQ(all.f1, 0.8);  // P=2/3 R=1, and 0 for the failed page
  EXPECT_EQ(tally.types().at("forum").pages, 1);
  EXPECT_EQ(tally.failures(), 1);
  EXPECT_TRUE(tally.shingle_scores().empty());

  const std::vector<QualityTally::PageLine> worst = tally.Worst(5);
  ASSERT_EQ(worst.size(), 2u);
  EXPECT_EQ(worst[0].text,
            "p2  forum  P=0.000 R=0.000  with 0/0  without leaked 0/0");
  EXPECT_EQ(worst[1].text,
            "p1  article  P=0.667 R=1.000  with 1/2  without leaked 1/1");
}

TEST(QualityTallyTest, ShingleScoresAndTheWorstPagesInOrder) {
  QualityTally tally(QualityTally::ContentMetric::kShingles, false);
  const std::string truth = "a b c d e f";
  extract::Article exact = Text(truth);
  extract::Article none = Text("x y z w");
  tally.AddPage(Page("b-exact", truth), "", &exact);
  tally.AddPage(Page("z-none", truth), "", &none);
  tally.AddPage(Page("a-none", truth), "", &none);
  BenchCase no_truth = Page("gne", "");
  no_truth.has_truth = false;
  tally.AddPage(no_truth, "", &none);

  EXPECT_EQ(tally.shingle_scores().size(), 3u);
  const std::vector<QualityTally::PageLine> worst = tally.Worst(2);
  ASSERT_EQ(worst.size(), 2u);  // ties are ordered by the line
  EXPECT_EQ(worst[0].text, "a-none  P=0.000 R=0.000");
  EXPECT_EQ(worst[1].text, "z-none  P=0.000 R=0.000");
  EXPECT_EQ(tally.Worst(10).back().text, "b-exact  P=1.000 R=1.000");
  EXPECT_DOUBLE_EQ(tally.Worst(10).back().f1, 1.0);
  EXPECT_TRUE(tally.Worst(-1).empty());
}

TEST(QualityTallyTest, TheFirstSlowestPageIsKept) {
  QualityTally tally(QualityTally::ContentMetric::kShingles, false);
  EXPECT_EQ(tally.slowest_id(), "");
  tally.AddTime("a", 2.0);
  tally.AddTime("b", 5.0);
  tally.AddTime("c", 5.0);
  tally.AddTime("d", 1.0);
  EXPECT_EQ(tally.slowest_id(), "b");
  EXPECT_DOUBLE_EQ(tally.slowest_ms(), 5.0);
}

}  // namespace
}  // namespace declutter::bench
