#include "client/warc_reader.h"

#include <zlib.h>

#include <cstring>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"

namespace declutter::client {
namespace {

constexpr size_t kMaxHeaderLine = 64 << 10;
constexpr int kMaxHeaderLines = 1000;

// Splits "Name: value" into a lower-cased name and a trimmed value; false
// otherwise.
bool SplitHeader(absl::string_view line, std::string* name,
                 absl::string_view* value) {
  const size_t colon = line.find(':');
  if (colon == absl::string_view::npos) return false;
  *name =
      absl::AsciiStrToLower(absl::StripAsciiWhitespace(line.substr(0, colon)));
  *value = absl::StripAsciiWhitespace(line.substr(colon + 1));
  return true;
}

// Undoes HTTP chunked transfer coding; false when the chunks are malformed (the
// caller then keeps the body as it is: some archivers store it de-chunked
// already).
bool Dechunk(absl::string_view body, std::string* out) {
  out->clear();
  size_t i = 0;
  while (i < body.size()) {
    const size_t eol = body.find("\r\n", i);
    if (eol == absl::string_view::npos) return false;
    absl::string_view size_text = body.substr(i, eol - i);
    size_text = size_text.substr(0, size_text.find(';'));  // chunk extensions
    uint64_t size = 0;
    if (!absl::SimpleHexAtoi(absl::StripAsciiWhitespace(size_text), &size))
      return false;
    i = eol + 2;
    if (size == 0) return true;
    if (size > body.size() - i) return false;
    out->append(body.data() + i, size);
    i += size + 2;  // the chunk's trailing CRLF
  }
  return false;  // no last chunk
}

// Inflates gzip or zlib-wrapped deflate `in` (zlib tells them apart), keeping
// what a truncated stream gives; false when it is neither or past `max_bytes`.
bool Inflate(absl::string_view in, size_t max_bytes, std::string* out) {
  z_stream z{};
  if (inflateInit2(&z, 15 + 32) != Z_OK) return false;
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  out->clear();
  char buffer[64 << 10];
  int rc = Z_OK;
  while (rc == Z_OK) {
    z.next_out = reinterpret_cast<Bytef*>(buffer);
    z.avail_out = sizeof(buffer);
    rc = inflate(&z, Z_NO_FLUSH);
    out->append(buffer, sizeof(buffer) - z.avail_out);
    if (out->size() > max_bytes) rc = Z_MEM_ERROR;
    if (rc == Z_BUF_ERROR && z.avail_in == 0)
      break;  // truncated: keep what there is
  }
  inflateEnd(&z);
  return rc == Z_STREAM_END || (rc == Z_BUF_ERROR && !out->empty());
}

}  // namespace

void WarcReader::ParseHttpResponse(const std::string& http, WarcPage* page) {
  // One pass over the head, line by line ("\r\n" or bare "\n"): the status
  // line, then headers up to the first empty line, where the body starts.
  const absl::string_view all(http);
  std::string transfer_encoding, content_encoding;
  size_t at = 0;
  int status = -1;  // not read yet
  bool head_ended = false;
  while (at < all.size()) {
    const size_t eol = all.find('\n', at);
    if (eol == absl::string_view::npos) break;
    const absl::string_view line =
        absl::StripSuffix(all.substr(at, eol - at), "\r");
    at = eol + 1;
    if (status < 0) {  // "HTTP/1.1 200 OK"
      const size_t sp = line.find(' ');
      if (!absl::StartsWith(line, "HTTP/") || sp == absl::string_view::npos ||
          !absl::SimpleAtoi(line.substr(sp + 1, 3), &status)) {
        page->skipped = "no-http-status";
        return;
      }
      continue;
    }
    if (line.empty()) {
      head_ended = true;
      break;
    }
    std::string name;
    absl::string_view value;
    if (!SplitHeader(line, &name, &value)) continue;
    if (name == "content-type") page->content_type = std::string(value);
    if (name == "transfer-encoding")
      transfer_encoding = absl::AsciiStrToLower(value);
    if (name == "content-encoding")
      content_encoding = absl::AsciiStrToLower(value);
  }
  if (!head_ended) {
    page->skipped = status < 0 ? "no-http-status" : "no-http-headers";
    return;
  }
  if (status != 200) {
    page->skipped = absl::StrCat("status-", status);
    return;
  }
  const std::string type = absl::AsciiStrToLower(page->content_type);
  if (!type.empty() && !absl::StrContains(type, "html")) {
    page->skipped = "not-html";
    return;
  }
  absl::string_view body = all.substr(at);
  std::string dechunked;
  if (absl::StrContains(transfer_encoding, "chunked") &&
      Dechunk(body, &dechunked)) {
    body = dechunked;
  }
  if (content_encoding.empty() || content_encoding == "identity") {
    page->content = std::string(body);
  } else if (content_encoding == "gzip" || content_encoding == "x-gzip" ||
             content_encoding == "deflate") {
    if (!Inflate(body, 256u << 20, &page->content)) {
      page->skipped = "bad-content-encoding";
    }
  } else {
    page->skipped = absl::StrCat("content-encoding-", content_encoding);
  }
}

absl::StatusOr<bool> WarcReader::Next(WarcPage* page) {
  *page = WarcPage();
  std::string line;
  // The version line, after any blank lines left between records.
  do {
    absl::StatusOr<bool> got = stream_->ReadLine(&line, kMaxHeaderLine);
    if (!got.ok()) return got.status();
    if (!*got) return false;
  } while (line.empty());
  if (!absl::StartsWith(line, "WARC/")) {
    return absl::InvalidArgumentError(
        absl::StrCat("expected a WARC record header ('WARC/1.0'), found '",
                     line.substr(0, 40), "'"));
  }
  std::string type;
  int64_t length = -1;
  for (int i = 0;; ++i) {
    if (i >= kMaxHeaderLines) {
      return absl::InvalidArgumentError(
          "a WARC record has over 1000 header lines");
    }
    absl::StatusOr<bool> got = stream_->ReadLine(&line, kMaxHeaderLine);
    if (!got.ok()) return got.status();
    if (!*got)
      return absl::DataLossError("the WARC file ends inside a record header");
    if (line.empty()) break;
    std::string name;
    absl::string_view value;
    if (!SplitHeader(line, &name, &value)) continue;
    if (name == "warc-type") type = std::string(value);
    if (name == "warc-target-uri")
      page->url =
          std::string(absl::StripPrefix(absl::StripSuffix(value, ">"), "<"));
    if (name == "warc-record-id") page->id = std::string(value);
    if (name == "content-length" && !absl::SimpleAtoi(value, &length))
      length = -1;
  }
  if (length < 0)
    return absl::InvalidArgumentError("a WARC record has no Content-Length");
  std::string block;
  if (static_cast<uint64_t>(length) > max_record_bytes_) {
    // Read through it in pieces to reach the next record.
    for (int64_t left = length; left > 0;) {
      const size_t take = static_cast<size_t>(std::min<int64_t>(left, 1 << 20));
      if (absl::Status s = stream_->ReadExact(take, &block); !s.ok()) return s;
      left -= static_cast<int64_t>(take);
    }
    page->skipped = "too-large";
    return true;
  }
  if (absl::Status s = stream_->ReadExact(static_cast<size_t>(length), &block);
      !s.ok()) {
    return s;
  }
  if (type != "response") {
    page->skipped = "not-response";
    return true;
  }
  ParseHttpResponse(block, page);
  return true;
}

}  // namespace declutter::client
