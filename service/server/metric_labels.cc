#include "service/server/metric_labels.h"

#include <algorithm>
#include <array>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "service/extract/decode/charset_detector.h"

namespace declutter::server {
namespace {

// ISO 639-1 two-letter codes (all 184), then the other codes the language
// identifier (CLD2) reports: ISO 639 three-letter codes of languages without a
// two-letter one, and withdrawn two-letter codes. A page's lang attribute can
// name anything; only these become labels.
constexpr std::array<absl::string_view, 184> kTwoLetterLanguages = {
    "aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az",
    "ba", "be", "bg", "bh", "bi", "bm", "bn", "bo", "br", "bs", "ca", "ce",
    "ch", "co", "cr", "cs", "cu", "cv", "cy", "da", "de", "dv", "dz", "ee",
    "el", "en", "eo", "es", "et", "eu", "fa", "ff", "fi", "fj", "fo", "fr",
    "fy", "ga", "gd", "gl", "gn", "gu", "gv", "ha", "he", "hi", "ho", "hr",
    "ht", "hu", "hy", "hz", "ia", "id", "ie", "ig", "ii", "ik", "io", "is",
    "it", "iu", "ja", "jv", "ka", "kg", "ki", "kj", "kk", "kl", "km", "kn",
    "ko", "kr", "ks", "ku", "kv", "kw", "ky", "la", "lb", "lg", "li", "ln",
    "lo", "lt", "lu", "lv", "mg", "mh", "mi", "mk", "ml", "mn", "mr", "ms",
    "mt", "my", "na", "nb", "nd", "ne", "ng", "nl", "nn", "no", "nr", "nv",
    "ny", "oc", "oj", "om", "or", "os", "pa", "pi", "pl", "ps", "pt", "qu",
    "rm", "rn", "ro", "ru", "rw", "sa", "sc", "sd", "se", "sg", "si", "sk",
    "sl", "sm", "sn", "so", "sq", "sr", "ss", "st", "su", "sv", "sw", "ta",
    "te", "tg", "th", "ti", "tk", "tl", "tn", "to", "tr", "ts", "tt", "tw",
    "ty", "ug", "uk", "ur", "uz", "ve", "vi", "vo", "wa", "wo", "xh", "yi",
    "yo", "za", "zh", "zu",
};
// "iw" and "jw" are the withdrawn codes of Hebrew and Javanese, which CLD2
// still reports.
constexpr std::array<absl::string_view, 12> kOtherLanguageCodes = {
    "ceb", "chr", "fil", "haw", "hmn", "iw",
    "jw",  "kha", "lif", "mfe", "nso", "syr",
};

template <size_t N>
bool Contains(const std::array<absl::string_view, N>& list,
              absl::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace

std::string CharsetLabel(absl::string_view charset) {
  if (charset.empty()) return "";
  // The engine decodes from a closed set of converters (the WHATWG table's).
  for (const std::string& known : extract::CharsetDetector::KnownCharsets()) {
    if (absl::EqualsIgnoreCase(known, charset)) return known;
  }
  return kOtherLabel;
}

std::string LanguageLabel(absl::string_view language) {
  if (language.empty()) return "";
  const size_t end = language.find_first_of("-_");
  const std::string primary = absl::AsciiStrToLower(language.substr(0, end));
  if (Contains(kTwoLetterLanguages, primary) ||
      Contains(kOtherLanguageCodes, primary)) {
    return primary;
  }
  return kOtherLabel;
}

}  // namespace declutter::server
