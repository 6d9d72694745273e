// Counts words with ICU's word BreakIterator, so Chinese, Japanese and Thai text get a
// real count (each dictionary word is one) rather than one "word" per line.
// Thread-safe (one iterator per thread).

#ifndef DECLUTTER_SERVICE_EXTRACT_OUTPUT_WORD_COUNTER_H_
#define DECLUTTER_SERVICE_EXTRACT_OUTPUT_WORD_COUNTER_H_

#include <cstdint>
#include "absl/strings/string_view.h"

namespace declutter::extract {

class WordCounter {
 public:
  static int32_t Count(absl::string_view utf8);
};

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_OUTPUT_WORD_COUNTER_H_
