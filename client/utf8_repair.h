// Makes byte strings from outside (WARC headers, file names, JSONL lines) fit
// protobuf `string` fields, which must be well-formed UTF-8: a request with one
// bad byte cannot be serialized at all, so the server never sees the page.
//
// Well-formed is strict here (Unicode table 3-7): no overlong forms, no
// surrogates, nothing past U+10FFFF, and no sequence cut by the end of the
// string. Pure functions over values; thread-safe.

#ifndef DECLUTTER_CLIENT_UTF8_REPAIR_H_
#define DECLUTTER_CLIENT_UTF8_REPAIR_H_

#include <cstddef>
#include <string>

#include "absl/strings/string_view.h"

namespace declutter::client {

// The offset of the first byte of `s` that does not begin a well-formed UTF-8
// sequence; `s.size()` when all of `s` is well-formed.
size_t FirstInvalidUtf8(absl::string_view s);

// `url` with every byte that is not part of a well-formed UTF-8 sequence
// percent-encoded ("%E9"), as browsers send such URLs; the rest unchanged.
std::string PercentEncodeInvalidUtf8(absl::string_view url);

// A page id made from a file path: '%' and every byte that is not part of a
// well-formed UTF-8 sequence percent-encoded, the rest unchanged. Reversible
// (decode %XX to get the path back) and stable from run to run, so --resume
// finds the page; a UTF-8 path without '%' is its own id.
std::string IdOfPath(absl::string_view path);

// `text` with every byte that is not part of a well-formed UTF-8 sequence
// replaced by U+FFFD, for fields that are text and not identifiers.
std::string ReplaceInvalidUtf8(absl::string_view text);

}  // namespace declutter::client

#endif  // DECLUTTER_CLIENT_UTF8_REPAIR_H_
