#include "service/extract/boilerplate_lexicon.h"

namespace declutter::extract {
namespace {

constexpr LexiconEntry kEntries[] = {
#include "service/extract/data/boilerplate_lexicon.inc"
};

}  // namespace

const LexiconEntry* BoilerplateLexicon::Find(absl::string_view text) {
  const LexiconEntry* best = nullptr;
  for (const LexiconEntry& e : kEntries) {
    if (text.size() < e.phrase.size()) continue;
    if (text.find(e.phrase) == absl::string_view::npos) continue;
    if (best == nullptr || e.strength > best->strength ||
        (e.strength == best->strength && e.phrase.size() > best->phrase.size())) {
      best = &e;
    }
  }
  return best;
}

}  // namespace declutter::extract
