// Decides what a page's bytes are before any heavy work: HTML or text, and whether they
// are something declutter cannot clean at all (binary formats sent raw).
// Stateless; thread-safe.

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

  // The kind to treat the page as: the caller's hint when given, else the
  // Content-Type's, else HTML when markup appears near the start.
  static InputKind Decide(InputKind hint, absl::string_view content_type,
                          absl::string_view bytes);
};

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_DECODE_INPUT_SNIFFER_H_
