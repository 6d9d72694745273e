// The decode stage: a page's raw bytes to the UTF-8 text every later stage
// reads, and the kind (HTML or text) it is cleaned as.
//
// In order: the charset (CharsetDetector; the <meta> prescan is skipped when
// the caller or the Content-Type says the page is plain text, where "<meta" is
// just text), the check that the bytes are a page at all
// (InputSniffer::CheckCleanable), ICU decoding (TextDecoder), mojibake repair
// (MojibakeRepairer) and control-character removal (TextNormalizer). Only then
// is the kind decided, once, on the decoded text (InputSniffer::Decide): markup
// in UTF-16 is not visible in its raw bytes.
//
// Input: a Page, whose bytes the caller keeps alive for the call. Output: a
// DecodedPage that owns its text, and in `*input` the charset and its source,
// the replacement and repair counts and the kind. Or an error, leaving `*input`
// as it was: INVALID_ARGUMENT when the bytes are not a page (empty, binary),
// INTERNAL when ICU fails to decode.
// Stateless; thread-safe.

#ifndef DECLUTTER_SERVICE_EXTRACT_DECODE_PAGE_DECODER_H_
#define DECLUTTER_SERVICE_EXTRACT_DECODE_PAGE_DECODER_H_

#include <string>

#include "absl/status/statusor.h"
#include "service/extract/page.h"
#include "service/extract/result.h"

namespace declutter::extract {

struct DecodedPage {
  // Valid UTF-8, mojibake repaired, control characters removed.
  std::string utf8;
  InputKind kind = InputKind::kText;  // kHtml or kText, never kAuto
};

// Decodes `page.content` as described above. `input` must not be null.
absl::StatusOr<DecodedPage> DecodePage(const Page& page, InputInfo* input);

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_DECODE_PAGE_DECODER_H_
