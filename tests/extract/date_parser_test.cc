#include "service/extract/date_parser.h"

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
