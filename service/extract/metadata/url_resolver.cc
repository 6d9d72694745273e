#include "service/extract/metadata/url_resolver.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace declutter::extract {
namespace {

// Length of "scheme:" at the start, or 0.
size_t SchemeLength(absl::string_view url) {
  for (size_t i = 0; i < url.size() && i < 32; ++i) {
    const char c = url[i];
    if (c == ':') return i > 0 ? i + 1 : 0;
    if (!(absl::ascii_isalnum(c) || c == '+' || c == '-' || c == '.')) return 0;
  }
  return 0;
}

}  // namespace

std::string UrlResolver::Resolve(absl::string_view base,
                                 absl::string_view ref) {
  ref = absl::StripAsciiWhitespace(ref);
  if (ref.empty()) return "";
  if (absl::StartsWithIgnoreCase(ref, "javascript:") ||
      absl::StartsWithIgnoreCase(ref, "data:")) {
    return "";
  }
  if (SchemeLength(ref) > 0) return std::string(ref);
  const size_t scheme = SchemeLength(base);
  if (scheme == 0 || base.substr(scheme, 2) != "//") return "";
  if (absl::StartsWith(ref, "//"))
    return absl::StrCat(base.substr(0, scheme), ref);
  const size_t authority_end = base.find_first_of("/?#", scheme + 2);
  const absl::string_view origin = base.substr(0, authority_end);
  if (ref.front() == '/') return absl::StrCat(origin, ref);
  if (ref.front() == '?' || ref.front() == '#') {
    const size_t cut = base.find(ref.front() == '?' ? "?" : "#");
    return absl::StrCat(base.substr(0, cut), ref);
  }
  absl::string_view path = authority_end == absl::string_view::npos
                               ? absl::string_view("/")
                               : base.substr(authority_end);
  path = path.substr(0, path.find_first_of("?#"));
  path = path.substr(0, path.rfind('/') + 1);
  if (path.empty()) path = "/";
  while (absl::StartsWith(ref, "./")) ref.remove_prefix(2);
  std::string dir(path);
  while (absl::StartsWith(ref, "../")) {
    ref.remove_prefix(3);
    if (dir.size() > 1) {
      dir.pop_back();
      dir.resize(dir.rfind('/') + 1);
    }
  }
  return absl::StrCat(origin, dir, ref);
}

}  // namespace declutter::extract
