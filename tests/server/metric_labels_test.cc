#include "service/server/metric_labels.h"

#include <set>
#include <string>

#include "gtest/gtest.h"

namespace declutter::server {
namespace {

TEST(MetricLabelsTest, KnownCharsetsKeepTheirCanonicalName) {
  EXPECT_EQ(CharsetLabel("UTF-8"), "UTF-8");
  EXPECT_EQ(CharsetLabel("utf-8"), "UTF-8");
  EXPECT_EQ(CharsetLabel("windows-1250"), "windows-1250");
  EXPECT_EQ(CharsetLabel("GB18030"), "GB18030");
  EXPECT_EQ(CharsetLabel("windows-31j"), "windows-31j");
  EXPECT_EQ(CharsetLabel(""), "");
}

TEST(MetricLabelsTest, KnownLanguagesBecomeTheirPrimarySubtag) {
  EXPECT_EQ(LanguageLabel("en"), "en");
  EXPECT_EQ(LanguageLabel("en-GB"), "en");
  EXPECT_EQ(LanguageLabel("pt_BR"), "pt");
  EXPECT_EQ(LanguageLabel("zh-Hant"), "zh");
  EXPECT_EQ(LanguageLabel("FR"), "fr");
  EXPECT_EQ(LanguageLabel("fil"), "fil");
  EXPECT_EQ(LanguageLabel(""), "");
}

// Labels a page chooses: a thousand different ones give a handful of series.
TEST(MetricLabelsTest, HostileLabelsMapToTheClosedSet) {
  for (const char* charset :
       {"windows-1250,x99", "utf-7", "iso-2022-kr", "UTF-8 ", "x-user-defined2",
        "\xff\xfe", "a\"b\\c\nd"}) {
    EXPECT_EQ(CharsetLabel(charset), "other") << charset;
  }
  for (const char* language : {"en-x-e99", "xx", "english", "e", "q1",
                               "\xc3\xa9n", "-en", "a\"b", "zzz-Latn"}) {
    const std::string label = LanguageLabel(language);
    EXPECT_TRUE(label == "other" || label == "en") << language;
  }
  EXPECT_EQ(LanguageLabel("en-x-e99"), "en");  // the private use part dropped
  EXPECT_EQ(LanguageLabel("english"), "other");
  EXPECT_EQ(LanguageLabel("-en"), "other");
  std::set<std::string> charsets, languages;
  for (int i = 0; i < 1000; ++i) {
    charsets.insert(CharsetLabel("windows-1250,x" + std::to_string(i)));
    languages.insert(LanguageLabel("en-x-e" + std::to_string(i)));
    languages.insert(LanguageLabel("q" + std::to_string(i)));
  }
  EXPECT_EQ(charsets, (std::set<std::string>{"other"}));
  EXPECT_EQ(languages, (std::set<std::string>{"en", "other"}));
}

}  // namespace
}  // namespace declutter::server
