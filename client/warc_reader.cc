#include "client/warc_reader.h"

#include <zlib.h>

#include <cstring>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
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

// How inflating a body ended.
enum class Inflated { kOk, kBad, kTooLarge };

// Inflates gzip or zlib-wrapped deflate `in` (zlib tells them apart), keeping
// what a truncated stream gives. Stops as soon as the output passes
// `max_bytes` (kTooLarge): a few KB of gzip can inflate to gigabytes, so the
// limit holds while inflating, and memory stays `max_bytes` + 64 KiB.
Inflated Inflate(absl::string_view in, size_t max_bytes, std::string* out) {
  z_stream z{};
  if (inflateInit2(&z, 15 + 32) != Z_OK) return Inflated::kBad;
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  out->clear();
  char buffer[64 << 10];
  int rc = Z_OK;
  while (rc == Z_OK) {
    z.next_out = reinterpret_cast<Bytef*>(buffer);
    z.avail_out = sizeof(buffer);
    rc = inflate(&z, Z_NO_FLUSH);
    const size_t got = sizeof(buffer) - z.avail_out;
    if (out->size() + got > max_bytes) {
      inflateEnd(&z);
      out->clear();
      out->shrink_to_fit();
      return Inflated::kTooLarge;
    }
    out->append(buffer, got);
    if (rc == Z_BUF_ERROR && z.avail_in == 0)
      break;  // truncated: keep what there is
  }
  inflateEnd(&z);
  return rc == Z_STREAM_END || (rc == Z_BUF_ERROR && !out->empty())
             ? Inflated::kOk
             : Inflated::kBad;
}

}  // namespace

void WarcReader::ParseHttpResponse(const std::string& http,
                                   size_t max_content_bytes, WarcPage* page) {
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
    switch (Inflate(body, max_content_bytes, &page->content)) {
      case Inflated::kOk:
        break;
      case Inflated::kBad:
        page->skipped = "bad-content-encoding";
        break;
      case Inflated::kTooLarge:
        page->error = absl::ResourceExhaustedError(absl::StrCat(
            "record ", page->id, "'s ", content_encoding,
            " body inflates past the limit of ", max_content_bytes,
            " bytes: expected a page of at most --max-bytes (raise it for "
            "larger pages)"));
        break;
    }
  } else {
    page->skipped = absl::StrCat("content-encoding-", content_encoding);
  }
}

absl::StatusOr<bool> WarcReader::Next(WarcPage* page) {
  *page = WarcPage();
  std::string line;
  if (!version_line_.empty()) {
    line = std::move(version_line_);
    version_line_.clear();
  } else {
    // The version line, after any blank lines left between records.
    do {
      absl::StatusOr<bool> got = stream_->ReadLine(&line, kMaxHeaderLine);
      if (!got.ok() && records_ > 0 &&
          got.status().code() == absl::StatusCode::kResourceExhausted) {
        line = "(a line too long)";  // dropped; resynchronise below
        break;
      }
      if (!got.ok()) return got.status();
      if (!*got) return false;
    } while (line.empty());
  }
  if (!absl::StartsWith(line, "WARC/")) {
    const absl::Status bad = absl::InvalidArgumentError(
        absl::StrCat("expected a WARC record header ('WARC/1.0'), found '",
                     absl::CEscape(line.substr(0, 40)), "'"));
    if (records_ == 0) return bad;  // not a WARC file at all
    ++records_;
    page->error = absl::InvalidArgumentError(
        absl::StrCat("record ", records_, ": ", bad.message(),
                     "; skipped to the next 'WARC/1.' line"));
    if (absl::Status s = Resync(); !s.ok()) return s;
    return true;
  }
  ++records_;
  std::string type;
  int64_t length = -1;
  absl::StatusOr<bool> header = ReadHeader(page, &type, &length);
  if (!header.ok() || !*header) return header;
  std::string block;
  if (static_cast<uint64_t>(length) > max_record_bytes_) {
    // Read through it in pieces to reach the next record.
    const int64_t block_start = stream_->position();
    int64_t read = 0;
    for (int64_t left = length; left > 0;) {
      const size_t take = static_cast<size_t>(std::min<int64_t>(left, 1 << 20));
      if (absl::Status s = stream_->ReadUpTo(take, &block); !s.ok()) return s;
      read += static_cast<int64_t>(block.size());
      if (block.size() < take) break;  // the file ends first
      left -= static_cast<int64_t>(take);
    }
    std::string trailer;
    if (absl::Status s = stream_->ReadUpTo(4, &trailer); !s.ok()) return s;
    if (read == length && (trailer.empty() || trailer == "\r\n\r\n")) {
      page->skipped = "too-large";
      return true;
    }
    // The length lied, and the records it spanned were skipped: go back to
    // where the block began and resynchronise from there.
    page->error = absl::DataLossError(absl::StrCat(
        "record ", page->id.empty() ? absl::StrCat(records_) : page->id,
        " of Content-Length ", length,
        read < length
            ? absl::StrCat(" is cut: the file ends ", read, " bytes into it")
            : " is not followed by CRLF CRLF: the length is wrong",
        "; skipped to the next 'WARC/1.' line"));
    if (absl::Status s = stream_->Seek(block_start); !s.ok()) return s;
    if (absl::Status s = Resync(); !s.ok()) return s;
    return true;
  }
  absl::StatusOr<bool> whole = ReadBlock(length, &block, page);
  if (!whole.ok()) return whole.status();
  if (!*whole) {
    if (absl::Status s = Resync(); !s.ok()) return s;
    return true;
  }
  if (type != "response") {
    page->skipped = "not-response";
    return true;
  }
  ParseHttpResponse(block, max_record_bytes_, page);
  return true;
}

