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
// Memory is one record. Not thread-safe; one reader per file.

#ifndef DECLUTTER_CLIENT_WARC_READER_H_
#define DECLUTTER_CLIENT_WARC_READER_H_

#include <cstddef>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "service/api/byte_stream.h"

namespace declutter::client {

struct WarcPage {
  std::string id;            // WARC-Record-ID, e.g. "<urn:uuid:...>"
  std::string url;           // WARC-Target-URI
  std::string content_type;  // the HTTP Content-Type header
  std::string content;       // the HTTP body, de-chunked and decoded
  std::string skipped;       // non-empty: why this record is not a page
};

class WarcReader {
 public:
  // `max_record_bytes` bounds one record's block (larger ones are skipped,
  // "too-large").
  WarcReader(std::unique_ptr<api::ByteStream> stream, size_t max_record_bytes)
      : stream_(std::move(stream)), max_record_bytes_(max_record_bytes) {}

  // The next record as a page or a skip; false at the end of the file.
  // DATA_LOSS or INVALID_ARGUMENT when the file is not WARC or is cut inside a
  // record.
  absl::StatusOr<bool> Next(WarcPage* page);

  // Parses an HTTP response (status line, headers, body) into `page`: content
  // type, content, or a skip reason. Exposed for tests.
  static void ParseHttpResponse(const std::string& http, WarcPage* page);

 private:
  std::unique_ptr<api::ByteStream> stream_;
  const size_t max_record_bytes_;
};

}  // namespace declutter::client

#endif  // DECLUTTER_CLIENT_WARC_READER_H_
