#include "service/extract/html/class_hints.h"

#include "gtest/gtest.h"

namespace declutter::extract {
namespace {

TEST(ClassHintsTest, TokensWeighForAndAgainst) {
  EXPECT_GT(ClassHints::Score("article-body").weight, 0);
  const ClassHint comments = ClassHints::Score("comment-list");
  EXPECT_LT(comments.weight, 0);
  ASSERT_NE(comments.worst, nullptr);
  EXPECT_EQ(comments.worst->kind, BlockKind::kComment);
  EXPECT_EQ(ClassHints::Score("qc-cmp2-container").worst->kind, BlockKind::kConsent);
}

TEST(ClassHintsTest, TaxonomyClassNamesAreNeutral) {
  // WordPress puts the post's tags and categories on the article element itself.
  EXPECT_EQ(ClassHints::Score("tag-social-media category-share-tips").weight, 0);
  EXPECT_GT(ClassHints::Score("post tag-comments entry-content").weight, 0);
}

TEST(ClassHintsTest, HugeAttributesAreReadOnlyInPart) {
  std::string huge;
  for (int i = 0; i < 100000; ++i) huge += "comment ";
  // Bounded: at most the first 512 bytes and 64 tokens are scored.
  EXPECT_GE(ClassHints::Score(huge).weight, -40 * 64);
}

}  // namespace
}  // namespace declutter::extract
