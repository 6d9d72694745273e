// The benchmarks' text-overlap metrics, implemented exactly as
// ../shared/data/README.md defines them so figures compare with published
// tables.
//
// Shingle F1 (scrapinghub, magic-html, seeds): tokens are \w+ runs (Unicode
// letters, digits, underscore), every Han character its own token; 4-token
// shingles (a text of fewer than 4 tokens is one shingle); per page multiset
// tp/fp/fn normalised to sum 1; precision and recall averaged over pages, then
// F1 of the averages. Word F1 (wcxb): see ScoreWords below; the set figure is
// the mean of page F1s. Stateless; thread-safe.

#ifndef DECLUTTER_BENCH_QUALITY_SHINGLE_METRIC_H_
#define DECLUTTER_BENCH_QUALITY_SHINGLE_METRIC_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace declutter::bench {

// \w+ tokens of `text`, with each Han character a token of its own.
std::vector<std::string> Tokenize(absl::string_view text);

struct PageScore {
  double precision = 0;
  double recall = 0;
  bool exact = false;  // token lists equal
};

// Scores one page's prediction against its truth.
PageScore ScoreShingles(absl::string_view truth, absl::string_view prediction);

struct SetScore {
  double precision = 0;  // mean over pages
  double recall = 0;     // mean over pages
  double f1 = 0;         // of the two means
  double accuracy = 0;   // share of exact pages
  int pages = 0;
};

SetScore Aggregate(const std::vector<PageScore>& pages);

// The harmonic mean of `precision` and `recall`; 0 when both are 0.
double F1(double precision, double recall);

// Word F1 (wcxb): bags of lower-cased \w+ words (no Han splitting), overlap =
// multiset intersection, P = overlap/|pred|, R = overlap/|truth|.
struct WordScore {
  double precision = 0;
  double recall = 0;
  double f1 = 0;  // 1 when both texts are empty, 0 when only one is
};
WordScore ScoreWords(absl::string_view truth, absl::string_view prediction);

// The snippet test of wcxb's `with`/`without` lists: `text` case-folded
// (lower-cased per code point) with every whitespace run folded to one space
// and the ends trimmed, so a snippet is found when FoldForSnippet(snippet) is a
// substring of FoldForSnippet(text).
std::string FoldForSnippet(absl::string_view text);

}  // namespace declutter::bench

#endif  // DECLUTTER_BENCH_QUALITY_SHINGLE_METRIC_H_
