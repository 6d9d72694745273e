#include "service/extract/html/class_hints.h"

#include <bitset>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"

#include "service/extract/strings/phrase_matcher.h"

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

constexpr size_t kEntryCount = sizeof(kEntries) / sizeof(kEntries[0]);

const PhraseMatcher& EntryMatcher() {
  static const PhraseMatcher* const matcher =
      PhraseMatcher::NewForTable(kEntries, &ClassHintEntry::token);
  return *matcher;
}

// Adds the entries `token` matches, each once and in the table's order (so the
// "worst" entry among equal weights is the first listed, whatever order they are
// found in).
void ScoreToken(absl::string_view token, ClassHint* hint) {
  std::bitset<kEntryCount> hits;
  EntryMatcher().Scan(token, [&](size_t index, size_t position) {
    const ClassHintEntry& e = kEntries[index];
    if (e.match == kContains || (position == 0 && e.token.size() == token.size())) {
      hits.set(index);
    }
    return true;
  });
  if (hits.none()) return;
  for (size_t i = 0; i < kEntryCount; ++i) {
    if (!hits.test(i)) continue;
    const ClassHintEntry& e = kEntries[i];
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
