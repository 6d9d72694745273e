#include "service/extract/text_normalizer.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "absl/strings/str_cat.h"
#include "service/extract/text_features.h"

namespace declutter::extract {
namespace {

bool IsInvisible(uint32_t cp) {
  return cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2060 ||
         cp == 0xFEFF || cp == 0xAD || (cp < 0x20 && cp != '\n' && cp != '\t') ||
         (cp >= 0x7F && cp < 0xA0);
}

std::string Fold(absl::string_view s, bool keep_newlines) {
  std::string out;
  out.reserve(s.size());
  int newlines = 0;
  bool space = false;
  for (size_t i = 0; i < s.size();) {
    const size_t start = i;
    const uint32_t cp = NextCodePoint(s, &i);
    if (IsInvisible(cp)) continue;
    if (cp == '\n' && keep_newlines) {
      ++newlines;
      space = false;
      continue;
    }
    if (cp == '\n' || cp == '\t' || cp == ' ' || cp == 0xA0 || u_isUWhiteSpace(cp)) {
      space = true;
      continue;
    }
    if (!out.empty()) {
      if (newlines > 0) {
        out.append(newlines > 1 ? "\n\n" : "\n");
      } else if (space) {
        out.push_back(' ');
      }
    }
    newlines = 0;
    space = false;
    absl::StrAppend(&out, s.substr(start, i - start));
  }
  return out;
}

}  // namespace

std::string TextNormalizer::Nfc(absl::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return std::string(utf8);
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  if (nfc->quickCheck(text, status) == UNORM_YES && U_SUCCESS(status)) {
    return std::string(utf8);
  }
  status = U_ZERO_ERROR;
  icu::UnicodeString normalized = nfc->normalize(text, status);
  if (U_FAILURE(status)) return std::string(utf8);
  std::string out;
  normalized.toUTF8String(out);
  return out;
}

std::string TextNormalizer::CollapseSpaces(absl::string_view utf8) {
  return Fold(utf8, /*keep_newlines=*/false);
}

std::string TextNormalizer::NormalizeInline(absl::string_view utf8) {
  return Nfc(Fold(utf8, /*keep_newlines=*/false));
}

std::string TextNormalizer::NormalizeText(absl::string_view utf8) {
  return Nfc(Fold(utf8, /*keep_newlines=*/true));
}

}  // namespace declutter::extract
