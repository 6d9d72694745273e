// One page of a benchmark set, as declutter-quality loads it: where its bytes
// are, how it is sent to the engine, and the truth it is scored against
// (../shared/data/README.md describes each set's files). Plain data.

#ifndef DECLUTTER_BENCH_QUALITY_BENCH_CASE_H_
#define DECLUTTER_BENCH_QUALITY_BENCH_CASE_H_

#include <string>
#include <vector>

namespace declutter::bench {

struct BenchCase {
  std::string id;
  std::string html_path;  // empty when `inline_content` is the page
  std::string truth;
  std::string url;
  std::string page_type;  // wcxb only
  std::string inline_content;
  std::string content_type;
  std::vector<std::string> with;     // wcxb: snippets the content must contain
  std::vector<std::string> without;  // wcxb: snippets it must not contain
  std::string title, author,
      published;          // wcxb: metadata truth, empty when unknown
  bool has_truth = true;  // false: scored on the decoding checks only (gne-zh)
  // gne-zh and magic-html's Chinese articles: hand-checked metadata (the data
  // README's Chinese metric), with `title` and `published` above.
  bool zh_metadata = false;
  std::vector<std::string> authors;
  std::string editor, source;
  std::string language;  // from --languages; empty when unknown
};

}  // namespace declutter::bench

#endif  // DECLUTTER_BENCH_QUALITY_BENCH_CASE_H_
