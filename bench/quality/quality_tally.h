// The figures declutter-quality prints, gathered page by page: AddPage takes
// each page's outcome in turn and AddTime the engine's time on it.
//
//   - Decoding checks, on every page the engine cleaned: the pages whose
//     article (text or title) has U+FFFD although the page's bytes had none,
//     and the "language" field against the case's language (a region the
//     article adds refines the truth's tag: "en-GB" is right for "en").
//   - With score_metadata (wcxb): the fields "title", "date" and "author"
//     (metadata_metric.h).
//   - On pages with content truth: with ContentMetric::kWords, word F1 and
//     the with/without snippets (shingle_metric.h), summed per page type and
//     over "all"; with kShingles, the page's shingle scores. A failed page is
//     scored as an empty prediction. Every page with truth gets a line for the
//     worst list, ordered by its F1, then by the line.
//   - Failures: pages that could not be read or that the engine refused.
//   - The slowest page (the first one on a tie).
// A field is scored only on pages whose truth has it; a miss reads
// "<id>  truth: <truth>  predicted: <predicted>", in the order pages came.
// Not thread-safe.

#ifndef DECLUTTER_BENCH_QUALITY_QUALITY_TALLY_H_
#define DECLUTTER_BENCH_QUALITY_QUALITY_TALLY_H_

#include <map>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "bench/quality/bench_case.h"
#include "bench/quality/shingle_metric.h"
#include "service/extract/result.h"

namespace declutter::bench {

class QualityTally {
 public:
  enum class ContentMetric { kShingles, kWords };

  // A metadata field: pages whose truth has it, pages right, and the misses.
  struct FieldSums {
    int scored = 0;
    int right = 0;
    std::vector<std::string> misses;
  };

  // Word metric figures of one page type (or "all").
  struct TypeSums {
    double f1 = 0;  // sum of page F1s
    int pages = 0;
    int with_found = 0, with_total = 0;
    int without_leaked = 0, without_total = 0;
  };

  // One page for the worst list: its F1 and what the list prints after it.
  struct PageLine {
    double f1 = 0;
    std::string text;
  };

  QualityTally(ContentMetric metric, bool score_metadata);

  // The engine took `ms` on page `id`.
  void AddTime(absl::string_view id, double ms);

  // One page's outcome: `article` is what the engine returned for `bytes`, or
  // null when the page failed (unreadable, or the engine's error).
  void AddPage(const BenchCase& c, absl::string_view bytes,
               const extract::Article* article);

  // Page `id` had markup or lines past what the engine keeps for its size
  // (InputInfo::tags_flattened, lines_merged): real pages never should.
  void AddStructureLimited(const std::string& id) {
    structure_limited_pages_.push_back(id);
  }

  int failures() const { return failures_; }
  const std::vector<std::string>& structure_limited_pages() const {
    return structure_limited_pages_;
  }
  // The pages with U+FFFD their bytes lacked, in the order they came.
  const std::vector<std::string>& replacement_pages() const {
    return replacement_pages_;
  }
  // By field name; a field appears once a page's truth has it.
  const std::map<std::string, FieldSums>& fields() const { return fields_; }
  // kWords: by page type, and "all".
  const std::map<std::string, TypeSums>& types() const { return types_; }
  // kShingles: every page with truth, in the order they came.
  const std::vector<PageScore>& shingle_scores() const {
    return shingle_scores_;
  }
  // Up to `n` pages, lowest F1 first.
  std::vector<PageLine> Worst(int n) const;
  // Up to `n` misses of `field`, in the order they came.
  std::vector<std::string> Misses(const std::string& field, int n) const;
  const std::string& slowest_id() const { return slowest_id_; }
  double slowest_ms() const { return slowest_ms_; }

 private:
  void ScoreField(const std::string& field, const std::string& id,
                  const std::string& truth, const std::string& predicted,
                  bool right);
  void ScoreDecoding(const BenchCase& c, absl::string_view bytes,
                     const extract::Article& article);
  void ScoreWords(const BenchCase& c, absl::string_view predicted);
  void ScoreShingles(const BenchCase& c, absl::string_view predicted);

  ContentMetric metric_;
  bool score_metadata_;
  int failures_ = 0;
  std::vector<std::string> replacement_pages_;
  std::vector<std::string> structure_limited_pages_;
  std::map<std::string, FieldSums> fields_;
  std::map<std::string, TypeSums> types_;
  std::vector<PageScore> shingle_scores_;
  std::vector<PageLine> pages_;
  std::string slowest_id_;
  double slowest_ms_ = 0;
};

}  // namespace declutter::bench

#endif  // DECLUTTER_BENCH_QUALITY_QUALITY_TALLY_H_
