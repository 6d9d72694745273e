// The files to read, from the paths on a command line: files as they
// are, directories recursed (each named path's files in sorted order).
// Nothing is left out silently: what cannot be read is an entry with an error,
// what is not read on purpose an entry with a skip reason, so the batch writes
// an error line or counts the skip (the CLI's clean and the benches too).
//
//   - a directory that cannot be listed (even one named on the command line):
//     PERMISSION_DENIED (or UNAVAILABLE for other reasons), naming it;
//   - a dangling symbolic link: NOT_FOUND; a link loop: FAILED_PRECONDITION;
//   - a link to a directory inside a tree: skipped, "symlink-to-directory"
//     (not followed, so a tree cannot loop);
//   - a FIFO, socket or device inside a tree: skipped, "not-a-file".
//
// Memory is one entry per file. Stateless; thread-safe.

#ifndef DECLUTTER_SERVICE_API_INPUT_FILES_H_
#define DECLUTTER_SERVICE_API_INPUT_FILES_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace declutter::api {

struct InputFile {
  std::string path;
  absl::Status error;   // not OK: this path cannot be read, and why
  std::string skipped;  // non-empty: not read on purpose, and why
};

// Lists the files of `paths` in order ("-" is standard input, kept as is).
// NOT_FOUND naming the path when a named path does not exist (a usage error).
absl::StatusOr<std::vector<InputFile>> ListInputFiles(
    const std::vector<std::string>& paths);

}  // namespace declutter::api

#endif  // DECLUTTER_SERVICE_API_INPUT_FILES_H_
