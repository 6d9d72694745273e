// Converts bytes in a known charset to UTF-8 with ICU.
//
// Invalid or unmappable sequences become U+FFFD and are counted; a multi-byte sequence
// cut by the end of input is one such sequence. Never fails on content: only an
// unknown charset name is an error. Stateless and thread-safe.

#ifndef DECLUTTER_SERVICE_EXTRACT_DECODE_TEXT_DECODER_H_
#define DECLUTTER_SERVICE_EXTRACT_DECODE_TEXT_DECODER_H_

#include <cstdint>
#include <string>
#include "absl/strings/string_view.h"

#include "absl/status/statusor.h"

namespace declutter::extract {

struct DecodedText {
  std::string utf8;
  int64_t replacement_count = 0;
};

class TextDecoder {
 public:
  // `charset` is an ICU converter name (see CharsetDetector::CanonicalCharset).
  static absl::StatusOr<DecodedText> ToUtf8(absl::string_view bytes,
                                            absl::string_view charset);

  // The number of invalid or unmappable sequences in `bytes` read as `charset`, without
  // building the text. `bytes` may be a prefix: a sequence cut by its end is not
  // counted. INT64_MAX when ICU cannot decode `charset` at all.
  static int64_t CountInvalid(absl::string_view bytes, absl::string_view charset);
};

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_DECODE_TEXT_DECODER_H_
