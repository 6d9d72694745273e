// For the fuzz targets of the CLI's readers, which read files: writes one
// input to a file of this process (in TMPDIR, else /tmp) with the name's
// `suffix` (".warc", ".jsonl.gz", ...) and returns its path. Header-only;
// not thread-safe (libFuzzer runs one input at a time).

#ifndef DECLUTTER_TESTS_FUZZ_FUZZ_INPUT_FILE_H_
#define DECLUTTER_TESTS_FUZZ_FUZZ_INPUT_FILE_H_

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace declutter::fuzz {

inline std::string WriteInputFile(const uint8_t* data, size_t size,
                                  const std::string& suffix) {
  const char* tmp = std::getenv("TMPDIR");
  const std::string path = std::string(tmp != nullptr ? tmp : "/tmp") +
                           "/declutter_fuzz_" + std::to_string(::getpid()) +
                           suffix;
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) std::abort();  // a broken setup, not a finding
  if (size > 0 && std::fwrite(data, 1, size, f) != size) std::abort();
  std::fclose(f);
  return path;
}

}  // namespace declutter::fuzz

#endif  // DECLUTTER_TESTS_FUZZ_FUZZ_INPUT_FILE_H_
