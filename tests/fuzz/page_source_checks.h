// What must hold for every page a PageSource gives, whatever the file held:
// the request it makes is valid UTF-8 in every string field (protobuf cannot
// serialize it otherwise), the page stays within the limit, and reading ends
// (a source that gives more pages than the file has bytes is looping).
// Aborts on the first breach. Header-only, for the fuzz targets.

#ifndef DECLUTTER_TESTS_FUZZ_PAGE_SOURCE_CHECKS_H_
#define DECLUTTER_TESTS_FUZZ_PAGE_SOURCE_CHECKS_H_

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "client/page_source.h"
#include "client/utf8_repair.h"

namespace declutter::fuzz {

inline void Check(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "page source: %s\n", what);
  std::abort();
}

inline bool Utf8(const std::string& s) {
  return client::FirstInvalidUtf8(s) == s.size();
}

// Reads every page of `path` with a limit of `max_bytes`.
inline void ReadEveryPage(const std::string& path, size_t input_size,
                          size_t max_bytes) {
  auto source = client::PageSource::Open({path}, max_bytes);
  Check(source.ok(), "an existing file must open");
  client::SourcePage page;
  size_t pages = 0;
  while ((*source)->Next(&page)) {
    Check(++pages <= input_size + 2, "more pages than bytes: a loop");
    Check(page.content.size() <= max_bytes, "a page over the limit");
    Check(Utf8(page.id), "an id that is not UTF-8");
    Check(Utf8(std::string(page.error.message())),
          "an error message that is not UTF-8");
    const v1::CleanRequest request = client::RequestOf(std::move(page));
    Check(Utf8(request.id()) && Utf8(request.url()) &&
              Utf8(request.content_type()),
          "a request string that is not UTF-8");
  }
}

}  // namespace declutter::fuzz

#endif  // DECLUTTER_TESTS_FUZZ_PAGE_SOURCE_CHECKS_H_
