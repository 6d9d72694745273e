#include "service/extract/select/card_grid.h"

#include <vector>

namespace declutter::extract {
namespace {

// Distinct child structures tracked per parent; the rest are not a grid's
// cards.
constexpr size_t kMaxGroups = 16;

// Tag-only keys live above every class key's range of tags, so the two never
// meet.
uint32_t BuildKey(const DomNode& n) {
  return n.class_key != 0 ? n.class_key : 0x80000000u | n.tag;
}

struct Group {
  uint32_t key = 0;
  int32_t cards = 0;
  int32_t with_own_text = 0;
  int64_t chars = 0;
};

}  // namespace

CardGrid FindCardGrid(const ScoringParams& params, const DomTree& nodes) {
  CardGrid best;
  std::vector<Group> groups;
  for (size_t p = 0; p < nodes.size(); ++p) {
    const DomNode& parent = nodes[p];
    if (parent.negative_ancestor >= 0 ||
        parent.end - static_cast<int32_t>(p) <= params.min_grid_cards) {
      continue;
    }
    groups.clear();
    for (int32_t c = static_cast<int32_t>(p) + 1; c < parent.end;
         c = nodes[c].end) {
      const DomNode& child = nodes[c];
      if (child.negative_ancestor >= 0 || child.link_chars == 0 ||
          child.text_chars < params.min_card_chars ||
          child.text_chars > params.max_card_chars) {
        continue;
      }
      const uint32_t key = BuildKey(child);
      Group* group = nullptr;
      for (Group& g : groups) {
        if (g.key == key) group = &g;
      }
      if (group == nullptr) {
        if (groups.size() == kMaxGroups) continue;
        group = &groups.emplace_back();
        group->key = key;
      }
      ++group->cards;
      group->with_own_text += child.text_chars > child.link_chars;
      group->chars += child.text_chars;
    }
    for (const Group& g : groups) {
      if (g.cards < params.min_grid_cards || g.with_own_text * 2 < g.cards ||
          g.chars <= best.chars) {
        continue;
      }
      best.parent = static_cast<int32_t>(p);
      best.cards = g.cards;
      best.chars = g.chars;
    }
  }
  return best;
}

}  // namespace declutter::extract
