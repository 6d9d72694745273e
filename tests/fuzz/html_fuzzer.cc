// libFuzzer target: the engine's HTML path, from raw bytes to the written article.
//
// The first byte picks the options (output format, favour, removed-block report) so
// every writer and every selection bias is reached; the rest is the page, labelled
// text/html so the HTML path runs whatever the bytes look like.

#include <cstddef>
#include <cstdint>

#include "service/extract/clean.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  declutter::extract::Options options;
  options.format = static_cast<declutter::extract::OutputFormat>(data[0] % 3);
  options.favor = static_cast<declutter::extract::Favor>((data[0] >> 2) % 3);
  options.report_removed = (data[0] & 0x10) != 0;
  declutter::extract::Page page;
  page.content = absl::string_view(reinterpret_cast<const char*>(data) + 1, size - 1);
  page.content_type = "text/html";
  page.url = "https://example.com/news/a.html";
  page.kind = declutter::extract::InputKind::kHtml;
  page.fetched_at = absl::FromUnixSeconds(1790000000);
  (void)declutter::extract::Clean(page, options);
  return 0;
}
