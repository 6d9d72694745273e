// Shared by the engine's whole-page fuzz targets: the first byte of a fuzz
// input picks the options (output format, favour, removed-block report) so
// every writer and every selection bias is reached; the rest is the page.

#ifndef DECLUTTER_TESTS_FUZZ_CLEAN_FUZZ_INPUT_H_
#define DECLUTTER_TESTS_FUZZ_CLEAN_FUZZ_INPUT_H_

#include <cstddef>
#include <cstdint>

#include "service/extract/clean.h"

namespace declutter::fuzz {

inline void CleanFuzzInput(const uint8_t* data, size_t size,
                           extract::InputKind kind,
                           absl::string_view content_type) {
  if (size == 0) return;
  extract::Options options;
  options.format = static_cast<extract::OutputFormat>(data[0] % 3);
  options.favor = static_cast<extract::Favor>((data[0] >> 2) % 3);
  options.report_removed = (data[0] & 0x10) != 0;
  extract::Page page;
  page.content =
      absl::string_view(reinterpret_cast<const char*>(data) + 1, size - 1);
  page.content_type = content_type;
  page.url = "https://example.com/news/a.html";
  page.kind = kind;
  page.fetched_at = absl::FromUnixSeconds(1790000000);
  (void)extract::Clean(page, options);
}

}  // namespace declutter::fuzz

#endif  // DECLUTTER_TESTS_FUZZ_CLEAN_FUZZ_INPUT_H_
