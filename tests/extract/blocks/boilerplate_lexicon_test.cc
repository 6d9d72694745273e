#include "service/extract/blocks/boilerplate_lexicon.h"

#include "gtest/gtest.h"
#include "service/extract/html/class_hints.h"

namespace declutter::extract {
namespace {

TEST(BoilerplateLexiconTest, FindsEachFamily) {
  ASSERT_NE(BoilerplateLexicon::Find("相关阅读 换一换"), nullptr);
  EXPECT_EQ(BoilerplateLexicon::Find("相关阅读 换一换")->kind,
            BlockKind::kRelated);
  EXPECT_EQ(BoilerplateLexicon::Find("浙ICP备2021020529号-1")->kind,
            BlockKind::kCopyright);
  EXPECT_EQ(
      BoilerplateLexicon::Find("Copyright © 2012 x, All Rights Reserved")->kind,
      BlockKind::kCopyright);
  EXPECT_EQ(BoilerplateLexicon::Find("新聞熱線0531")->kind,
            BlockKind::kContact);
  EXPECT_EQ(BoilerplateLexicon::Find("本文为网络搜集整理")->kind,
            BlockKind::kDisclaimer);
  EXPECT_EQ(BoilerplateLexicon::Find("an ordinary sentence."), nullptr);
}

TEST(BoilerplateLexiconTest, StrongBeatsWeak) {
  // 版权所有 is weak, ICP备 strong: the strong entry is the evidence reported.
  const LexiconEntry* e = BoilerplateLexicon::Find("版权所有 浙ICP备1号");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->strength, kStrong);
}

TEST(ClassHintsTest, NegativeAndPositiveTokens) {
  ClassHint share = ClassHints::Score("social-share buttons");
  EXPECT_LT(share.weight, 0);
  ASSERT_NE(share.worst, nullptr);
  EXPECT_EQ(share.worst->kind, BlockKind::kShare);
  EXPECT_GT(ClassHints::Score("article-body entry-content").weight, 0);
  EXPECT_LT(ClassHints::Score("comment-content").weight,
            0);  // comment outweighs content
  EXPECT_EQ(ClassHints::Score("add-to-cart").weight,
            0);  // "ad" only as a whole token
  EXPECT_LT(ClassHints::Score("ad").weight, 0);
}

}  // namespace
}  // namespace declutter::extract

namespace declutter::extract {
namespace {

TEST(ClassHintsTest, HugeAttributeIsReadOnlyToItsBound) {
  std::string huge(10 << 20, 'x');
  huge += " comment";  // past the bound: not evidence
  EXPECT_EQ(ClassHints::Score(huge).weight, 0);
  ClassHint combined = ClassHints::Score("article");
  combined.Add(ClassHints::Score("share"));
  ASSERT_NE(combined.worst, nullptr);
  EXPECT_EQ(combined.worst->kind, BlockKind::kShare);
}

}  // namespace
}  // namespace declutter::extract
