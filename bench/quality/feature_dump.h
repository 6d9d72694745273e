// Training rows for block scorers: one tab-separated line per block of every
// page a benchmark run cleans, with the engine's own feature values (Options::
// report_block_features, named by BlockFeatureNames), its score and verdict,
// and a label against the page's truth: the share of the block's tokens that
// the truth contains. Written by `declutter-quality --dump_features FILE`.
//
// Columns: set, page, page_type, block, the features..., score, selected, kind,
// label, text (tabs and line breaks folded to spaces). Not thread-safe: one
// writer per file.

#ifndef DECLUTTER_BENCH_QUALITY_FEATURE_DUMP_H_
#define DECLUTTER_BENCH_QUALITY_FEATURE_DUMP_H_

#include <cstdio>
#include <string>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "service/extract/result.h"

namespace declutter::bench {

// The tokens of a truth text (shingle_metric's Tokenize) with their counts.
using TokenCounts = absl::flat_hash_map<std::string, int>;
TokenCounts CountTokens(absl::string_view text);

// Share of `block_text`'s tokens the truth holds, each truth token matching at
// most as many block tokens as the truth has of it; 0 for a block without
// tokens.
double TokenShareInTruth(const TokenCounts& truth,
                         absl::string_view block_text);

class FeatureDump {
 public:
  // Creates or truncates `path` and writes the header line.
  static absl::StatusOr<FeatureDump> Open(const std::string& path);

  FeatureDump(FeatureDump&& other) noexcept;
  FeatureDump& operator=(FeatureDump&&) = delete;
  ~FeatureDump();

  // Appends the rows of one page's result (cleaned with report_block_features).
  absl::Status Write(absl::string_view set, absl::string_view page,
                     absl::string_view page_type, absl::string_view truth,
                     const extract::Result& result);

  // Flushes and closes; the first write error, if any, naming the file.
  absl::Status Close();

 private:
  FeatureDump(std::string path, std::FILE* file)
      : path_(std::move(path)), file_(file) {}

  std::string path_;
  std::FILE* file_;
};

// Training rows for the page-type model: one tab-separated line per page a
// benchmark run cleans, with the engine's page-level features (Result::
// page_features, named by PageFeatureNames) and the page's word F1 against its
// truth. Written by `declutter-quality --dump_page_features FILE`.
//
// Columns: set, page, page_type (the truth's; "" when the set has none), url,
// word_f1, the features... Not thread-safe: one writer per file.
class PageFeatureDump {
 public:
  // Creates or truncates `path` and writes the header line.
  static absl::StatusOr<PageFeatureDump> Open(const std::string& path);

  PageFeatureDump(PageFeatureDump&& other) noexcept;
  PageFeatureDump& operator=(PageFeatureDump&&) = delete;
  ~PageFeatureDump();

  // Appends the row of one page's result (cleaned with report_block_features).
  absl::Status Write(absl::string_view set, absl::string_view page,
                     absl::string_view page_type, absl::string_view url,
                     absl::string_view truth, const extract::Result& result);

  // Flushes and closes; the first write error, if any, naming the file.
  absl::Status Close();

 private:
  PageFeatureDump(std::string path, std::FILE* file)
      : path_(std::move(path)), file_(file) {}

  std::string path_;
  std::FILE* file_;
};

}  // namespace declutter::bench

#endif  // DECLUTTER_BENCH_QUALITY_FEATURE_DUMP_H_
