// The boilerplate lexicon (data in data/boilerplate_lexicon.inc): phrases in
// simplified Chinese, traditional Chinese and English that mark page chrome.
//
// Immutable after static initialisation; thread-safe.

#ifndef DECLUTTER_SERVICE_EXTRACT_SCORE_BOILERPLATE_LEXICON_H_
#define DECLUTTER_SERVICE_EXTRACT_SCORE_BOILERPLATE_LEXICON_H_

#include "absl/strings/string_view.h"
#include "service/extract/result.h"

namespace declutter::extract {

enum LexiconStrength { kWeak, kStrong };

struct LexiconEntry {
  absl::string_view phrase;
  BlockKind kind;
  LexiconStrength strength;
  absl::string_view note;  // what the entry catches; reported as the reason
};

class BoilerplateLexicon {
 public:
  // The best-evidence entry found in `text`, or nullptr. A strong entry beats a
  // weak one; among equals, the longest phrase wins (it is the most specific).
  static const LexiconEntry* Find(absl::string_view text);
};

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_SCORE_BOILERPLATE_LEXICON_H_
