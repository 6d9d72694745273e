#include "service/extract/blocks/block_featurizer.h"

#include <gumbo.h>

#include "gtest/gtest.h"
#include "service/extract/html/html_block_builder.h"
#include "service/extract/text/text_block_builder.h"

namespace declutter::extract {
namespace {

TEST(BlockFeaturizerTest, TextBlocksGetTextFeaturesAndPositionButNoDom) {
  BlockList blocks =
      TextBlockBuilder::Build("第一行。\n第二行\n第三行，结束。\n");
  ComputeBlockFeatures(nullptr, &blocks);
  ASSERT_EQ(blocks.size(), 3u);
  EXPECT_EQ(blocks[0].features.text.chars, 4);
  EXPECT_TRUE(blocks[0].features.text.ends_sentence);
  EXPECT_DOUBLE_EQ(blocks[0].features.position, 0.0);
  EXPECT_DOUBLE_EQ(blocks[1].features.position, 0.5);
  EXPECT_DOUBLE_EQ(blocks[2].features.position, 1.0);
  EXPECT_EQ(blocks[1].features.dom.tag, 0);
  EXPECT_FALSE(blocks[1].features.dom.in_negative);
}

TEST(BlockFeaturizerTest, HtmlBlocksGetLinkDensityAndTheirElement) {
  HtmlDocument doc = HtmlBlockBuilder::Build(
      "<body><div class=story><p>Plain words here.</p></div>"
      "<div class=share-tools><p><a href=/x>Share</a> it</p></div></body>");
  ComputeBlockFeatures(&doc.dom, &doc.blocks);
  ASSERT_EQ(doc.blocks.size(), 2u);
  const BlockFeatures& story = doc.blocks[0].features;
  EXPECT_DOUBLE_EQ(story.link_density, 0.0);
  EXPECT_EQ(story.dom.tag, GUMBO_TAG_P);
  EXPECT_GT(story.dom.depth, 0);
  EXPECT_FALSE(story.dom.in_negative);
  const BlockFeatures& share = doc.blocks[1].features;
  EXPECT_NEAR(share.link_density, 5.0 / 7.0, 1e-9);
  EXPECT_TRUE(share.dom.in_negative);
  EXPECT_EQ(share.dom.negative_kind, BlockKind::kShare);
  EXPECT_LT(share.dom.ancestor_hint,
            0);  // the share bar's hint reaches its paragraph
}

TEST(BlockFeaturizerTest, HtmlBlocksSeeTheTextAroundThem) {
  HtmlDocument doc = HtmlBlockBuilder::Build(
      "<body><ul class=menu><li class=item><a href=/a>Alpha</a></li>"
      "<li class=item><a href=/b>Beta</a></li>"
      "<li class=item><a href=/c>Gamma</a></li></ul>"
      "<article><div><p>One paragraph of words.</p><p>Two more.</p></div>"
      "</article></body>");
  ComputeBlockFeatures(&doc.dom, &doc.blocks);
  ASSERT_EQ(doc.blocks.size(), 5u);
  const DomContext& item = doc.blocks[0].features.dom;
  // Three menu items built alike; the list is all links.
  EXPECT_EQ(item.like_siblings, 3);
  EXPECT_DOUBLE_EQ(item.parent_link_density, 1.0);
  EXPECT_GT(item.parent_weight, doc.blocks[0].features.text.Weight());
  const DomContext& prose = doc.blocks[3].features.dom;
  EXPECT_EQ(prose.like_siblings, 2);  // the two <p>
  EXPECT_DOUBLE_EQ(prose.parent_link_density, 0.0);
  EXPECT_DOUBLE_EQ(prose.parent_weight,
                   doc.blocks[3].features.text.Weight() +
                       doc.blocks[4].features.text.Weight());
  EXPECT_GE(prose.grandparent_weight, prose.parent_weight);
}

TEST(BlockFeaturizerTest, FromComputesOnlyTheTail) {
  BlockList blocks = TextBlockBuilder::Build("one line\nanother line\n");
  blocks[0].features.text.chars = 99;  // left alone below `from`
  ComputeBlockFeatures(nullptr, &blocks, 1);
  EXPECT_EQ(blocks[0].features.text.chars, 99);
  EXPECT_EQ(blocks[1].features.text.chars, 11);
  EXPECT_DOUBLE_EQ(blocks[1].features.position, 1.0);
}

}  // namespace
}  // namespace declutter::extract
