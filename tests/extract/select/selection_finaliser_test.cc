#include "service/extract/select/selection_finaliser.h"

#include "gtest/gtest.h"
#include "service/extract/blocks/block_featurizer.h"

namespace declutter::extract {
namespace {

BlockList SelectedBlocks(std::vector<std::string> texts) {
  BlockList blocks(texts.size());
  for (size_t i = 0; i < texts.size(); ++i) {
    blocks[i].text = std::move(texts[i]);
    blocks[i].selected = true;
  }
  ComputeBlockFeatures(nullptr, &blocks);
  return blocks;
}

std::string LongBodyHtml() {
  std::string body;
  for (int i = 0; i < 8; ++i) {
    body += "<p>Paragraph " + std::to_string(i) +
            " of a story only the structured data carries &amp; a script "
            "renders.</p>";
  }
  return body;
}

TEST(SelectionFinaliserTest, TitleRepeatedAsTheFirstHeadingIsMetadata) {
  BlockList blocks = SelectedBlocks({"The Title", "Body text."});
  blocks[0].role = BlockRole::kHeading;
  DropTitleHeading("The Title", &blocks);
  EXPECT_FALSE(blocks[0].selected);
  EXPECT_EQ(blocks[0].kind, BlockKind::kMetadata);
  EXPECT_EQ(blocks[0].reason, "the article title");
  EXPECT_TRUE(blocks[1].selected);
}

TEST(SelectionFinaliserTest, OnlyTheFirstSelectedBlockCanBeTheTitle) {
  BlockList blocks = SelectedBlocks({"Body text.", "The Title"});
  blocks[1].role = BlockRole::kHeading;
  DropTitleHeading("The Title", &blocks);
  EXPECT_TRUE(blocks[1].selected);
}

TEST(SelectionFinaliserTest, HtmlBodyIsReadAsTextOneLinePerBlock) {
  BlockList blocks = SelectedBlocks({"Teaser."});
  WorkBudget budget;
  ASSERT_TRUE(
      AddStructuredBodyText(kScoringParams, LongBodyHtml(), &budget, &blocks)
          .ok());
  ASSERT_EQ(blocks.size(), 9u);
  EXPECT_EQ(blocks[1].text,
            "Paragraph 0 of a story only the structured data carries & a "
            "script renders.");
  EXPECT_TRUE(blocks[8].selected);
  EXPECT_GT(blocks[8].features.text.chars, 0);
}

TEST(SelectionFinaliserTest, BodyNoLongerThanTheSelectionIsNotAdded) {
  BlockList blocks = SelectedBlocks({std::string(2000, 'x')});
  WorkBudget budget;
  ASSERT_TRUE(
      AddStructuredBodyText(kScoringParams, LongBodyHtml(), &budget, &blocks)
          .ok());
  EXPECT_EQ(blocks.size(), 1u);
}

TEST(SelectionFinaliserTest, ExpiredBudgetStopsBeforeReadingTheBody) {
  BlockList blocks = SelectedBlocks({"Teaser."});
  WorkBudget expired(absl::InfinitePast(), nullptr);
  const absl::Status s =
      AddStructuredBodyText(kScoringParams, LongBodyHtml(), &expired, &blocks);
  EXPECT_EQ(s.code(), absl::StatusCode::kDeadlineExceeded);
  EXPECT_EQ(blocks.size(), 1u);
}

}  // namespace
}  // namespace declutter::extract
