// Decides what a page is: whether its raw bytes are something declutter cannot
// clean at all (binary formats sent raw), and whether its decoded text is HTML
// or plain text. Stateless; thread-safe.

#ifndef DECLUTTER_SERVICE_EXTRACT_DECODE_INPUT_SNIFFER_H_
#define DECLUTTER_SERVICE_EXTRACT_DECODE_INPUT_SNIFFER_H_

#include "absl/strings/string_view.h"

#include "absl/status/status.h"
#include "service/extract/page.h"

namespace declutter::extract {

class InputSniffer {
 public:
  // OK, or INVALID_ARGUMENT naming what the bytes look like (PDF, PNG, gzip, other
  // binary) when they are not a page. `charset` is the decided charset: UTF-16 text
  // legitimately has NUL bytes.
  static absl::Status CheckCleanable(absl::string_view bytes, absl::string_view charset);

  // The kind the caller's hint says, else the kind the Content-Type says; kAuto
  // when neither says one. Reads no bytes: all that is known before decoding.
  static InputKind Declared(InputKind hint, absl::string_view content_type);

  // The kind to treat the page as: Declared's when it says one, else HTML when
  // markup appears near the start of `text` (decoded: UTF-16's markup is not
  // visible in its raw bytes).
  static InputKind Decide(InputKind hint, absl::string_view content_type,
                          absl::string_view text);
};

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_DECODE_INPUT_SNIFFER_H_
