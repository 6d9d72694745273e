// Repairs mojibake: text that was decoded with the wrong charset somewhere upstream
// (by the site's own CMS, a feed, a scraper) and re-encoded, so its bytes are valid but
// its characters are not the author's. Only the reversible forms are repaired, each
// found by its result decoding cleanly into plausible text:
//
//   - UTF-8 read as windows-1252 or Latin-1: "cafÃ©" -> "café", "itâ€™s" -> "it’s",
//     "Ð¿Ñ€Ð¸Ð²ÐµÑ‚" -> "привет", "Ã¢â‚¬â„¢" (done twice) -> "’".
//   - GBK read as Latin-1: "ÖÐÎÄ" -> "中文". Runs must decode to Han or CJK punctuation.
//   - windows-1252 read as Latin-1: the C1 control characters U+0080-U+009F, which no
//     text means, become the punctuation windows-1252 has at those bytes ("we\u0092re"
//     -> "we’re").
//
// Text with no character in U+0080-U+00FF (all pure ASCII, CJK or Cyrillic text) is
// left untouched after one fast scan. Stateless; thread-safe.

#ifndef DECLUTTER_SERVICE_EXTRACT_DECODE_MOJIBAKE_REPAIRER_H_
#define DECLUTTER_SERVICE_EXTRACT_DECODE_MOJIBAKE_REPAIRER_H_

#include <cstdint>
#include <string>

namespace declutter::extract {

class MojibakeRepairer {
 public:
  // Repairs `*utf8` (valid UTF-8) in place; returns the number of sequences repaired.
  static int64_t Repair(std::string* utf8);
};

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_DECODE_MOJIBAKE_REPAIRER_H_
