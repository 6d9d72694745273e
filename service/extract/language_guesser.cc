#include "service/extract/language_guesser.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>

#include "absl/strings/ascii.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "service/extract/text_features.h"

namespace declutter::extract {
namespace {

constexpr int kSampleHan = 400;  // enough characters to tell the scripts apart

std::unique_ptr<icu::Transliterator> MakeTransliterator(const char* id) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
      icu::UnicodeString::fromUTF8(id), UTRANS_FORWARD, status));
  return U_SUCCESS(status) ? std::move(t) : nullptr;
}

// Number of characters of `sample` that `t` rewrites.
int Changed(icu::Transliterator* t, const icu::UnicodeString& sample) {
  if (t == nullptr) return 0;
  icu::UnicodeString copy = sample;
  t->transliterate(copy);
  int changed = 0;
  const int32_t n = std::min(copy.length(), sample.length());
  for (int32_t i = 0; i < n; ++i) changed += copy.charAt(i) != sample.charAt(i);
  return changed;
}

std::string NormalizeTag(absl::string_view declared) {
  std::string tag(absl::StripAsciiWhitespace(declared));
  std::replace(tag.begin(), tag.end(), '_', '-');
  if (tag.size() > 35) return "";
  std::vector<std::string> parts = absl::StrSplit(tag, '-');
  if (parts.empty() || parts[0].size() < 2 || parts[0].size() > 3) return "";
  for (char c : parts[0]) {
    if (!absl::ascii_isalpha(c)) return "";
  }
  parts[0] = absl::AsciiStrToLower(parts[0]);
  for (size_t i = 1; i < parts.size(); ++i) {
    if (parts[i].size() == 2) parts[i] = absl::AsciiStrToUpper(parts[i]);
    if (parts[i].size() == 4) {
      parts[i] = absl::AsciiStrToLower(parts[i]);
      parts[i][0] = absl::ascii_toupper(parts[i][0]);
    }
  }
  return absl::StrJoin(parts, "-");
}

}  // namespace

std::string LanguageGuesser::ChineseScript(absl::string_view text) {
  thread_local std::unique_ptr<icu::Transliterator> to_simplified =
      MakeTransliterator("Hant-Hans");
  thread_local std::unique_ptr<icu::Transliterator> to_traditional =
      MakeTransliterator("Hans-Hant");
  icu::UnicodeString sample;
  int han = 0;
  for (size_t i = 0; i < text.size() && han < kSampleHan;) {
    const uint32_t cp = NextCodePoint(text, &i);
    if (cp >= 0x4E00 && cp <= 0x9FFF) {
      sample.append(static_cast<UChar32>(cp));
      ++han;
    }
  }
  const int traditional = Changed(to_simplified.get(), sample);
  const int simplified = Changed(to_traditional.get(), sample);
  return traditional > simplified ? "zh-Hant" : "zh-Hans";
}

std::string LanguageGuesser::Guess(absl::string_view text, absl::string_view declared) {
  int han = 0, kana = 0, hangul = 0, letters = 0;
  size_t i = 0;
  for (int seen = 0; i < text.size() && seen < 4000; ++seen) {
    const uint32_t cp = NextCodePoint(text, &i);
    if (cp >= 0x3040 && cp <= 0x30FF) {
      ++kana;
    } else if (cp >= 0xAC00 && cp <= 0xD7AF) {
      ++hangul;
    } else if (IsHanLike(cp)) {
      ++han;
    } else if (cp < 0x250 && absl::ascii_isalpha(static_cast<char>(cp & 0x7F)) && cp < 0x80) {
      ++letters;
    }
  }
  const std::string tag = NormalizeTag(declared);
  const int total = han + kana + hangul + letters;
  if (total > 0) {
    if (kana * 10 > total) return "ja";
    if (hangul * 4 > total) return "ko";
    if (han * 4 > total) return ChineseScript(text);
  }
  if (!tag.empty() && tag.substr(0, 2) != "zh") return tag;
  // English function words, as a last resort for undeclared Latin text.
  int function_words = 0, words = 0;
  for (absl::string_view w : absl::StrSplit(text.substr(0, 4000), ' ')) {
    ++words;
    const std::string lw = absl::AsciiStrToLower(w);
    if (lw == "the" || lw == "and" || lw == "of" || lw == "to" || lw == "is" ||
        lw == "in" || lw == "that" || lw == "for") {
      ++function_words;
    }
  }
  if (words >= 5 && function_words * 12 >= words) return "en";
  return tag;
}

}  // namespace declutter::extract
