// Pages built to cost the engine as much memory per byte as possible: the
// shapes an attacker (or a broken site) can send, each repeated to a given
// size. declutter-memory cleans each one alone and checks the engine's per-page
// bound (README "Memory per page").
//
// Stateless; thread-safe.

#ifndef DECLUTTER_BENCH_MEMORY_ADVERSARIAL_PAGES_H_
#define DECLUTTER_BENCH_MEMORY_ADVERSARIAL_PAGES_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace declutter::bench {

struct AdversarialShape {
  std::string name;  // short, for the report ("x<br>", "<p a b c ...>")
  std::string head;  // written once at the start
  std::string unit;  // repeated until the page reaches its size
};

// Every shape the benchmark tries: the five (lines of "x", lines of
// "ok", "<td>x", "x<br>", "<p>w</p>") and shapes that aim at other per-byte
// costs (attributes, formatting elements the parser reopens in every block,
// table rows, list items, stray end tags, foreign content, CJK lines).
const std::vector<AdversarialShape>& AdversarialShapes();

// `shape` written out to exactly `bytes` bytes (the last unit cut short);
// `bytes` is at most what the caller can hold twice.
std::string BuildAdversarialPage(const AdversarialShape& shape, size_t bytes);

}  // namespace declutter::bench

#endif  // DECLUTTER_BENCH_MEMORY_ADVERSARIAL_PAGES_H_
