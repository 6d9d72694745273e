// libFuzzer target: the JSONL reader through the batch's PageSource (lines
// over the limit, lines that are not UTF-8 or not JSON, repeated ids, pages
// over the limit). See page_source_checks.h for what must hold.

#include "tests/fuzz/fuzz_input_file.h"
#include "tests/fuzz/page_source_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string path =
      declutter::fuzz::WriteInputFile(data, size, ".jsonl");
  // A small limit, so lines over it (2 x 1024 + 4096) are within reach.
  declutter::fuzz::ReadEveryPage(path, size, /*max_bytes=*/1024);
  return 0;
}
