// libFuzzer target: the engine's HTML path, from raw bytes to the written
// article. The page is labelled text/html so the HTML path runs whatever the
// bytes look like.

#include "tests/fuzz/clean_fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  declutter::fuzz::CleanFuzzInput(
      data, size, declutter::extract::InputKind::kHtml, "text/html");
  return 0;
}
