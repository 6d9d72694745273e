#include "service/api/byte_stream.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

namespace declutter::api {
namespace {

constexpr size_t kChunk = 256 << 10;

}  // namespace

std::string GzipErrorReason(gzFile file, const std::string& path, int* code) {
  const char* message = gzerror(file, code);
  absl::string_view reason = message != nullptr ? message : "unknown error";
  absl::ConsumePrefix(&reason, path);
  absl::ConsumePrefix(&reason, ": ");
  return std::string(reason);
}

absl::StatusOr<std::unique_ptr<ByteStream>> ByteStream::Open(
    const std::string& path) {
  gzFile file =
      gzopen(path.c_str(), "rb");  // reads plain files through unchanged
  if (file == nullptr) {
    const int error = errno;
    const std::string message =
        absl::StrCat("cannot open ", path, ": ", std::strerror(error),
                     ": expected a readable file");
    if (error == ENOENT || error == ENOTDIR) {
      return absl::NotFoundError(message);
    }
    if (error == EACCES || error == EPERM) {
      return absl::PermissionDeniedError(message);
    }
    return absl::UnavailableError(message);
  }
  gzbuffer(file, kChunk);
  return std::unique_ptr<ByteStream>(new ByteStream(file, path));
}

ByteStream::~ByteStream() { gzclose(file_); }

absl::StatusOr<bool> ByteStream::Fill() {
  if (next_ > 0) {
    buffer_.erase(0, next_);
    next_ = 0;
  }
  const size_t had = buffer_.size();
  buffer_.resize(had + kChunk);
  const int n = gzread(file_, buffer_.data() + had, kChunk);
  if (n < 0) {
    int err = 0;
    const std::string reason = GzipErrorReason(file_, path_, &err);
    buffer_.resize(had);
    return absl::DataLossError(
        absl::StrCat(path_, " is corrupt or truncated gzip: ", reason));
  }
  buffer_.resize(had + static_cast<size_t>(n));
  if (n == 0) {
    // A gzip stream cut short reads as the end; zlib records why.
    int err = Z_OK;
    const std::string reason = GzipErrorReason(file_, path_, &err);
    if (err != Z_OK && err != Z_STREAM_END) {
      return absl::DataLossError(
          absl::StrCat(path_, " is truncated or corrupt gzip: ", reason));
    }
  }
  return n > 0;
}

absl::StatusOr<bool> ByteStream::ReadLine(std::string* line, size_t max_bytes) {
  size_t scanned = next_;
  while (true) {
    const char* start = buffer_.data() + scanned;
    const void* nl = std::memchr(start, '\n', buffer_.size() - scanned);
    if (nl != nullptr) {
      const size_t end = static_cast<const char*>(nl) - buffer_.data();
      if (end - next_ > max_bytes) break;
      line->assign(buffer_, next_, end - next_);
      if (!line->empty() && line->back() == '\r') line->pop_back();
      position_ += static_cast<int64_t>(end + 1 - next_);
      next_ = end + 1;
      return true;
    }
    if (buffer_.size() - next_ > max_bytes) break;
    scanned =
        buffer_.size() - next_;  // Fill() moves the unread bytes to the front
    absl::StatusOr<bool> more = Fill();
    if (!more.ok()) return more.status();
    if (!*more) {
      if (next_ == buffer_.size()) return false;
      line->assign(buffer_, next_,
                   std::string::npos);  // a last line without "\n"
      if (!line->empty() && line->back() == '\r') line->pop_back();
      position_ += static_cast<int64_t>(buffer_.size() - next_);
      next_ = buffer_.size();
      return true;
    }
  }
  // Drop the long line through its "\n", a buffer at a time.
  while (true) {
    const char* start = buffer_.data() + next_;
    const void* nl = std::memchr(start, '\n', buffer_.size() - next_);
    if (nl != nullptr) {
      const size_t end = static_cast<const char*>(nl) - buffer_.data();
      position_ += static_cast<int64_t>(end + 1 - next_);
      next_ = end + 1;
      break;
    }
    position_ += static_cast<int64_t>(buffer_.size() - next_);
    next_ = buffer_.size();
    absl::StatusOr<bool> more = Fill();
    if (!more.ok()) return more.status();
    if (!*more) break;
  }
  return absl::ResourceExhaustedError(
      absl::StrCat(path_, ": a line is longer than ", max_bytes,
                   " bytes: expected shorter lines"));
}

absl::Status ByteStream::ReadExact(size_t n, std::string* out) {
  if (absl::Status s = ReadUpTo(n, out); !s.ok()) return s;
  if (out->size() < n) {
    return absl::DataLossError(absl::StrCat(path_,
                                            " ends inside a record: expected ",
                                            n, " bytes, got ", out->size()));
  }
  return absl::OkStatus();
}

absl::Status ByteStream::ReadUpTo(size_t n, std::string* out) {
  out->clear();
  while (out->size() < n) {
    if (next_ == buffer_.size()) {
      absl::StatusOr<bool> more = Fill();
      if (!more.ok()) return more.status();
      if (!*more) return absl::OkStatus();
    }
    const size_t take = std::min(n - out->size(), buffer_.size() - next_);
    out->append(buffer_, next_, take);
    next_ += take;
    position_ += static_cast<int64_t>(take);
  }
  return absl::OkStatus();
}

absl::Status ByteStream::Seek(int64_t position) {
  if (gzseek(file_, static_cast<z_off_t>(position), SEEK_SET) != position) {
    int err = 0;
    return absl::DataLossError(
        absl::StrCat(path_, ": cannot go back to offset ", position, ": ",
                     GzipErrorReason(file_, path_, &err)));
  }
  buffer_.clear();
  next_ = 0;
  position_ = position;
  return absl::OkStatus();
}

void ByteStream::Unread(absl::string_view bytes) {
  position_ -= static_cast<int64_t>(bytes.size());
  if (bytes.size() <= next_) {
    // Into the bytes already read: no move of the unread rest, so putting
    // back costs the bytes put back, however often it is done.
    next_ -= bytes.size();
    std::memmove(buffer_.data() + next_, bytes.data(), bytes.size());
    return;
  }
  buffer_.insert(next_, bytes.data(), bytes.size());
}

}  // namespace declutter::api
