#include "service/extract/blocks/boilerplate_lexicon.h"

#include "service/extract/strings/phrase_matcher.h"

namespace declutter::extract {
namespace {

constexpr LexiconEntry kEntries[] = {
#include "service/extract/data/boilerplate_lexicon.inc"
};

const PhraseMatcher& EntryMatcher() {
  static const PhraseMatcher* const matcher =
      PhraseMatcher::NewForTable(kEntries, &LexiconEntry::phrase);
  return *matcher;
}

// Whether `e` is better evidence than `best`; among entries of equal strength
// and length, the one listed first.
bool Beats(const LexiconEntry& e, const LexiconEntry* best) {
  if (best == nullptr) return true;
  if (e.strength != best->strength) return e.strength > best->strength;
  if (e.phrase.size() != best->phrase.size())
    return e.phrase.size() > best->phrase.size();
  return &e < best;
}

}  // namespace

const LexiconEntry* BoilerplateLexicon::Find(absl::string_view text) {
  const LexiconEntry* best = nullptr;
  EntryMatcher().Scan(text, [&best](size_t index, size_t) {
    if (Beats(kEntries[index], best)) best = &kEntries[index];
    return true;
  });
  return best;
}

}  // namespace declutter::extract
