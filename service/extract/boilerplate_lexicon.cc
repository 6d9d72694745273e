#include "service/extract/boilerplate_lexicon.h"

#include <array>

#include "service/extract/phrase_matcher.h"

namespace declutter::extract {
namespace {

constexpr LexiconEntry kEntries[] = {
#include "service/extract/data/boilerplate_lexicon.inc"
};

constexpr size_t kEntryCount = sizeof(kEntries) / sizeof(kEntries[0]);

const PhraseMatcher& EntryMatcher() {
  static const PhraseMatcher* const matcher = [] {
    std::array<absl::string_view, kEntryCount> phrases;
    for (size_t i = 0; i < kEntryCount; ++i) phrases[i] = kEntries[i].phrase;
    return new PhraseMatcher(phrases);
  }();
  return *matcher;
}

// Whether `e` is better evidence than `best`; among entries of equal strength and
// length, the one listed first.
bool Beats(const LexiconEntry& e, const LexiconEntry* best) {
  if (best == nullptr || e.strength != best->strength) {
    return best == nullptr || e.strength > best->strength;
  }
  if (e.phrase.size() != best->phrase.size()) return e.phrase.size() > best->phrase.size();
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
