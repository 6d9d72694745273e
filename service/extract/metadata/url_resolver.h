// Resolves a URL reference found in a page against the page's URL (RFC 3986
// reference resolution, simplified: no dot-segment removal beyond what sites
// need). Never fetches. Pure; thread-safe.

#ifndef DECLUTTER_SERVICE_EXTRACT_METADATA_URL_RESOLVER_H_
#define DECLUTTER_SERVICE_EXTRACT_METADATA_URL_RESOLVER_H_

#include <string>

#include "absl/strings/string_view.h"

namespace declutter::extract {

class UrlResolver {
 public:
  // `reference` made absolute against `base`. Returns `reference` unchanged
  // when it is already absolute, and "" when it cannot be made absolute (no
  // usable base) or is a javascript:/data: URL.
  static std::string Resolve(absl::string_view base,
                             absl::string_view reference);
};

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_METADATA_URL_RESOLVER_H_
