// Decides which charset a page's bytes are in, in the WHATWG order of evidence:
// byte-order mark, the transport (Content-Type) charset, a <meta> prescan of
// the first 1,024 bytes, then the bytes themselves (valid UTF-8, else ICU's
// CharsetDetector). A declaration the bytes contradict is overruled: non-ASCII
// bytes that are valid UTF-8 are decoded as UTF-8 whatever the label, and bytes
// labelled UTF-8 that are not valid UTF-8 go to the detector; the source then
// says "bytes-over-<source>".
//
// Stateless and thread-safe. Labels are mapped the WHATWG way (gb2312 and gbk
// decode as GB18030, iso-8859-1 and us-ascii as windows-1252) and checked
// against the converters ICU has; a label ICU does not know is ignored as
// evidence rather than trusted.

#ifndef DECLUTTER_SERVICE_EXTRACT_DECODE_CHARSET_DETECTOR_H_
#define DECLUTTER_SERVICE_EXTRACT_DECODE_CHARSET_DETECTOR_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace declutter::extract {

struct CharsetDecision {
  std::string charset;  // an ICU converter name, e.g. "UTF-8", "GB18030"
  // "bom", "content-type", "meta", "detected", "default",
  // "bytes-over-content-type", "bytes-over-meta".
  std::string source;
  size_t bom_bytes = 0;  // bytes of byte-order mark to skip before decoding
};

class CharsetDetector {
 public:
  // `content_type` is the HTTP header value (may be empty).
  // `allow_meta_prescan` is false for plain-text input, where a "<meta" string
  // is just text.
  static CharsetDecision Decide(absl::string_view bytes,
                                absl::string_view content_type,
                                bool allow_meta_prescan);

  // Every charset Decide can return, each once, in the table's order: the ICU
  // converter names of data/charset_labels.inc (a closed set, which the
  // server's metric labels use).
  static const std::vector<std::string>& KnownCharsets();

  // Where a label was read: UTF-16 labels count only in HTTP's Content-Type.
  enum class LabelSource { kTransport, kDocument };

  // Maps a charset label to the ICU converter name to decode it with, by the
  // WHATWG Encoding Standard's table (data/charset_labels.inc), or "" when the
  // label is not in it (then the bytes are detected).
  static std::string CanonicalCharset(
      absl::string_view label, LabelSource source = LabelSource::kDocument);

  // The `charset` parameter of a Content-Type value, unquoted; "" when absent.
  static absl::string_view CharsetFromContentType(
      absl::string_view content_type);

  // The charset declared by <meta charset> or <meta http-equiv content> in the
  // first 1,024 bytes; "" when none.
  static std::string MetaPrescan(absl::string_view bytes);
};

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_DECODE_CHARSET_DETECTOR_H_
