#include "bench/quality/metadata_metric.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace declutter::bench {
namespace {

// NFKC with case folding, every whitespace run one space, ends trimmed.
std::string Fold(absl::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_cf =
      icu::Normalizer2::getNFKCCasefoldInstance(status);
  icu::UnicodeString folded;
  const icu::UnicodeString in =
      icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), text.size()));
  if (U_SUCCESS(status)) folded = nfkc_cf->normalize(in, status);
  if (U_FAILURE(status)) folded = in;
  std::string utf8;
  folded.toUTF8String(utf8);
  std::string out;
  bool space = false;
  for (size_t i = 0; i < utf8.size();) {
    const size_t start = i;
    UChar32 cp;
    U8_NEXT(utf8.data(), i, utf8.size(), cp);
    if (u_isUWhiteSpace(cp)) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.append(utf8, start, i - start);
  }
  return out;
}

// Quotes, dashes, bars, colons and bullets a title may carry at its ends.
bool IsTrimmable(UChar32 cp) {
  if (u_isUWhiteSpace(cp)) return true;
  const int8_t type = u_charType(cp);
  return type == U_INITIAL_PUNCTUATION || type == U_FINAL_PUNCTUATION ||
         type == U_DASH_PUNCTUATION || cp == '"' || cp == '\'' || cp == '|' ||
         cp == ':' || cp == '_' || cp == 0x00B7 || cp == 0x2022 ||
         cp == 0x00AB || cp == 0x00BB || cp == 0x300C || cp == 0x300D ||
         cp == 0x300E || cp == 0x300F;
}

}  // namespace

std::string FoldTitle(absl::string_view title) {
  const std::string folded = Fold(title);
  size_t begin = 0, end = folded.size();
  while (begin < end) {
    size_t i = begin;
    UChar32 cp;
    U8_NEXT(folded.data(), i, end, cp);
    if (!IsTrimmable(cp)) break;
    begin = i;
  }
  while (end > begin) {
    int32_t i = static_cast<int32_t>(end);
    UChar32 cp;
    U8_PREV(folded.data(), static_cast<int32_t>(begin), i, cp);
    if (!IsTrimmable(cp)) break;
    end = i;
  }
  return folded.substr(begin, end - begin);
}

bool TitleMatches(absl::string_view truth, absl::string_view predicted) {
  const std::string t = FoldTitle(truth);
  return !t.empty() && t == FoldTitle(predicted);
}

bool DateMatches(absl::string_view truth, absl::string_view predicted) {
  return truth.size() >= 10 && predicted.size() >= 10 &&
         truth.substr(0, 10) == predicted.substr(0, 10);
}

bool AuthorsMatch(absl::string_view truth,
                  const std::vector<std::string>& predicted) {
  if (predicted.empty()) return false;
  const std::string names = Fold(absl::StrJoin(predicted, ", "));
  const std::string split =
      absl::StrReplaceAll(Fold(truth), {{" and ", ","}, {"&", ","}});
  bool any = false;
  for (absl::string_view name : absl::StrSplit(split, absl::ByAnyChar(",;"))) {
    name = absl::StripAsciiWhitespace(name);
    if (name.empty()) continue;
    any = true;
    if (names.find(std::string(name)) == std::string::npos) return false;
  }
  return any;
}

bool FoldedEqual(absl::string_view truth, absl::string_view predicted) {
  const std::string t = Fold(truth);
  return !t.empty() && t == Fold(predicted);
}

bool NamesAmong(const std::vector<std::string>& truth,
                const std::vector<std::string>& predicted) {
  if (truth.empty()) return false;
  for (const std::string& name : truth) {
    if (std::none_of(
            predicted.begin(), predicted.end(),
            [&](const std::string& p) { return FoldedEqual(name, p); }))
      return false;
  }
  return true;
}

}  // namespace declutter::bench
