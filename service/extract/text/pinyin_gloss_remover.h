// Removes pinyin glosses that scrapers glue after Han characters: 衛(wèi)生 -> 衛生.
//
// A gloss is "(syllable)" right after a Han character, the syllable made of pinyin
// letters with at least one tone mark. They are removed only when a page has at least
// kMinGlosses of them: one deliberate 字(zì) in a textbook survives, a page where every
// other word carries one is repaired. Linear in the input. Stateless; thread-safe.

#ifndef DECLUTTER_SERVICE_EXTRACT_TEXT_PINYIN_GLOSS_REMOVER_H_
#define DECLUTTER_SERVICE_EXTRACT_TEXT_PINYIN_GLOSS_REMOVER_H_

#include <string>

#include "absl/strings/string_view.h"

namespace declutter::extract {

class PinyinGlossRemover {
 public:
  static constexpr int kMinGlosses = 3;

  // Returns the number of glosses removed from `*text` (0 when under the threshold).
  static int Remove(std::string* text);
};

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_TEXT_PINYIN_GLOSS_REMOVER_H_
