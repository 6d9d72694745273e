// Finds which of a fixed set of phrases occur in a text, in one pass over the
// text rather than one search per phrase. The lexicons (boilerplate phrases,
// class-name hints, byline marks) each hold tens to hundreds of phrases and are
// searched in every block and every distinct class value, so one search per
// phrase was a tenth of the engine's time.
//
// How: a 65,536-bit table says which two-byte pairs start some phrase; only
// positions whose pair is in the table look further, at the phrases that start
// with that pair.
//
// Phrases are copied at construction (case-folded when matching ignores ASCII
// case). Immutable after construction; Scan is thread-safe.

#ifndef DECLUTTER_SERVICE_EXTRACT_STRINGS_PHRASE_MATCHER_H_
#define DECLUTTER_SERVICE_EXTRACT_STRINGS_PHRASE_MATCHER_H_

#include <bitset>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace declutter::extract {

class PhraseMatcher {
 public:
  enum class Case { kSensitive, kIgnoreAscii };

  // Every phrase must be at least 2 bytes long (the lexicons' shortest are "ad"
  // and "©"); a shorter one is a programming error and aborts. At most 65,535
  // phrases.
  explicit PhraseMatcher(absl::Span<const absl::string_view> phrases,
                         Case match_case = Case::kSensitive);

  // A matcher over one field of a table of entries (a lexicon's phrases, say):
  // phrase i is entries[i].*phrase. The caller owns the result; the lexicons keep
  // theirs for the life of the process.
  template <typename Entry, size_t N>
  static PhraseMatcher* NewForTable(const Entry (&entries)[N],
                                    absl::string_view Entry::*phrase,
                                    Case match_case = Case::kSensitive) {
    std::vector<absl::string_view> phrases;
    phrases.reserve(N);
    for (const Entry& e : entries) phrases.push_back(e.*phrase);
    return new PhraseMatcher(phrases, match_case);
  }

  PhraseMatcher(const PhraseMatcher&) = delete;
  PhraseMatcher& operator=(const PhraseMatcher&) = delete;

  size_t size() const { return phrases_.size(); }

  // Calls `found(index, position)` for every occurrence of every phrase in
  // `text`
  // (`index` into the constructor's list, `position` a byte offset in `text`),
  // in order of position, then of index. `found` returns false to stop the
  // scan. Time: linear in `text` plus the phrases sharing a starting pair with
  // each position.
  template <typename Found>
  void Scan(absl::string_view text, Found found) const {
    if (text.size() < 2) return;
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const size_t n = text.size();
    for (size_t i = 0; i + 1 < n; ++i) {
      const uint16_t key = Key(p[i], p[i + 1]);
      if (!starts_[key]) continue;
      const std::vector<uint16_t>& group = groups_.find(key)->second;
      for (uint16_t index : group) {
        const std::string& phrase = phrases_[index];
        if (phrase.size() > n - i) continue;
        if (!RestEquals(phrase, p + i)) continue;
        if (!found(static_cast<size_t>(index), i)) return;
      }
    }
  }

  // Whether any phrase occurs in `text`.
  bool ContainsAny(absl::string_view text) const {
    bool any = false;
    Scan(text, [&any](size_t, size_t) {
      any = true;
      return false;
    });
    return any;
  }

 private:
  unsigned char Fold(unsigned char c) const {
    return ignore_case_ ? static_cast<unsigned char>(absl::ascii_tolower(c))
                        : c;
  }
  uint16_t Key(unsigned char a, unsigned char b) const {
    return static_cast<uint16_t>(Fold(a) | (Fold(b) << 8));
  }
  // Whether `phrase` equals the text at `at` beyond the two bytes the key
  // matched.
  bool RestEquals(const std::string& phrase, const unsigned char* at) const {
    if (!ignore_case_)
      return std::memcmp(phrase.data() + 2, at + 2, phrase.size() - 2) == 0;
    for (size_t k = 2; k < phrase.size(); ++k) {
      if (static_cast<unsigned char>(phrase[k]) != Fold(at[k])) return false;
    }
    return true;
  }

  bool ignore_case_;
  std::vector<std::string> phrases_;  // folded when ignore_case_
  std::bitset<65536> starts_;  // the two-byte pairs some phrase starts with
  absl::flat_hash_map<uint16_t, std::vector<uint16_t>>
      groups_;  // pair -> phrase indices
};

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_STRINGS_PHRASE_MATCHER_H_
