// Label values for metrics whose source is a page: a page chooses its own
// charset label and lang attribute, so taken verbatim they would let any
// client create metric series without bound (`lang="en-x-e99"`,
// `charset=windows-1250,x99`). These functions map them to closed sets.
//
// Pure functions of their argument; thread-safe.

#ifndef DECLUTTER_SERVICE_SERVER_METRIC_LABELS_H_
#define DECLUTTER_SERVICE_SERVER_METRIC_LABELS_H_

#include <string>

#include "absl/strings/string_view.h"

namespace declutter::server {

// The value of `other` in either set.
inline constexpr char kOtherLabel[] = "other";

// `charset` (an ICU converter name or a page's label) as one of the engine's
// KnownCharsets() ("UTF-8", "windows-1252", "GB18030", ...), compared without
// case; "" stays "" (no charset, e.g. text input); anything else is "other".
std::string CharsetLabel(absl::string_view charset);

// The primary subtag of the BCP 47 tag `language`, lower case, when it is one
// of a fixed list of ISO 639 codes ("en-GB" -> "en", "zh-Hant" -> "zh"); ""
// stays "" (no language found); anything else is "other".
std::string LanguageLabel(absl::string_view language);

}  // namespace declutter::server

#endif  // DECLUTTER_SERVICE_SERVER_METRIC_LABELS_H_
