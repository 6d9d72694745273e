#include "service/api/input_reader.h"

#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <memory>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "service/api/byte_stream.h"

namespace declutter::api {
namespace fs = std::filesystem;
namespace {

absl::Status TooLarge(const std::string& path, size_t max_bytes) {
  return absl::ResourceExhaustedError(absl::StrCat(
      path, " is larger than the limit of ", max_bytes,
      " bytes: expected a single page (raise --max-bytes for larger ones)"));
}

// Why `path` could not be opened, from errno: NOT_FOUND, PERMISSION_DENIED
// (a file that exists but is not readable), else UNAVAILABLE.
absl::Status OpenFailure(const std::string& path, int error) {
  const std::string message = absl::StrCat(
      "cannot open ", path, " for reading: ", std::strerror(error));
  if (error == ENOENT || error == ENOTDIR) return absl::NotFoundError(message);
  if (error == EACCES || error == EPERM) {
    return absl::PermissionDeniedError(message);
  }
  return absl::UnavailableError(message);
}

absl::StatusOr<std::string> ReadGzip(const std::string& path,
                                     size_t max_bytes) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) return OpenFailure(path, errno);
  std::unique_ptr<gzFile_s, int (*)(gzFile)> closer(f, gzclose);
  std::string out;
  char buffer[64 * 1024];
  while (true) {
    const int n = gzread(f, buffer, sizeof(buffer));
    if (n < 0) {
      int err;
      return absl::DataLossError(absl::StrCat(
          path, " is not valid gzip: ", GzipErrorReason(f, path, &err)));
    }
    if (n == 0) break;
    if (out.size() + n > max_bytes) return TooLarge(path, max_bytes);
    out.append(buffer, n);
  }
  // A stream cut short reads as end of file; zlib records why.
  int err = Z_OK;
  const std::string reason = GzipErrorReason(f, path, &err);
  if (err != Z_OK && err != Z_STREAM_END) {
    return absl::DataLossError(
        absl::StrCat(path, " is truncated or corrupt gzip: ", reason));
  }
  return out;
}

absl::StatusOr<std::string> ReadStream(std::FILE* f, const std::string& path,
                                       size_t max_bytes) {
  std::string out;
  char buffer[64 * 1024];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof(buffer), f)) > 0) {
    if (out.size() + n > max_bytes) return TooLarge(path, max_bytes);
    out.append(buffer, n);
  }
  if (std::ferror(f))
    return absl::DataLossError(absl::StrCat("error reading ", path));
  return out;
}

}  // namespace

absl::StatusOr<std::string> InputReader::Read(const std::string& path) const {
  if (path == "-") return ReadStream(stdin, "standard input", max_bytes_);
  if (absl::EndsWith(path, ".gz")) return ReadGzip(path, max_bytes_);
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(
      std::fopen(path.c_str(), "rb"), std::fclose);
  if (f == nullptr) return OpenFailure(path, errno);
  return ReadStream(f.get(), path, max_bytes_);
}

}  // namespace declutter::api
