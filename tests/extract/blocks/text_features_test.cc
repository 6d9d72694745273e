#include "service/extract/blocks/text_features.h"

#include "gtest/gtest.h"

namespace declutter::extract {
namespace {

TEST(TextFeaturesTest, ChineseSentence) {
  TextFeatures f = ComputeTextFeatures("会议强调，要加强领导。");
  EXPECT_EQ(f.han, 9);
  EXPECT_EQ(f.punctuation, 2);
  EXPECT_TRUE(f.ends_sentence);
  EXPECT_FALSE(f.starts_with_bullet);
}

TEST(TextFeaturesTest, EnglishWordsAndClosingQuote) {
  TextFeatures f = ComputeTextFeatures("He said \"it works.\"");
  EXPECT_EQ(f.words, 4);
  EXPECT_TRUE(f.ends_sentence);
}

TEST(TextFeaturesTest, BulletsAndContacts) {
  EXPECT_TRUE(ComputeTextFeatures("- teaser title").starts_with_bullet);
  EXPECT_TRUE(ComputeTextFeatures("1、 第一条").starts_with_bullet);
  EXPECT_FALSE(ComputeTextFeatures("(相关资料图)").starts_with_bullet);
  EXPECT_TRUE(ComputeTextFeatures("热线 0531-66661234").has_phone);
  EXPECT_TRUE(ComputeTextFeatures("mail a@b.com").has_email);
  EXPECT_TRUE(ComputeTextFeatures("see https://x.y/").has_url);
  EXPECT_FALSE(ComputeTextFeatures("2023年3月17日").has_phone);
  EXPECT_FALSE(ComputeTextFeatures("2024-04-18 10:20:00 来源：城市日报").has_phone);
}

TEST(TextFeaturesTest, MalformedUtf8Terminates) {
  TextFeatures f = ComputeTextFeatures("\xE4\xB8 \xFF abc");
  EXPECT_GT(f.chars, 0);
}

}  // namespace
}  // namespace declutter::extract
