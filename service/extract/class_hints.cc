#include "service/extract/class_hints.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"

namespace declutter::extract {
namespace {

constexpr ClassHintEntry kEntries[] = {
#include "service/extract/data/class_hints.inc"
};

constexpr int kMaxTokens = 64;
constexpr size_t kMaxTokenBytes = 64;
constexpr size_t kMaxValueBytes = 512;  // a 10 MiB class attribute is read no further

constexpr absl::string_view kNeutralPrefixes[] = {
#include "service/extract/data/class_neutral_prefixes.inc"
};

// Whether the class name at the start of `rest` is one that says nothing about its
// element's role (a page builder's widget type, a CMS taxonomy term).
bool HasNeutralPrefix(absl::string_view rest) {
  for (absl::string_view prefix : kNeutralPrefixes) {
    if (rest.size() >= prefix.size() &&
        absl::EqualsIgnoreCase(rest.substr(0, prefix.size()), prefix)) {
      return true;
    }
  }
  return false;
}

void ScoreToken(absl::string_view token, ClassHint* hint) {
  for (const ClassHintEntry& e : kEntries) {
    const bool hit = e.match == kExact ? token == e.token
                                       : token.find(e.token) != absl::string_view::npos;
    if (!hit) continue;
    hint->weight += e.weight;
    if (e.weight < 0 && (hint->worst == nullptr || e.weight < hint->worst->weight)) {
      hint->worst = &e;
    }
  }
}

}  // namespace

ClassHint ClassHints::Score(absl::string_view values) {
  values = values.substr(0, kMaxValueBytes);
  ClassHint hint;
  char token[kMaxTokenBytes];
  size_t len = 0;
  int tokens = 0;
  size_t name_start = 0;
  bool skip_name = false;
  // One extra iteration with a separator flushes the last token.
  for (size_t i = 0; i <= values.size() && tokens < kMaxTokens; ++i) {
    const char c = i < values.size() ? values[i] : ' ';
    if (i == name_start) skip_name = HasNeutralPrefix(values.substr(i));
    if (absl::ascii_isalnum(static_cast<unsigned char>(c))) {
      if (len < kMaxTokenBytes) token[len++] = absl::ascii_tolower(c);
      continue;
    }
    if (len > 0) {
      if (!skip_name) ScoreToken(absl::string_view(token, len), &hint);
      ++tokens;
      len = 0;
    }
    if (absl::ascii_isspace(static_cast<unsigned char>(c))) name_start = i + 1;
  }
  return hint;
}

}  // namespace declutter::extract
