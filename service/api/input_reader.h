// Enumerates and reads the inputs of the CLI and the benches: files,
// directories (recursed, in sorted order, symlinked directories not followed),
// and "-" for standard input. Files ending in .gz are decompressed
// transparently (every gzip member, as concatenated crawls write them).
//
// Reads one input at a time so memory stays bounded by the largest input, which
// is itself capped by `max_bytes`. Not thread-safe; use one per thread.

#ifndef DECLUTTER_SERVICE_API_INPUT_READER_H_
#define DECLUTTER_SERVICE_API_INPUT_READER_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace declutter::api {

class InputReader {
 public:
  explicit InputReader(size_t max_bytes) : max_bytes_(max_bytes) {}

  // Which files to read: ListInputFiles (input_files.h).

  // Reads one file (or stdin for "-"). RESOURCE_EXHAUSTED past `max_bytes`.
  absl::StatusOr<std::string> Read(const std::string& path) const;

 private:
  size_t max_bytes_;
};

}  // namespace declutter::api

#endif  // DECLUTTER_SERVICE_API_INPUT_READER_H_
