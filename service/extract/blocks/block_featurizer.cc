#include "service/extract/blocks/block_featurizer.h"

#include <cstdint>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "service/extract/blocks/sequence_features.h"

namespace declutter::extract {
namespace {

// The sum of each node's ancestors' hints, in one pre-order pass (parents
// first).
std::vector<int32_t> AncestorHints(const DomTree& nodes) {
  std::vector<int32_t> sums(nodes.size(), 0);
  for (size_t i = 0; i < nodes.size(); ++i) {
    const int32_t parent = nodes[i].parent;
    if (parent >= 0) sums[i] = sums[parent] + nodes[parent].hint;
  }
  return sums;
}

// The reading weight of block text under each element, and its code points
// in all and inside links.
struct SubtreeText {
  std::vector<double> weight;
  std::vector<int64_t> chars, link_chars;
};

SubtreeText SumSubtreeText(const DomTree& nodes, const BlockList& blocks) {
  SubtreeText sums{std::vector<double>(nodes.size(), 0.0),
                   std::vector<int64_t>(nodes.size(), 0),
                   std::vector<int64_t>(nodes.size(), 0)};
  for (const Block& b : blocks) {
    if (b.node < 0 || static_cast<size_t>(b.node) >= nodes.size()) continue;
    sums.weight[b.node] += b.features.text.Weight();
    sums.chars[b.node] += b.features.text.chars;
    sums.link_chars[b.node] += b.link_chars;
  }
  // Children come after their parents in pre-order: one backward pass.
  for (size_t i = nodes.size(); i-- > 0;) {
    if (const int32_t parent = nodes[i].parent; parent >= 0) {
      sums.weight[parent] += sums.weight[i];
      sums.chars[parent] += sums.chars[i];
      sums.link_chars[parent] += sums.link_chars[i];
    }
  }
  return sums;
}

// How many children of each element's parent share its tag and first class,
// itself included (1 for an only child): one count per (parent, tag, class)
// over the whole tree.
std::vector<int32_t> LikeSiblings(const DomTree& nodes) {
  const auto key = [&](size_t i) {
    return std::make_pair(nodes[i].parent,
                          (uint64_t{nodes[i].tag} << 32) | nodes[i].class_key);
  };
  absl::flat_hash_map<std::pair<int32_t, uint64_t>, int32_t> count;
  count.reserve(nodes.size());
  for (size_t i = 0; i < nodes.size(); ++i) ++count[key(i)];
  std::vector<int32_t> like(nodes.size(), 1);
  for (size_t i = 0; i < nodes.size(); ++i) like[i] = count[key(i)];
  return like;
}

double Share(int64_t part, int64_t whole) {
  return whole <= 0 ? 0.0 : static_cast<double>(part) / whole;
}

}  // namespace

void ComputeBlockFeatures(const DomTree* dom, BlockList* blocks, size_t from) {
  BlockList& bs = *blocks;
  if (from >= bs.size()) return;
  const double last = bs.size() > 1 ? static_cast<double>(bs.size() - 1) : 1.0;
  for (size_t i = from; i < bs.size(); ++i) {
    Block& b = bs[i];
    BlockFeatures& f = b.features;
    f.text = ComputeTextFeatures(b.text);
    f.link_density = f.text.chars == 0
                         ? 0.0
                         : static_cast<double>(b.link_chars) / f.text.chars;
    f.position = static_cast<double>(i) / last;
    f.dom = DomContext();
  }
  std::vector<absl::string_view> texts;
  std::vector<const TextFeatures*> text_features;
  texts.reserve(bs.size());
  text_features.reserve(bs.size());
  for (const Block& b : bs) {
    texts.push_back(b.text);
    text_features.push_back(&b.features.text);
  }
  std::vector<SequenceFeatures> sequence =
      SequenceFeaturizer::Compute(texts, text_features);
  for (size_t i = from; i < bs.size(); ++i)
    bs[i].features.sequence = sequence[i];
  if (dom == nullptr) return;
  const DomTree& nodes = *dom;
  const std::vector<int32_t> ancestor_hints = AncestorHints(nodes);
  const SubtreeText subtree = SumSubtreeText(nodes, bs);
  const std::vector<int32_t> like_siblings = LikeSiblings(nodes);
  for (size_t i = from; i < bs.size(); ++i) {
    Block& b = bs[i];
    if (b.node < 0 || static_cast<size_t>(b.node) >= nodes.size()) continue;
    DomContext& d = b.features.dom;
    const DomNode& n = nodes[b.node];
    d.tag = n.tag;
    d.depth = n.depth;
    d.hint = n.hint;
    d.ancestor_hint = ancestor_hints[b.node];
    if (n.negative_ancestor >= 0) {
      d.in_negative = true;
      d.negative_kind = nodes[n.negative_ancestor].hint_kind;
    }
    d.like_siblings = like_siblings[b.node];
    if (const int32_t parent = n.parent; parent >= 0) {
      d.parent_weight = subtree.weight[parent];
      d.parent_link_density =
          Share(subtree.link_chars[parent], subtree.chars[parent]);
      if (const int32_t grand = nodes[parent].parent; grand >= 0) {
        d.grandparent_weight = subtree.weight[grand];
        d.grandparent_link_density =
            Share(subtree.link_chars[grand], subtree.chars[grand]);
      }
    }
  }
}

}  // namespace declutter::extract
