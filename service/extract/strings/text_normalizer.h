// Final clean-up of output strings: Unicode NFC, control and zero-width characters
// removed, whitespace runs folded to one space (newlines kept as paragraph structure).
// Stateless; thread-safe.

#ifndef DECLUTTER_SERVICE_EXTRACT_STRINGS_TEXT_NORMALIZER_H_
#define DECLUTTER_SERVICE_EXTRACT_STRINGS_TEXT_NORMALIZER_H_

#include <cstdint>
#include <string>
#include "absl/strings/string_view.h"

namespace declutter::extract {

class TextNormalizer {
 public:
  // Normalises one line or paragraph: no newlines survive.
  static std::string NormalizeInline(absl::string_view utf8);
  // Normalises multi-paragraph text: runs of blank lines fold to one blank line.
  static std::string NormalizeText(absl::string_view utf8);
  // Folds every whitespace run (Unicode White_Space, newlines included) to one space,
  // trims both ends and drops invisible and control characters. No NFC: cheap enough
  // for every line of a page.
  static std::string CollapseSpaces(absl::string_view utf8);
  // Unicode NFC of `utf8` (unchanged when already NFC, the common case).
  static std::string Nfc(absl::string_view utf8);
  // Removes, in place, the C0 controls other than tab, newline, form feed and carriage
  // return, DEL, and the C1 controls U+0080-U+009F: no text means them, and an HTML
  // parser turns them into U+FFFD. Returns how many were removed. For whole decoded
  // pages: one pass over the bytes, no allocation when there is nothing to remove.
  static int64_t RemoveControlCharacters(std::string* utf8);
};

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_STRINGS_TEXT_NORMALIZER_H_
