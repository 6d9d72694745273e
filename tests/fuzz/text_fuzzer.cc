// libFuzzer target: the engine's text path (scraped text split into lines, pinyin
// glosses, page-marker joins, classification, selection, metadata from text).
//
// The first byte picks the options; the rest is the page, declared plain text.

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
  page.content_type = "text/plain; charset=utf-8";
  page.kind = declutter::extract::InputKind::kText;
  page.fetched_at = absl::FromUnixSeconds(1790000000);
  (void)declutter::extract::Clean(page, options);
  return 0;
}
