#include "service/extract/strings/phrase_matcher.h"

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"
#include "gtest/gtest.h"

namespace declutter::extract {
namespace {

using Hit = std::pair<size_t, size_t>;  // phrase index, byte position

std::vector<Hit> AllHits(const PhraseMatcher& m, absl::string_view text) {
  std::vector<Hit> hits;
  m.Scan(text, [&hits](size_t index, size_t position) {
    hits.emplace_back(index, position);
    return true;
  });
  return hits;
}

// The reference: one search per phrase, every occurrence, ordered as Scan
// promises.
std::vector<Hit> NaiveHits(const std::vector<absl::string_view>& phrases,
                           absl::string_view text) {
  std::vector<Hit> hits;
  for (size_t pos = 0; pos < text.size(); ++pos) {
    for (size_t i = 0; i < phrases.size(); ++i) {
      if (text.substr(pos, phrases[i].size()) == phrases[i])
        hits.emplace_back(i, pos);
    }
  }
  return hits;
}

TEST(PhraseMatcherTest, ReportsEveryOccurrenceInPositionThenIndexOrder) {
  const PhraseMatcher m({"ab", "abc", "bc", "cab"});
  EXPECT_EQ(AllHits(m, "xabcab"),
            (std::vector<Hit>{{0, 1}, {1, 1}, {2, 2}, {3, 3}, {0, 4}}));
}

TEST(PhraseMatcherTest, NoHitsInShortOrUnrelatedText) {
  const PhraseMatcher m({"ad", "related"});
  EXPECT_TRUE(AllHits(m, "").empty());
  EXPECT_TRUE(AllHits(m, "a").empty());
  EXPECT_TRUE(AllHits(m, "relate").empty());  // a prefix at the end is no match
  EXPECT_FALSE(m.ContainsAny("nothing here"));
  EXPECT_TRUE(m.ContainsAny("see related"));
}

TEST(PhraseMatcherTest, MatchesMultiByteUtf8Phrases) {
  const PhraseMatcher m({"版权所有", "©", "ICP备"});
  EXPECT_EQ(AllHits(m, "© 2024 版权所有 京ICP备123"),
            (std::vector<Hit>{{1, 0}, {0, 8}, {2, 24}}));
  // Same first two bytes as 版 (E7 89 88) but a different character: no match.
  EXPECT_FALSE(m.ContainsAny("牌权所有"));
}

TEST(PhraseMatcherTest, CaseSensitiveUnlessAskedOtherwise) {
  const PhraseMatcher sensitive({"Cookie"});
  EXPECT_FALSE(sensitive.ContainsAny("cookie policy"));
  EXPECT_TRUE(sensitive.ContainsAny("Cookie policy"));
  const PhraseMatcher folded({"Author", "user-name"},
                             PhraseMatcher::Case::kIgnoreAscii);
  EXPECT_TRUE(folded.ContainsAny("post-AUTHOR"));
  EXPECT_TRUE(folded.ContainsAny("User-Name"));
  EXPECT_FALSE(folded.ContainsAny("username"));
  // Only ASCII folds: the bytes of other characters are compared as they are.
  const PhraseMatcher accented({"été"}, PhraseMatcher::Case::kIgnoreAscii);
  EXPECT_TRUE(accented.ContainsAny("ÉTÉ été"));
  EXPECT_FALSE(accented.ContainsAny("ÉTÉ"));
}

TEST(PhraseMatcherTest, StopsWhenTheCallbackSaysSo) {
  const PhraseMatcher m({"aa"});
  int calls = 0;
  m.Scan("aaaaaa", [&calls](size_t, size_t) { return ++calls < 2; });
  EXPECT_EQ(calls, 2);
}

TEST(PhraseMatcherTest, AgreesWithOneSearchPerPhraseOnOverlappingPhrases) {
  const std::vector<absl::string_view> phrases = {"aa",  "aab",  "ab", "ba",
                                                  "bab", "abab", "bb", "aaa"};
  const PhraseMatcher m(phrases);
  // Every string over {a, b} up to length 9: overlaps, repeats and phrases at
  // both ends.
  for (int len = 0; len <= 9; ++len) {
    for (int bits = 0; bits < (1 << len); ++bits) {
      std::string text;
      for (int k = 0; k < len; ++k) text += (bits >> k) & 1 ? 'b' : 'a';
      ASSERT_EQ(AllHits(m, text), NaiveHits(phrases, text)) << text;
    }
  }
}

TEST(PhraseMatcherDeathTest, RejectsPhrasesShorterThanTwoBytes) {
  EXPECT_DEATH(PhraseMatcher({"ok", "x"}), "shorter than 2 bytes");
}

}  // namespace
}  // namespace declutter::extract
