#include "service/extract/metadata/byline_parser.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace declutter::extract {
namespace {

using Names = std::vector<std::string>;

TEST(BylineParserTest, RemovesLabelsAndSplitsLists) {
  EXPECT_EQ(BylineParser::Names("By Jane Doe"), Names({"Jane Doe"}));
  EXPECT_EQ(BylineParser::Names("Written by: Jane Doe and John Roe"),
            Names({"Jane Doe", "John Roe"}));
  EXPECT_EQ(BylineParser::Names("Ann Lee, Bo Chen, & Cy Park"),
            Names({"Ann Lee", "Bo Chen", "Cy Park"}));
  EXPECT_EQ(BylineParser::Names("作者：张三、李四"), Names({"张三", "李四"}));
}

TEST(BylineParserTest, DropsWhatIsNoName) {
  EXPECT_EQ(BylineParser::Names("By"), Names());
  EXPECT_EQ(BylineParser::Names(".wp-block-post-author{display:flex}"),
            Names());
  EXPECT_EQ(BylineParser::Names("having worked at his family's firm"), Names());
  EXPECT_EQ(BylineParser::Names("jane@example.com"), Names());
  EXPECT_EQ(BylineParser::Names("https://example.com/authors/jane"), Names());
  EXPECT_EQ(BylineParser::Names("By Jane Doe | March 17, 2023"),
            Names({"Jane Doe"}));
  EXPECT_EQ(BylineParser::Names(
                "This is a sentence that is far too long to be a name"),
            Names());
  EXPECT_EQ(BylineParser::Names("Jane Doe, jane doe"), Names({"Jane Doe"}));
}

TEST(BylineParserTest, CredentialsStayWithTheirName) {
  EXPECT_EQ(BylineParser::Names("Dylan Bailey, MS, RD and Jo Park, PhD"),
            Names({"Dylan Bailey, MS, RD", "Jo Park, PhD"}));
  EXPECT_EQ(BylineParser::Names("MD"), Names());
}

TEST(BylineParserTest, KeepsNamesThatStartLikeALabel) {
  EXPECT_EQ(BylineParser::Names("Byron Smith"), Names({"Byron Smith"}));
}

TEST(BylineParserTest, ChromeWordsAreNoNames) {
  // Box headings, badges, log-in links and a dateline's weekday that sites
  // mark up as bylines.
  for (absl::string_view chrome :
       {"Author list", "Topic Author", "The Author", "Logged", "Sign In",
        "Log in", "Sat, 20 Dec"}) {
    EXPECT_EQ(BylineParser::Names(chrome), Names()) << chrome;
  }
  EXPECT_EQ(BylineParser::Names("Topic Author, Jane Doe"), Names({"Jane Doe"}));
}

TEST(BylineParserTest, ANameRepeatedAcrossADashIsOnePerson) {
  EXPECT_EQ(BylineParser::Names("Martin Thoma \xE2\x80\x93 Martin Thoma"),
            Names({"Martin Thoma"}));
  EXPECT_EQ(BylineParser::Names("Leo - Leo"), Names({"Leo"}));
}

TEST(BylineParserTest, DeclaredNamesKeepUserHandlesWithDigits) {
  EXPECT_EQ(BylineParser::DeclaredNames("ggailey777"), Names({"ggailey777"}));
  EXPECT_EQ(BylineParser::Names("ggailey777"), Names());
  // A word of digits alone is a count or a date, whatever the field.
  EXPECT_EQ(BylineParser::DeclaredNames("12 comments"), Names());
  EXPECT_EQ(BylineParser::DeclaredNames("March 17, 2023"), Names());
}

TEST(BylineParserTest, TheDateAfterANameIsCutOff) {
  EXPECT_EQ(BylineParser::Names("Andrew Gerrand 4 August 2010"),
            Names({"Andrew Gerrand"}));
  EXPECT_EQ(
      BylineParser::Names("By Haley Hoekstra \xE2\x80\xA2 March 12, 2025"),
      Names({"Haley Hoekstra"}));
  EXPECT_EQ(BylineParser::Names(
                "Posted by Beau Hall on Friday December 19, 2025 @08:00PM"),
            Names({"Beau Hall"}));
  // A dateline alone names nobody.
  EXPECT_EQ(BylineParser::Names("Updated on November 20, 2025"), Names());
}

TEST(BylineParserTest, AnUnfilledTemplateKeyIsNoName) {
  EXPECT_EQ(BylineParser::DeclaredNames("page.head.extra.author"), Names());
  // A dotted user handle stays a name.
  EXPECT_EQ(BylineParser::DeclaredNames("sara.r.peter"),
            Names({"sara.r.peter"}));
}

TEST(BylineParserTest, AProfileFieldNamesNobody) {
  EXPECT_EQ(BylineParser::Names("Location:Lisbon, Portugal"), Names());
  EXPECT_EQ(BylineParser::Names("Specialty: Sleep, Certified Consultant"),
            Names());
  // A byline label with a colon is read as before.
  EXPECT_EQ(BylineParser::Names("Author: Jane Doe, John Roe"),
            Names({"Jane Doe", "John Roe"}));
}

TEST(BylineParserTest, AMixedCaseHandleBeforeAnyNameIsAName) {
  EXPECT_EQ(BylineParser::Names("Posted by BeauHD"), Names({"BeauHD"}));
  EXPECT_EQ(BylineParser::DeclaredNames("JonB"), Names({"JonB"}));
  // A credential alone or after a name is still one.
  EXPECT_EQ(BylineParser::Names("PhD"), Names());
  EXPECT_EQ(BylineParser::Names("Jo Park, PhD"), Names({"Jo Park, PhD"}));
}

}  // namespace
}  // namespace declutter::extract
