// Names the language of extracted text as a BCP 47 tag ("en", "pt-BR", "zh-Hant").
//
// The page's declaration (<html lang>, Content-Language) is checked against CLD2
// (Compact Language Detector 2) run on the text itself:
//   - CLD2 sure and agreeing with the declaration's language: the declared tag, which
//     may carry a region ("en-GB");
//   - CLD2 sure and disagreeing: CLD2's language (pages copy templates, and their
//     declarations, across languages);
//   - CLD2 unsure or silent: the declaration, else CLD2's best guess, else "".
// Chinese is always zh-Hans or zh-Hant, decided by the characters the text actually uses
// (ICU's Hant-Hans transliteration tells the scripts apart), whatever the declaration
// says: zh-TW pages written in simplified characters exist, and so do the reverse.
//
// Thread-safe (CLD2 is; the ICU transliterators are per thread). Reads at most the
// first 16 KiB of the text (a few thousand words settle any language).

#ifndef DECLUTTER_SERVICE_EXTRACT_OUTPUT_LANGUAGE_IDENTIFIER_H_
#define DECLUTTER_SERVICE_EXTRACT_OUTPUT_LANGUAGE_IDENTIFIER_H_

#include <string>

#include "absl/strings/string_view.h"

namespace declutter::extract {

class LanguageIdentifier {
 public:
  // `text` is UTF-8 article text. `declared` is the page's own claim, possibly empty:
  // a language tag or a Content-Language list ("en, fr"), whose first entry counts.
  static std::string Identify(absl::string_view text, absl::string_view declared);

  // "zh-Hant" when `text` uses more traditional-only than simplified-only characters,
  // else "zh-Hans".
  static std::string ChineseScript(absl::string_view text);

  // `declared` as a well-formed BCP 47 tag: '_' becomes '-', the language subtag lower
  // case, a region upper case, a script title case; the first entry of a list. "" when
  // it does not start with a 2-3 letter language subtag.
  static std::string NormalizeTag(absl::string_view declared);
};

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_OUTPUT_LANGUAGE_IDENTIFIER_H_
