#include "service/extract/output/word_counter.h"

#include "gtest/gtest.h"

namespace declutter::extract {
namespace {

TEST(WordCounterTest, CountsSpaceSeparatedWords) {
  EXPECT_EQ(WordCounter::Count("Hello, brave new world."), 4);
  EXPECT_EQ(WordCounter::Count("Привет, мир!"), 2);
  EXPECT_EQ(WordCounter::Count(""), 0);
  EXPECT_EQ(WordCounter::Count(" ,.;!? "), 0);  // punctuation is not a word
}

TEST(WordCounterTest, CountsDictionaryWordsInScriptsWithoutSpaces) {
  // ICU's dictionaries split these into words: 我们 / 召开 / 会议, and so on.
  EXPECT_EQ(WordCounter::Count("我们召开会议"), 3);
  EXPECT_GE(WordCounter::Count("東京都は新しい計画を発表しました"), 6);
  EXPECT_GE(WordCounter::Count("ภาษาไทยไม่มีการเว้นวรรคระหว่างคำ"), 5);
  // Not one word per line, nor one per character.
  EXPECT_LT(WordCounter::Count("我们召开会议"), 6);
}

}  // namespace
}  // namespace declutter::extract
