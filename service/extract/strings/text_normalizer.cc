#include "service/extract/strings/text_normalizer.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <cstring>

#include "absl/strings/str_cat.h"
#include "service/extract/strings/utf8.h"

namespace declutter::extract {
namespace {

// Characters next to which a zero-width joiner or non-joiner carries meaning: the
// scripts that shape letters by joining (Hebrew through the Indic and Southeast Asian
// blocks: Persian "می‌خواهم" needs its ZWNJ) and emoji sequences ("👩‍💻", "❤️‍🔥").
bool JoinerMatters(uint32_t cp) {
  return (cp >= 0x590 && cp <= 0x1FFF) || (cp >= 0x2600 && cp <= 0x27BF) ||
         cp == 0xFE0F || cp >= 0x1F000;
}

bool IsJoiner(uint32_t cp) { return cp == 0x200C || cp == 0x200D; }

bool IsInvisible(uint32_t cp) {
  return cp == 0x200B || IsJoiner(cp) || cp == 0x2060 ||
         cp == 0xFEFF || cp == 0xAD || (cp < 0x20 && cp != '\n' && cp != '\t') ||
         (cp >= 0x7F && cp < 0xA0);
}

std::string Fold(absl::string_view s, bool keep_newlines) {
  std::string out;
  out.reserve(s.size());
  int newlines = 0;
  bool space = false;
  uint32_t previous = 0;  // the last character kept
  for (size_t i = 0; i < s.size();) {
    const size_t start = i;
    const uint32_t cp = NextCodePoint(s, &i);
    if (IsJoiner(cp) && !space && newlines == 0 && JoinerMatters(previous)) {
      size_t peek = i;
      if (peek < s.size() && JoinerMatters(NextCodePoint(s, &peek))) {
        absl::StrAppend(&out, s.substr(start, i - start));
        continue;
      }
    }
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
    previous = cp;
    absl::StrAppend(&out, s.substr(start, i - start));
  }
  return out;
}

bool IsControlByte(unsigned char c) {
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r') || c == 0x7F;
}

}  // namespace

int64_t TextNormalizer::RemoveControlCharacters(std::string* utf8) {
  std::string& s = *utf8;
  // Most pages have none: find the first before writing anything, skipping eight
  // bytes at a time while none is below 0x20 and none is 0x7F or 0xC2.
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  constexpr uint64_t kHigh = 0x8080808080808080ULL;
  auto has_zero_byte = [](uint64_t v) { return ((v - kOnes) & ~v & kHigh) != 0; };
  auto is_control_at = [&s](size_t i) {
    const auto c = static_cast<unsigned char>(s[i]);
    return IsControlByte(c) ||
           (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) < 0xA0);
  };
  size_t first = 0;
  while (first < s.size()) {
    if (first + 8 <= s.size()) {
      uint64_t v;
      std::memcpy(&v, s.data() + first, 8);
      const bool below_0x20 = ((v - kOnes * 0x20) & ~v & kHigh) != 0;
      if (!below_0x20 && !has_zero_byte(v ^ (kOnes * 0x7F)) &&
          !has_zero_byte(v ^ (kOnes * 0xC2))) {
        first += 8;
        continue;
      }
    }
    if (is_control_at(first)) break;
    ++first;
  }
  if (first == s.size()) return 0;
  size_t out = first;
  int64_t removed = 0;
  for (size_t i = first; i < s.size();) {
    // C1 controls are U+0080-U+009F: 0xC2 followed by 0x80-0x9F.
    if (is_control_at(i)) {
      const size_t len = static_cast<unsigned char>(s[i]) == 0xC2 ? 2 : 1;
      ++removed;
      i += len;
      continue;
    }
    if (out != i) s[out] = s[i];
    ++out;
    ++i;
  }
  s.resize(out);
  return removed;
}

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
