// libFuzzer target: the WARC reader through the batch's PageSource (record
// headers, lying Content-Lengths and resynchronisation, HTTP heads, chunked
// and gzip bodies, ids and URLs made UTF-8). See page_source_checks.h for what
// must hold.

#include "tests/fuzz/fuzz_input_file.h"
#include "tests/fuzz/page_source_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string path = declutter::fuzz::WriteInputFile(data, size, ".warc");
  declutter::fuzz::ReadEveryPage(path, size, /*max_bytes=*/64 << 10);
  return 0;
}
