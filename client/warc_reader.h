// Reads the pages out of a WARC file (ISO 28500; .warc or .warc.gz, one gzip
// member per record or the whole file compressed), one record at a time.
//
// Only `response` records whose HTTP status is 200 and whose Content-Type is
// HTML (or unstated) become pages; the others are reported as skipped with a
// reason
// ("not-response", "status-404", "not-html", ...) so the caller can count them.
// A page takes `WARC-Target-URI` as its URL, `WARC-Record-ID` as its id and the
// HTTP Content-Type (charset included) as its content type. A chunked body is
// de-chunked and a gzip or deflate Content-Encoding is undone; other encodings
// are skipped.
//
// A record is checked to end where its Content-Length says (the block is
// followed by CRLF CRLF). When it does not (the length lied, too large or too
// small), or its header is unreadable, the record comes back with `error` set,
// once, and reading resynchronises at the next line starting "WARC/1.": bytes
// of the next record are never taken into a page, and the rest of the file is
// still read.
//
// Memory is one record. Not thread-safe; one reader per file.

#ifndef DECLUTTER_CLIENT_WARC_READER_H_
#define DECLUTTER_CLIENT_WARC_READER_H_

#include <cstddef>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "service/api/byte_stream.h"

namespace declutter::client {

struct WarcPage {
  std::string id;            // WARC-Record-ID, e.g. "<urn:uuid:...>"
  std::string url;           // WARC-Target-URI
  std::string content_type;  // the HTTP Content-Type header
  std::string content;       // the HTTP body, de-chunked and decoded
  std::string skipped;       // non-empty: why this record is not a page
  absl::Status error;        // not OK: this record is corrupt (reading goes on)
};

class WarcReader {
 public:
  // `max_record_bytes` bounds one record's block (larger ones are skipped,
  // "too-large") and its decoded body (a body inflating past it is an error,
  // RESOURCE_EXHAUSTED).
  WarcReader(std::unique_ptr<api::ByteStream> stream, size_t max_record_bytes)
      : stream_(std::move(stream)), max_record_bytes_(max_record_bytes) {}

  // The next record as a page, a skip or a corrupt record (`error`: DATA_LOSS
  // or INVALID_ARGUMENT, saying what was wrong; the reader has moved on to the
  // next record); false at the end of the file. An error status ends the
  // file: INVALID_ARGUMENT when it does not start as WARC, DATA_LOSS when it
  // is cut inside a record header or its gzip is corrupt.
  absl::StatusOr<bool> Next(WarcPage* page);

  // Parses an HTTP response (status line, headers, body) into `page`: content
  // type, content, or a skip reason; RESOURCE_EXHAUSTED in `page->error` when
  // a gzip or deflate body inflates past `max_content_bytes` (inflating stops
  // there). Exposed for tests.
  static void ParseHttpResponse(const std::string& http,
                                size_t max_content_bytes, WarcPage* page);

 private:
  // Reads the record header after the version line; an error status ends
  // the file, `page->error` marks a bad record.
  absl::StatusOr<bool> ReadHeader(WarcPage* page, std::string* type,
                                  int64_t* length);
  // Reads the block of `length` bytes and checks the CRLF CRLF after it.
  // False (with `page->error` set) when the record does not end there; the
  // bytes after the first "WARC/1." line seen are put back for Resync().
  absl::StatusOr<bool> ReadBlock(int64_t length, std::string* block,
                                 WarcPage* page);
  // Skips to the next line starting "WARC/1." and keeps it for Next().
  absl::Status Resync();

  std::unique_ptr<api::ByteStream> stream_;
  const size_t max_record_bytes_;
  int64_t records_ = 0;       // records begun, for "not a WARC file"
  std::string version_line_;  // a "WARC/1." line Resync() found
};

}  // namespace declutter::client

#endif  // DECLUTTER_CLIENT_WARC_READER_H_
