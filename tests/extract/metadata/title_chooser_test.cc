#include "service/extract/metadata/title_chooser.h"

#include "gtest/gtest.h"

namespace declutter::extract {
namespace {

TEST(TitleChooserTest, HeadlinePartSkipsTheSiteNameOnEitherSide) {
  EXPECT_EQ(
      TitleChooser::HeadlinePart("Big storm hits coast - Example News", "", ""),
      "Big storm hits coast");
  // The first part is the headline even when a later part is longer (a slogan).
  EXPECT_EQ(
      TitleChooser::HeadlinePart(
          "Organic SEO Consultant | Hire an Independent SEO Expert", "", ""),
      "Organic SEO Consultant");
  // A leading site name, known from og:site_name or from the domain.
  EXPECT_EQ(TitleChooser::HeadlinePart("Leadfeeder | State of SEO in 2026", "",
                                       "leadfeeder"),
            "State of SEO in 2026");
  EXPECT_EQ(
      TitleChooser::HeadlinePart("Daily News - Storm hits", "Daily News", ""),
      "Storm hits");
  EXPECT_EQ(TitleChooser::HeadlinePart("Example.com - Five best headphones", "",
                                       "example"),
            "Five best headphones");
  EXPECT_EQ(
      TitleChooser::HeadlinePart("南阳召开卫生健康工作会议_映象网", "", ""),
      "南阳召开卫生健康工作会议");
  // Underscores inside identifiers do not separate; a leading bar is trimmed.
  EXPECT_EQ(
      TitleChooser::HeadlinePart("rustc_codegen_gcc: Progress Report", "", ""),
      "rustc_codegen_gcc: Progress Report");
  EXPECT_EQ(TitleChooser::HeadlinePart("| Nuts & Volts", "", ""),
            "Nuts & Volts");
}

TEST(TitleChooserTest, DomainLabelIsTheNameBeforeTheSuffix) {
  EXPECT_EQ(TitleChooser::DomainLabel("https://www.nytimes.com/2023/a.html"),
            "nytimes");
  EXPECT_EQ(TitleChooser::DomainLabel("http://news.bbc.co.uk/x"), "bbc");
  EXPECT_EQ(TitleChooser::DomainLabel("https://user@example.org:8080/"),
            "example");
  EXPECT_EQ(TitleChooser::DomainLabel("not a url"), "");
}

TEST(TitleChooserTest, PermalinkMarksAreDropped) {
  EXPECT_EQ(TitleChooser::WithoutPermalink("Working with forms¶"),
            "Working with forms");
  EXPECT_EQ(TitleChooser::WithoutPermalink("Install #"), "Install");
  EXPECT_EQ(TitleChooser::WithoutPermalink("C#"),
            "C#");  // a name, not a permalink
}

TEST(TitleChooserTest, AnH1TheMetaTitlesAgreeWithWins) {
  TitleCandidates c;
  c.h1 = {"Example News",
          "Storm hits the coast tonight"};  // the logo, then the headline
  c.title_tag = "Storm hits the coast tonight | Example News";
  c.og_title = "Storm hits coast";
  c.url = "https://example-news.com/a";
  c.site_name = "Example News";
  ChosenTitle t = TitleChooser::Choose(c);
  EXPECT_EQ(t.text, "Storm hits the coast tonight");
  EXPECT_EQ(t.source, "h1");
}

TEST(TitleChooserTest, AnArticlesVisibleHeadlineBeatsDisagreeingMetaTitles) {
  TitleCandidates c;
  c.h1 = {"Top 10 Health and Nutrition Trends to Watch"};
  c.og_title = "Health And Nutrition Trends For 2026 - Site";
  c.title_tag = "Health And Nutrition Trends For 2026 - Site";
  EXPECT_EQ(TitleChooser::Choose(c).text,
            "Health And Nutrition Trends For 2026");
  c.is_article = true;
  EXPECT_EQ(TitleChooser::Choose(c).text,
            "Top 10 Health and Nutrition Trends to Watch");
  // A short label is not a headline, even on an article.
  c.h1 = {"Our Blog"};
  ChosenTitle t = TitleChooser::Choose(c);
  EXPECT_EQ(t.text, "Health And Nutrition Trends For 2026");
  EXPECT_EQ(t.source, "og:title");
}

TEST(TitleChooserTest, FallsBackThroughJsonLdAndTitleTag) {
  TitleCandidates c;
  c.json_headline = "From JSON-LD";
  c.title_tag = "From the title tag - Site";
  EXPECT_EQ(TitleChooser::Choose(c).source, "json-ld");
  c.json_headline = "";
  ChosenTitle t = TitleChooser::Choose(c);
  EXPECT_EQ(t.text, "From the title tag");
  EXPECT_EQ(t.source, "title");
  EXPECT_EQ(TitleChooser::Choose(TitleCandidates{}).source, "");
}

TEST(TitleChooserTest, TheSitePartIsTheOtherEndOfAGluedTitle) {
  EXPECT_EQ(TitleChooser::SitePart("我市召开全民健身工作推进会_城市新闻网",
                                   "我市召开全民健身工作推进会"),
            "城市新闻网");
  EXPECT_EQ(TitleChooser::SitePart("标题在这里_体育频道_网易", "标题在这里"),
            "网易");
  EXPECT_EQ(TitleChooser::SitePart("Example News - A headline here",
                                   "A headline here"),
            "Example News");
  // Not glued, or the headline is neither end: no site.
  EXPECT_EQ(TitleChooser::SitePart("A headline here", "A headline here"), "");
  EXPECT_EQ(
      TitleChooser::SitePart("Kicker | A headline | Site", "Something else"),
      "");
  EXPECT_EQ(TitleChooser::SitePart("Site | Headline", ""), "");
}

TEST(TitleChooserTest, AVisibleLineIsTheHeadlineAGluedTitleEndsWith) {
  EXPECT_TRUE(TitleChooser::IsTitleEnd("中华人民共和国监察法-纪检",
                                       "中华人民共和国监察法", false));
  EXPECT_FALSE(TitleChooser::IsTitleEnd("中华人民共和国监察法-纪检",
                                        "中华人民共和国监察法", true));
  EXPECT_TRUE(TitleChooser::IsTitleEnd(
      "明日股市预测--最新出炉联合国贸发报告：全球经济增长率降至2.3%",
      "最新出炉联合国贸发报告：全球经济增长率降至2.3%", true));
  // A long line set off by a space, and spaces inside the title's words.
  EXPECT_TRUE(TitleChooser::IsTitleEnd(
      "顺德区大良街道党工委委员一行开展调研工作 东区办事处_中山网",
      "顺德区大良街道党工委委员一行开展调研工作", false));
  EXPECT_TRUE(TitleChooser::IsTitleEnd("调整2007　年末国债余额限额的决议",
                                       "调整2007年末国债余额限额的决议",
                                       false));
  // The whole glued title is not its headline.
  EXPECT_FALSE(TitleChooser::IsTitleEnd("标题在这里呀_经济_财经网",
                                        "标题在这里呀_经济_财经网", false));
  // Not at a glue: a word cut in two; too short a share; Latin lines.
  EXPECT_FALSE(TitleChooser::IsTitleEnd("中华人民共和国监察法实施条例",
                                        "中华人民共和国监察法", false));
  EXPECT_FALSE(TitleChooser::IsTitleEnd(
      "首页-关于召开二〇二四年全市卫生健康工作会议的通知", "首页", false));
  EXPECT_FALSE(TitleChooser::IsTitleEnd("Counter-Strike 2 on Steam",
                                        "Counter-Strike 2", false));

  TitleCandidates c;
  c.title_tag = "中华人民共和国监察法-纪检";
  c.visible_lines = {"首页", "中华人民共和国监察法", "第一章 总则"};
  const ChosenTitle t = TitleChooser::Choose(c);
  EXPECT_EQ(t.text, "中华人民共和国监察法");
  // The title's start is preferred to its end.
  TitleCandidates wiki;
  wiki.og_title = "雄安新区概况 - 维基百科，自由的百科全书";
  wiki.visible_lines = {"维基百科，自由的百科全书", "雄安新区概况"};
  EXPECT_EQ(TitleChooser::Choose(wiki).text, "雄安新区概况");
  EXPECT_EQ(t.source, "text");
}

TEST(TitleChooserTest, AChineseTitleGluedTwiceIsSplitAgain) {
  EXPECT_EQ(TitleChooser::HeadlinePart(
                "5月LPR按兵不动_经济_宏观频道首页_财经网 - CAIJING.COM.CN", "",
                "caijing"),
            "5月LPR按兵不动");
  // Latin headlines keep an inner separator.
  EXPECT_EQ(TitleChooser::HeadlinePart(
                "Git Branching - Branches in a Nutshell | Git", "Git", "git"),
            "Git Branching - Branches in a Nutshell");
  // A title that opens with glue has lost its headline.
  EXPECT_EQ(TitleChooser::HeadlinePart("-铜雀历史网", "", ""), "");
}

TEST(TitleChooserTest, TypographicAndStraightQuotesCompareEqual) {
  TitleCandidates c;
  c.h1 = {"Here\u2019s how to keep healthy phone habits \u2014 a guide"};
  c.title_tag = "Here's how to keep healthy phone habits -- a guide | Example";
  const ChosenTitle t = TitleChooser::Choose(c);
  EXPECT_EQ(t.source, "h1");
  EXPECT_EQ(t.text, "Here's how to keep healthy phone habits -- a guide");
}

}  // namespace
}  // namespace declutter::extract
