#include "service/extract/score/block_labeller.h"

#include "gtest/gtest.h"
#include "service/extract/score/boilerplate_lexicon.h"

namespace declutter::extract {
namespace {

const LexiconEntry kRelatedHeading{"相关阅读", BlockKind::kRelated, kWeak,
                                   "related list"};

TEST(BlockLabellerTest, LexiconNamesWhatTheLinksAre) {
  BlockList blocks(1);
  blocks[0].features.link_density = 0.9;
  blocks[0].evidence.link_dense = true;
  blocks[0].evidence.lexicon = &kRelatedHeading;
  LabelByEvidence(kScoringParams, &blocks);
  EXPECT_EQ(blocks[0].kind, BlockKind::kRelated);
  EXPECT_EQ(blocks[0].reason, "lexicon: 相关阅读 (related list)");
}

TEST(BlockLabellerTest, LightLinkDenseBlockIsNavigation) {
  BlockList blocks(1);
  blocks[0].features.text.letters = 10;
  blocks[0].features.link_density = 0.75;
  blocks[0].evidence.link_dense = true;
  LabelByEvidence(kScoringParams, &blocks);
  EXPECT_EQ(blocks[0].kind, BlockKind::kNavigation);
  EXPECT_EQ(blocks[0].reason, "link density 75%");
}

TEST(BlockLabellerTest, TeaserItemIsRelatedOnlyIfLeftOut) {
  BlockList blocks(1);
  blocks[0].evidence.teaser_run = 4;
  LabelByEvidence(kScoringParams, &blocks);
  EXPECT_EQ(blocks[0].kind, BlockKind::kNone);
  EXPECT_EQ(blocks[0].kind_if_left_out, BlockKind::kRelated);
  LeaveOut(LeftOutBecause::kOutsideMainContent, &blocks[0]);
  EXPECT_EQ(blocks[0].kind, BlockKind::kRelated);
  EXPECT_EQ(blocks[0].reason, "teaser list (4 headline-like items)");
}

TEST(BlockLabellerTest, ListedItemsTakeTheirHeadingsKind) {
  BlockList blocks(2);
  blocks[0].text = "相关阅读";
  blocks[0].evidence.lexicon = &kRelatedHeading;
  blocks[0].evidence.lexicon_heading = true;
  blocks[1].evidence.contact_line = true;
  blocks[1].evidence.listed_under = 0;
  LabelByEvidence(kScoringParams, &blocks);
  EXPECT_EQ(blocks[1].kind, BlockKind::kRelated);
  EXPECT_EQ(blocks[1].reason, "listed under the heading \"相关阅读\"");
}

TEST(BlockLabellerTest, LeaveOutKeepsTheEvidencesKind) {
  Block b;
  b.kind = BlockKind::kContact;
  b.reason = "short line with a URL";
  LeaveOut(LeftOutBecause::kTooLittleText, &b);
  EXPECT_EQ(b.kind, BlockKind::kContact);
  EXPECT_EQ(b.reason, "short line with a URL");
  Block plain;
  LeaveOut(LeftOutBecause::kTooLittleText, &plain);
  EXPECT_EQ(plain.kind, BlockKind::kOther);
  EXPECT_EQ(plain.reason, "too little text evidence");
}

TEST(BlockLabellerTest, ContainerVerdictsNameTheContainer) {
  Block b;
  LeaveOutInContainer(BlockKind::kShare, /*inside_content=*/true, &b);
  EXPECT_EQ(b.kind, BlockKind::kShare);
  EXPECT_EQ(b.reason,
            "inside a share container (class/id/tag/heading evidence)");
  LeaveOutInContainer(BlockKind::kNone, /*inside_content=*/false, &b);
  EXPECT_EQ(b.kind, BlockKind::kOther);
  EXPECT_EQ(b.reason,
            "outside the main content, in a other container "
            "(class/id/tag/heading evidence)");
}

TEST(BlockLabellerTest, MetadataAndTakenBack) {
  Block b;
  b.selected = true;
  LeaveOutAsMetadata("the article title", &b);
  EXPECT_FALSE(b.selected);
  EXPECT_EQ(b.kind, BlockKind::kMetadata);
  TakeAsContent(&b);
  EXPECT_TRUE(b.selected);
  EXPECT_EQ(b.kind, BlockKind::kNone);
  EXPECT_EQ(b.reason, "");
}

}  // namespace
}  // namespace declutter::extract
