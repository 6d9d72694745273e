#include "service/extract/output/language_identifier.h"

// compact_lang_det.h uses FILE without including <cstdio>.
#include <cstdio>

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "service/extract/strings/utf8.h"

namespace declutter::extract {
namespace {

constexpr int kSampleHan = 400;              // enough characters to tell the scripts apart
constexpr size_t kMaxDetectBytes = 16 * 1024;  // CLD2's answer is settled long before

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

// The primary language subtag of a well-formed tag ("pt" of "pt-BR").
absl::string_view Primary(absl::string_view tag) {
  return tag.substr(0, tag.find('-'));
}

// CLD2's answer as a BCP 47 language subtag; "" when it names no language (unknown,
// a bare script, or one of CLD2's joke languages).
std::string Cld2Tag(CLD2::Language language) {
  if (language == CLD2::UNKNOWN_LANGUAGE || language == CLD2::TG_UNKNOWN_LANGUAGE) {
    return "";
  }
  const absl::string_view code = CLD2::LanguageCode(language);
  if (code.empty() || absl::StartsWith(code, "xx") || absl::StartsWith(code, "zz") ||
      code == "un" || code == "tlh") {
    return "";
  }
  // CLD2 predates these ISO 639 changes; BCP 47 wants the current codes.
  if (code == "iw") return "he";
  if (code == "jw") return "jv";
  if (code == "zh-Hant") return "zh";
  return std::string(code);
}

struct Detection {
  std::string language;  // BCP 47 language subtag; "" when CLD2 names none
  bool reliable = false;
};

// `declared_primary` boosts that language in CLD2's scoring, which settles close sets
// (ms/id, bs/hr/sr, da/no). Not for Chinese, Japanese or Korean: there CLD2 lets the hint
// override the characters ("zh" turns traditional text into "ja", "zh-TW" makes
// simplified text "zh-Hant"), and the characters are the better witness.
Detection DetectWithCld2(absl::string_view text, absl::string_view declared_primary) {
  // Cut at a character boundary: CLD2 rejects input that is not UTF-8 throughout.
  size_t len = std::min(text.size(), kMaxDetectBytes);
  while (len < text.size() && len > 0 && (text[len] & 0xC0) == 0x80) --len;
  const bool han_language =
      declared_primary == "zh" || declared_primary == "ja" || declared_primary == "ko";
  const std::string hint(han_language ? "" : declared_primary);
  CLD2::CLDHints hints = {hint.empty() ? nullptr : hint.c_str(), nullptr,
                          CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
  CLD2::Language language3[3];
  int percent3[3];
  double score3[3];
  int text_bytes = 0;
  int valid_prefix = 0;
  bool reliable = false;
  const CLD2::Language language = CLD2::ExtDetectLanguageSummaryCheckUTF8(
      text.data(), static_cast<int>(len), /*is_plain_text=*/true, &hints, /*flags=*/0,
      language3, percent3, score3, /*resultchunkvector=*/nullptr, &text_bytes, &reliable,
      &valid_prefix);
  return {Cld2Tag(language), reliable};
}

// Up to kSampleHan of the unified ideographs of `text`, in order.
icu::UnicodeString HanSample(absl::string_view text) {
  icu::UnicodeString sample;
  int han = 0;
  for (size_t i = 0; i < text.size() && i < kMaxDetectBytes && han < kSampleHan;) {
    const uint32_t cp = NextCodePoint(text, &i);
    if (cp >= 0x4E00 && cp <= 0x9FFF) {
      sample.append(static_cast<UChar32>(cp));
      ++han;
    }
  }
  return sample;
}

// "zh-Hant" when `sample` has more traditional-only than simplified-only characters.
std::string ScriptOf(const icu::UnicodeString& sample) {
  thread_local std::unique_ptr<icu::Transliterator> to_simplified =
      MakeTransliterator("Hant-Hans");
  thread_local std::unique_ptr<icu::Transliterator> to_traditional =
      MakeTransliterator("Hans-Hant");
  const int traditional = Changed(to_simplified.get(), sample);
  const int simplified = Changed(to_traditional.get(), sample);
  return traditional > simplified ? "zh-Hant" : "zh-Hans";
}

// The last resort for text too short for CLD2 ("放假！！！"): languages whose script is
// their own. Kana means Japanese, Hangul Korean, else Han Chinese; "" otherwise.
std::string ScriptLanguage(absl::string_view text) {
  int han = 0, kana = 0, hangul = 0, other = 0;
  for (size_t i = 0; i < text.size() && i < kMaxDetectBytes;) {
    const uint32_t cp = NextCodePoint(text, &i);
    if (cp >= 0x3040 && cp <= 0x30FF) {
      ++kana;
    } else if (cp >= 0xAC00 && cp <= 0xD7AF) {
      ++hangul;
    } else if (IsHanLike(cp)) {
      ++han;
    } else if (cp < 0x80 ? absl::ascii_isalpha(static_cast<char>(cp)) : cp < 0x3000) {
      ++other;  // letters of alphabetic scripts
    }
  }
  if (kana > 0 && kana + han > other) return "ja";
  if (hangul > other) return "ko";
  if (han > other) return "zh";
  return "";
}

}  // namespace

std::string LanguageIdentifier::NormalizeTag(absl::string_view declared) {
  absl::string_view first = declared.substr(0, declared.find_first_of(",;"));
  std::string tag(absl::StripAsciiWhitespace(first));
  std::replace(tag.begin(), tag.end(), '_', '-');
  if (tag.size() > 35) return "";
  std::vector<std::string> parts = absl::StrSplit(tag, '-');
  if (parts.empty() || parts[0].size() < 2 || parts[0].size() > 3) return "";
  for (const std::string& part : parts) {
    if (part.empty() || part.size() > 8) return "";
    for (char c : part) {
      if (!absl::ascii_isalnum(c)) return "";
    }
  }
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

std::string LanguageIdentifier::ChineseScript(absl::string_view text) {
  return ScriptOf(HanSample(text));
}

std::string LanguageIdentifier::Identify(absl::string_view text,
                                         absl::string_view declared) {
  const std::string tag = NormalizeTag(declared);
  const Detection detected = DetectWithCld2(text, Primary(tag));
  std::string language;
  if (detected.reliable && !detected.language.empty()) {
    language = Primary(tag) == detected.language ? tag : detected.language;
  } else if (!tag.empty()) {
    language = tag;
  } else if (!detected.language.empty()) {
    language = detected.language;
  } else {
    language = ScriptLanguage(text);
  }
  if (Primary(language) != "zh") return language;
  if (const icu::UnicodeString sample = HanSample(text); !sample.isEmpty()) {
    return ScriptOf(sample);
  }
  // No characters to go by: the declaration's script or region decides.
  for (absl::string_view traditional : {"-Hant", "-TW", "-HK", "-MO"}) {
    if (absl::StrContains(language, traditional)) return "zh-Hant";
  }
  return "zh-Hans";
}

}  // namespace declutter::extract
