// libFuzzer target: the engine's text path (scraped text split into lines,
// pinyin glosses, page-marker joins, classification, selection, metadata from
// text).

#include "tests/fuzz/clean_fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  declutter::fuzz::CleanFuzzInput(data, size,
                                  declutter::extract::InputKind::kText,
                                  "text/plain; charset=utf-8");
  return 0;
}
