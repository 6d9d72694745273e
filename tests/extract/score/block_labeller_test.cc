#include "service/extract/score/block_labeller.h"

#include <type_traits>

#include "gtest/gtest.h"
#include "service/extract/blocks/boilerplate_lexicon.h"

namespace declutter::extract {
namespace {

// Only the labeller can write a verdict: the fields take no plain assignment,
// and the key that Set needs cannot be made outside score/block_labeller.cc.
static_assert(!std::is_assignable_v<decltype(Block::kind)&, BlockKind>);
static_assert(!std::is_assignable_v<decltype(Block::reason)&, std::string>);
static_assert(
    !std::is_assignable_v<decltype(Block::kind_if_left_out)&, BlockKind>);
static_assert(!std::is_default_constructible_v<LabellerKey>);

const LexiconEntry kRelatedHeading{"相关阅读", BlockKind::kRelated, kWeak,
                                   "related list"};

TEST(BlockLabellerTest, LexiconNamesWhatTheLinksAre) {
  BlockList blocks(1);
  blocks[0].features.link_density = 0.9;
  blocks[0].evidence.link_dense = true;
  blocks[0].evidence.lexicon = &kRelatedHeading;
  LabelByEvidence(kScoringParams, &blocks);
  EXPECT_EQ(blocks[0].kind, BlockKind::kRelated);
  EXPECT_EQ(blocks[0].reason.value(), "lexicon: 相关阅读 (related list)");
}

TEST(BlockLabellerTest, LightLinkDenseBlockIsNavigation) {
  BlockList blocks(1);
  blocks[0].features.text.letters = 10;
  blocks[0].features.link_density = 0.75;
  blocks[0].evidence.link_dense = true;
  LabelByEvidence(kScoringParams, &blocks);
  EXPECT_EQ(blocks[0].kind, BlockKind::kNavigation);
  EXPECT_EQ(blocks[0].reason.value(), "link density 75%");
}

TEST(BlockLabellerTest, TeaserItemIsRelatedOnlyIfLeftOut) {
  BlockList blocks(1);
  blocks[0].evidence.teaser_run = 4;
  LabelByEvidence(kScoringParams, &blocks);
  EXPECT_EQ(blocks[0].kind, BlockKind::kNone);
  EXPECT_EQ(blocks[0].kind_if_left_out, BlockKind::kRelated);
  LeaveOut(LeftOutBecause::kOutsideMainContent, &blocks[0]);
  EXPECT_EQ(blocks[0].kind, BlockKind::kRelated);
  EXPECT_EQ(blocks[0].reason.value(), "teaser list (4 headline-like items)");
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
  EXPECT_EQ(blocks[1].reason.value(), "listed under the heading \"相关阅读\"");
}

TEST(BlockLabellerTest, LeaveOutKeepsTheEvidencesKind) {
  BlockList blocks(1);
  blocks[0].features.text.has_url = true;
  blocks[0].evidence.contact_line = true;
  LabelByEvidence(kScoringParams, &blocks);
  Block& b = blocks[0];
  LeaveOut(LeftOutBecause::kTooLittleText, &b);
  EXPECT_EQ(b.kind, BlockKind::kContact);
  EXPECT_EQ(b.reason.value(), "short line with a URL");
  Block plain;
  LeaveOut(LeftOutBecause::kTooLittleText, &plain);
  EXPECT_EQ(plain.kind, BlockKind::kOther);
  EXPECT_EQ(plain.reason.value(), "too little text evidence");
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
  EXPECT_EQ(b.reason.value(), "");
}

}  // namespace
}  // namespace declutter::extract
