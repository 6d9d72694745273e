#include "service/extract/metadata/date_parser.h"

#include "gtest/gtest.h"

namespace declutter::extract {
namespace {

std::string Iso(absl::string_view text) {
  auto d = DateParser::Find(text);
  return d ? d->ToIso8601() : "none";
}

TEST(DateParserTest, NumericForms) {
  EXPECT_EQ(Iso("2023-03-17 11:10:17  来源:映象网"), "2023-03-17T11:10:17");
  EXPECT_EQ(Iso("2020-05-16"), "2020-05-16");
  EXPECT_EQ(Iso("posted 2023/3/7"), "2023-03-07");
  EXPECT_EQ(Iso("2023.03.17"), "2023-03-17");
  EXPECT_EQ(Iso("Stand: 17.03.2023 11:10"), "2023-03-17T11:10:00");
  // Slashed day/month order is ambiguous: not read.
  EXPECT_EQ(Iso("03/04/2023"), "none");
}

TEST(DateParserTest, ChineseForm) {
  EXPECT_EQ(Iso("发布时间：2023年3月17日 11:10"), "2023-03-17T11:10:00");
  EXPECT_EQ(Iso("2023年3月17日"), "2023-03-17");
}

TEST(DateParserTest, Iso8601WithZone) {
  EXPECT_EQ(Iso("2019-10-01T08:30:00Z"), "2019-10-01T08:30:00Z");
  EXPECT_EQ(Iso("2019-10-01T08:30:00.123+0800"), "2019-10-01T08:30:00+08:00");
  EXPECT_EQ(Iso("2019-10-01T08:30:00-05:00"), "2019-10-01T08:30:00-05:00");
}

TEST(DateParserTest, EnglishForms) {
  EXPECT_EQ(Iso("March 17, 2023"), "2023-03-17");
  EXPECT_EQ(Iso("Updated Sept. 3, 2021"), "2021-09-03");
  EXPECT_EQ(Iso("17 March 2023"), "2023-03-17");
  EXPECT_EQ(Iso("Fri, 17 Mar 2023 11:10:17 GMT"), "2023-03-17T11:10:17Z");
  EXPECT_EQ(Iso("30th March 2025, 16:26"), "2025-03-30T16:26:00");
  EXPECT_EQ(Iso("the 1st of April 2024"), "2024-04-01");
  EXPECT_EQ(Iso("Dec 18 2025"), "2025-12-18");
}

std::string UrlIso(absl::string_view url) {
  auto d = DateParser::FromUrl(url);
  return d ? d->ToIso8601() : "none";
}

TEST(DateParserTest, UrlForms) {
  EXPECT_EQ(UrlIso("https://x.com/2023/03/17/storm"), "2023-03-17");
  EXPECT_EQ(UrlIso("https://x.com/news/2023-3-7-storm"), "2023-03-07");
  EXPECT_EQ(UrlIso("http://x.cn/c/20230317/123.html"), "2023-03-17");
  EXPECT_EQ(UrlIso("https://x.com/2023/03/storm"), "none");  // a month only
  EXPECT_EQ(UrlIso("https://x.com/a?d=2023/03/17"),
            "none");  // the query is not read
  EXPECT_EQ(UrlIso("https://2023.x.com/17/storm"),
            "none");  // the host is not read
}

absl::Time At(int y, int mo, int d, int h) {
  return absl::FromCivil(absl::CivilHour(y, mo, d, h), absl::UTCTimeZone());
}

std::string RelIso(absl::string_view text, absl::Time fetched) {
  auto d = DateParser::FindRelative(text, fetched);
  return d ? d->ToIso8601() : "none";
}

TEST(DateParserTest, RelativeFormsNeedAFetchTime) {
  const absl::Time t = At(2023, 3, 17, 5);
  EXPECT_EQ(RelIso("Posted 3 hours ago", t), "2023-03-17");
  EXPECT_EQ(RelIso("Posted 6 hours ago", t), "2023-03-16");
  EXPECT_EQ(RelIso("2 days ago", t), "2023-03-15");
  EXPECT_EQ(RelIso("yesterday at 5pm", t), "2023-03-16");
  EXPECT_EQ(RelIso("发布于2小时前", t), "2023-03-17");
  EXPECT_EQ(RelIso("昨天 10:20", t), "2023-03-16");
  EXPECT_EQ(RelIso("3 hours", t), "none");  // not "ago"
  EXPECT_EQ(RelIso("3 hours ago", absl::InfiniteFuture()), "none");
}

TEST(DateParserTest, DatesAfterTheFetchAreImplausible) {
  const absl::Time t = At(2023, 3, 17, 5);
  ParsedDate d;
  d.year = 2023, d.month = 3, d.day = 18;
  EXPECT_TRUE(DateParser::Plausible(d, t));  // a day of slack for time zones
  d.day = 19;
  EXPECT_FALSE(DateParser::Plausible(d, t));
  EXPECT_TRUE(DateParser::Plausible(d, absl::InfiniteFuture()));
}

TEST(DateParserTest, RejectsImpossibleDates) {
  EXPECT_EQ(Iso("2023-13-01"), "none");
  EXPECT_EQ(Iso("2023-02-30"), "none");
  EXPECT_EQ(Iso("1850-01-01"), "none");
  EXPECT_EQ(Iso("2024-02-29"), "2024-02-29");
  EXPECT_EQ(Iso("call 20230317"), "none");
}

}  // namespace
}  // namespace declutter::extract
