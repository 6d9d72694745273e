#include "service/extract/select/card_grid.h"

#include "gtest/gtest.h"

namespace declutter::extract {
namespace {

// Appends a leaf child of `parent` with the given text and link code points,
// and returns its index. Aggregates the counts up the ancestors, as the
// selector does.
int32_t AddLeaf(DomTree* dom, int32_t parent, uint16_t tag, uint32_t class_key,
                int32_t text_chars, int32_t link_chars) {
  DomTree& nodes = *dom;
  const int32_t i = static_cast<int32_t>(nodes.size());
  DomNode n;
  n.parent = parent;
  n.tag = tag;
  n.class_key = class_key;
  n.text_chars = text_chars;
  n.link_chars = link_chars;
  n.end = i + 1;
  nodes.push_back(n);
  for (int32_t a = parent; a >= 0; a = nodes[a].parent) {
    nodes[a].end = i + 1;
    nodes[a].text_chars += text_chars;
    nodes[a].link_chars += link_chars;
  }
  return i;
}

int32_t AddContainer(DomTree* dom, int32_t parent, uint16_t tag) {
  return AddLeaf(dom, parent, tag, 0, 0, 0);
}

constexpr uint16_t kDiv = 1, kUl = 2, kLi = 3;

TEST(CardGridTest, FindsCardsWithTextBeyondTheirLinks) {
  DomTree dom;
  const int32_t body = AddContainer(&dom, -1, kDiv);
  const int32_t menu = AddContainer(&dom, body, kUl);
  for (int i = 0; i < 8; ++i)
    AddLeaf(&dom, menu, kLi, 0, 12, 12);  // links alone
  const int32_t grid = AddContainer(&dom, body, kDiv);
  for (int i = 0; i < 5; ++i)
    AddLeaf(&dom, grid, kDiv, 77, 30, 20);  // title + price
  AddLeaf(&dom, grid, kDiv, 99, 5, 0);      // a different child is not a card
  const CardGrid found = FindCardGrid(kScoringParams, dom);
  EXPECT_EQ(found.parent, grid);
  EXPECT_EQ(found.cards, 5);
  EXPECT_EQ(found.chars, 150);
}

TEST(CardGridTest, TooFewCardsOrANegativeContainerIsNoGrid) {
  DomTree dom;
  const int32_t body = AddContainer(&dom, -1, kDiv);
  const int32_t few = AddContainer(&dom, body, kDiv);
  for (int i = 0; i < 3; ++i) AddLeaf(&dom, few, kDiv, 77, 30, 20);
  const int32_t related = AddContainer(&dom, body, kDiv);
  for (int i = 0; i < 6; ++i) AddLeaf(&dom, related, kDiv, 78, 30, 20);
  for (int32_t i = related; i < dom[related].end; ++i)
    dom[i].negative_ancestor = related;
  EXPECT_EQ(FindCardGrid(kScoringParams, dom).parent, -1);
}

TEST(CardGridTest, EmptyTreeHasNoGrid) {
  EXPECT_EQ(FindCardGrid(kScoringParams, DomTree()).parent, -1);
}

}  // namespace
}  // namespace declutter::extract
