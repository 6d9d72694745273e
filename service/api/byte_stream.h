// Sequential reads of a file that may be gzip-compressed: whole-file gzip, one
// gzip member per record (as crawlers write .warc.gz), or not compressed at
// all, told apart by zlib from the bytes. Lines and blocks are read without
// loading the file, so a multi-gigabyte crawl file costs only the current
// record's memory.
//
// Not thread-safe; one reader per stream.

#ifndef DECLUTTER_SERVICE_API_BYTE_STREAM_H_
#define DECLUTTER_SERVICE_API_BYTE_STREAM_H_

#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace declutter::api {

// zlib's reason for the last error on `file` (its code in `*code`), without
// the path zlib puts in front, so a message that names `path` names it once.
std::string GzipErrorReason(gzFile file, const std::string& path, int* code);

class ByteStream {
 public:
  // NOT_FOUND (no such file) / PERMISSION_DENIED (not readable) /
  // UNAVAILABLE (any other reason) naming `path` when it cannot be opened.
  static absl::StatusOr<std::unique_ptr<ByteStream>> Open(
      const std::string& path);
  ~ByteStream();
  ByteStream(const ByteStream&) = delete;
  ByteStream& operator=(const ByteStream&) = delete;

  // Reads the next line into `*line`, without its "\n" or "\r\n". false at the
  // end of the stream. RESOURCE_EXHAUSTED when a line is longer than
  // `max_bytes`: that line is then read through to its end and dropped, a
  // buffer at a time (never held whole), so the next call reads the next line.
  absl::StatusOr<bool> ReadLine(std::string* line, size_t max_bytes);

  // Reads exactly `n` bytes; DATA_LOSS when the stream ends first.
  absl::Status ReadExact(size_t n, std::string* out);

  // Reads `n` bytes, or fewer when the stream ends first (what there was); an
  // error only when the stream is unreadable (DATA_LOSS: corrupt gzip).
  absl::Status ReadUpTo(size_t n, std::string* out);

  // Puts `bytes` back in front of the unread bytes: the next reads return them
  // first. For readers that looked too far ahead (a WARC record whose
  // Content-Length overran the record). Costs `bytes.size()` of memory.
  void Unread(absl::string_view bytes);

  // Goes back (or forward) to the decompressed offset `position`, as
  // position() counts it, for readers that skipped past data they need after
  // all (a WARC record whose Content-Length lied). Slow on gzip (zlib inflates
  // again from the start); for error paths. DATA_LOSS when it cannot.
  absl::Status Seek(int64_t position);

  // Bytes consumed so far (decompressed), for progress reports.
  int64_t position() const { return position_; }

 private:
  ByteStream(gzFile file, std::string path)
      : file_(file), path_(std::move(path)) {}
  // Refills the buffer; false at the end of the stream.
  absl::StatusOr<bool> Fill();

  gzFile file_;
  std::string path_;
  std::string buffer_;
  size_t next_ = 0;  // buffer_[next_, size) is unread
  int64_t position_ = 0;
};

}  // namespace declutter::api

#endif  // DECLUTTER_SERVICE_API_BYTE_STREAM_H_