absl::StatusOr<bool> WarcReader::ReadHeader(WarcPage* page, std::string* type,
                                            int64_t* length) {
  std::string line;
  bool has_length = false;
  for (int i = 0;; ++i) {
    if (i >= kMaxHeaderLines) {
      page->error = absl::InvalidArgumentError(
          absl::StrCat("record ", records_, " has over ", kMaxHeaderLines,
                       " header lines; skipped to the next 'WARC/1.' line"));
      if (absl::Status s = Resync(); !s.ok()) return s;
      return false;
    }
    absl::StatusOr<bool> got = stream_->ReadLine(&line, kMaxHeaderLine);
    if (!got.ok() &&
        got.status().code() == absl::StatusCode::kResourceExhausted) {
      page->error = absl::InvalidArgumentError(absl::StrCat(
          "record ", records_, " has a header line over ", kMaxHeaderLine,
          " bytes; skipped to the next 'WARC/1.' line"));
      if (absl::Status s = Resync(); !s.ok()) return s;
      return false;
    }
    if (!got.ok()) return got.status();
    if (!*got)
      return absl::DataLossError("the WARC file ends inside a record header");
    if (line.empty()) break;
    std::string name;
    absl::string_view value;
    if (!SplitHeader(line, &name, &value)) continue;
    if (name == "warc-type") *type = std::string(value);
    if (name == "warc-target-uri")
      page->url =
          std::string(absl::StripPrefix(absl::StripSuffix(value, ">"), "<"));
    if (name == "warc-record-id") page->id = std::string(value);
    if (name == "content-length") {
      has_length = absl::SimpleAtoi(value, length) && *length >= 0;
    }
  }
  if (!has_length) {
    page->error = absl::InvalidArgumentError(absl::StrCat(
        "record ", page->id.empty() ? absl::StrCat(records_) : page->id,
        " has no valid Content-Length; skipped to the next 'WARC/1.' line"));
    if (absl::Status s = Resync(); !s.ok()) return s;
    return false;
  }
  return true;
}

absl::StatusOr<bool> WarcReader::ReadBlock(int64_t length, std::string* block,
                                           WarcPage* page) {
  if (absl::Status s = stream_->ReadUpTo(static_cast<size_t>(length), block);
      !s.ok()) {
    return s;
  }
  std::string trailer;
  if (absl::Status s = stream_->ReadUpTo(4, &trailer); !s.ok()) return s;
  const bool whole = block->size() == static_cast<size_t>(length);
  // CRLF CRLF, or bare LFs from writers that use them; a last record whose
  // trailer the file lost is whole all the same.
  if (whole && (trailer == "\r\n\r\n" || trailer.empty() || trailer == "\r\n" ||
                absl::StartsWith(trailer, "\n\n"))) {
    if (absl::StartsWith(trailer, "\n\n")) {
      stream_->Unread(absl::string_view(trailer).substr(2));
    }
    return true;
  }
  // The length lied. Too large: the next record's "WARC/1." line is inside
  // what was read, so it and what follows go back to the stream. Too small:
  // the rest of this record is still ahead, and Resync() reads past it.
  std::string seen = std::move(*block);
  seen += trailer;
  block->clear();
  size_t back = seen.find("\nWARC/1.");
  if (back != std::string::npos) {
    back += 1;
  } else {
    const size_t last_newline = seen.rfind('\n');
    back = last_newline == std::string::npos ? 0 : last_newline + 1;
  }
  stream_->Unread(absl::string_view(seen).substr(back));
  page->error = absl::DataLossError(absl::StrCat(
      "record ", page->id.empty() ? absl::StrCat(records_) : page->id,
      " of Content-Length ", length,
      whole ? " is not followed by CRLF CRLF: the length is wrong"
            : absl::StrCat(" is cut: the file ends ", seen.size(),
                           " bytes into it"),
      "; skipped to the next 'WARC/1.' line"));
  return false;
}

absl::Status WarcReader::Resync() {
  std::string line;
  // Each turn consumes at least one byte, so this ends with the file.
  while (true) {
    absl::StatusOr<bool> got = stream_->ReadLine(&line, kMaxHeaderLine);
    if (!got.ok() &&
        got.status().code() == absl::StatusCode::kResourceExhausted) {
      continue;  // a long line of the bad record, dropped
    }
    if (!got.ok()) return got.status();
    if (!*got) return absl::OkStatus();
    if (absl::StartsWith(line, "WARC/1.")) {
      version_line_ = std::move(line);
      return absl::OkStatus();
    }
  }
}

}  // namespace declutter::client
