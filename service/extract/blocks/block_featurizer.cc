#include "service/extract/blocks/block_featurizer.h"

#include <vector>

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

}  // namespace

void ComputeBlockFeatures(const DomTree* dom, BlockList* blocks, size_t from) {
  BlockList& bs = *blocks;
  if (from >= bs.size()) return;
  const std::vector<int32_t> ancestor_hints =
      dom != nullptr ? AncestorHints(*dom) : std::vector<int32_t>();
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
    if (dom == nullptr || b.node < 0 ||
        static_cast<size_t>(b.node) >= dom->size())
      continue;
    const DomNode& n = (*dom)[b.node];
    f.dom.tag = n.tag;
    f.dom.depth = n.depth;
    f.dom.hint = n.hint;
    f.dom.ancestor_hint = ancestor_hints[b.node];
    if (n.negative_ancestor >= 0) {
      f.dom.in_negative = true;
      f.dom.negative_kind = (*dom)[n.negative_ancestor].hint_kind;
    }
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
}

}  // namespace declutter::extract
