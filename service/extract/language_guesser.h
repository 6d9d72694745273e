// Names the language of extracted text as a BCP 47 tag. A first, script-based version:
// Han text is zh-Hans or zh-Hant by which characters it actually uses (ICU's Hant-Hans
// transliteration tells them apart), kana is ja, Hangul is ko; otherwise the page's
// declared language, else "en" when English function words dominate, else "".
// Thread-safe (ICU objects are per thread).

#ifndef DECLUTTER_SERVICE_EXTRACT_LANGUAGE_GUESSER_H_
#define DECLUTTER_SERVICE_EXTRACT_LANGUAGE_GUESSER_H_

#include <string>
#include "absl/strings/string_view.h"

namespace declutter::extract {

class LanguageGuesser {
 public:
  // `declared` is the page's own claim (<html lang>), possibly empty.
  static std::string Guess(absl::string_view text, absl::string_view declared);

  // "zh-Hant" when `text` uses more traditional-only than simplified-only characters,
  // else "zh-Hans".
  static std::string ChineseScript(absl::string_view text);
};

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_LANGUAGE_GUESSER_H_
