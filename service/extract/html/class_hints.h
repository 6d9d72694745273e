// Evidence from an element's class, id and role tokens (data in data/class_hints.inc).
// Immutable after static initialisation; thread-safe.

#ifndef DECLUTTER_SERVICE_EXTRACT_HTML_CLASS_HINTS_H_
#define DECLUTTER_SERVICE_EXTRACT_HTML_CLASS_HINTS_H_

#include "absl/strings/string_view.h"

#include "service/extract/result.h"

namespace declutter::extract {

enum HintMatch { kExact, kContains };

struct ClassHintEntry {
  absl::string_view token;
  HintMatch match;
  int weight;
  BlockKind kind;
  absl::string_view note;
};

struct ClassHint {
  int weight = 0;                     // summed over matching tokens
  const ClassHintEntry* worst = nullptr;  // the most negative entry that matched

  // Combines the evidence of another attribute of the same element.
  void Add(const ClassHint& other) {
    weight += other.weight;
    if (other.worst != nullptr && (worst == nullptr || other.worst->weight < worst->weight)) {
      worst = other.worst;
    }
  }
};

class ClassHints {
 public:
  // Scores the attribute values of one element (class, id, role, itemprop ...), each a
  // space-separated list of names. Bounded: the first 512 bytes, at most 64 tokens of
  // at most 64 bytes each.
  static ClassHint Score(absl::string_view attribute_values);
};

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_HTML_CLASS_HINTS_H_
