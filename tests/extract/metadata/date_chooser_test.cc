#include "service/extract/metadata/date_chooser.h"

#include <vector>

#include "gtest/gtest.h"

namespace declutter::extract {
namespace {

DateCandidate At(absl::string_view text, DateOrigin origin) {
  std::optional<ParsedDate> d = DateParser::Find(text);
  EXPECT_TRUE(d.has_value()) << text;
  return {d.value_or(ParsedDate{}), origin};
}

TEST(DateChooserTest, TheMostTrustedSourceWins) {
  const std::vector<DateCandidate> dates = {
      At("2025-12-19", DateOrigin::kUrl),
      At("December 12, 2025", DateOrigin::kVisible),
      At("2025-11-02T10:00:00Z", DateOrigin::kTimeElement),
      At("2025-11-01T09:00:00Z", DateOrigin::kJsonLd)};
  const ChosenDate d = DateChooser::ChoosePublished(dates);
  EXPECT_EQ(d.iso, "2025-11-01T09:00:00Z");
  EXPECT_EQ(d.source, "json-ld");
}

TEST(DateChooserTest, AgreeingSourcesLendTheFullerForm) {
  // The meta gives the day, the page's dateline its time.
  const ChosenDate d = DateChooser::ChoosePublished(
      {At("2019-09-26", DateOrigin::kMeta),
       At("2019-09-26 10:56:28 证券时报网", DateOrigin::kVisible)});
  EXPECT_EQ(d.iso, "2019-09-26T10:56:28");
  EXPECT_EQ(d.source, "meta");
}

TEST(DateChooserTest, ModifiedDatesAreNeverPublished) {
  EXPECT_EQ(
      DateChooser::ChoosePublished({At("2025-08-19", DateOrigin::kModified)})
          .iso,
      "");
  // Nor do they lend their form to another day.
  EXPECT_EQ(DateChooser::ChoosePublished(
                {At("2025-01-29", DateOrigin::kVisible),
                 At("2025-01-29T20:47:55Z", DateOrigin::kModified)})
                .iso,
            "2025-01-29");
  EXPECT_EQ(DateChooser::ChoosePublished({}).iso, "");
}

TEST(DateParserShortTest, ShortDatelinesTakeTheYearOfAgreeingMarkup) {
  std::optional<ParsedDate> yearless =
      DateParser::FindShort("发布时间：10-0812:00优质原创作者");
  ASSERT_TRUE(yearless.has_value());
  EXPECT_EQ(yearless->year, ParsedDate::kNoYear);
  EXPECT_EQ(yearless->hour, 12);
  const ParsedDate markup = *DateParser::Find("2019-10-08 12:00:57");
  ASSERT_TRUE(DateParser::CompleteYear(markup, &*yearless));
  EXPECT_EQ(yearless->ToIso8601(), "2019-10-08T12:00:00");

  std::optional<ParsedDate> two_digit = DateParser::FindShort("18-03-08 23:16");
  ASSERT_TRUE(two_digit.has_value());
  EXPECT_FALSE(
      DateParser::CompleteYear(*DateParser::Find("2019-03-08"), &*two_digit));
  EXPECT_TRUE(
      DateParser::CompleteYear(*DateParser::Find("2018-03-08"), &*two_digit));
  EXPECT_EQ(two_digit->year, 2018);

  // A yearless pair without a time is a score or a ratio, not a date.
  EXPECT_FALSE(DateParser::FindShort("比分 10-08，客队获胜").has_value());
  // Another day's markup does not date it.
  std::optional<ParsedDate> other = DateParser::FindShort("10-08 12:00");
  EXPECT_FALSE(
      DateParser::CompleteYear(*DateParser::Find("2019-10-09"), &*other));
}

}  // namespace
}  // namespace declutter::extract
