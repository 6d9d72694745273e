#include "service/extract/select/structured_body.h"

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_split.h"
#include "service/extract/blocks/block_featurizer.h"
#include "service/extract/strings/text_normalizer.h"
#include "service/extract/strings/utf8.h"

namespace declutter::extract {

bool MayAddStructuredBody(const ScoringParams& p, int64_t body_chars,
                          const BlockList& blocks) {
  if (body_chars < p.min_structured_body_chars) return false;
  int64_t selected_chars = 0;
  for (const Block& b : blocks)
    selected_chars += b.selected ? b.features.text.chars : 0;
  return body_chars > selected_chars * 3 / 2;
}

void AddStructuredBody(const ScoringParams& p,
                       absl::string_view structured_body, BlockList* blocks) {
  // Most pages have no structured body: decide on lengths before building word
  // sets.
  if (!MayAddStructuredBody(p, CountCodePoints(structured_body), *blocks))
    return;
  absl::flat_hash_set<absl::string_view> selected_words;
  for (const Block& b : *blocks) {
    if (!b.selected) continue;
    for (absl::string_view w : absl::StrSplit(b.text, ' ', absl::SkipEmpty())) {
      selected_words.insert(w);
    }
  }
  // Already shown when most of its words are on the page's selection already.
  int words = 0, shown = 0;
  for (absl::string_view w : absl::StrSplit(
           structured_body, absl::ByAnyChar(" \n"), absl::SkipEmpty())) {
    if (++words > p.structured_words_compared) break;
    shown += selected_words.contains(w);
  }
  if (shown * 2 >= words) return;
  const size_t from = blocks->size();
  for (absl::string_view line : absl::StrSplit(structured_body, '\n')) {
    Block b;
    b.text = TextNormalizer::CollapseSpaces(line);
    if (b.text.empty()) continue;
    b.selected = true;
    blocks->push_back(std::move(b));
  }
  ComputeBlockFeatures(/*dom=*/nullptr, blocks, from);
}

}  // namespace declutter::extract
