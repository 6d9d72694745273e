// libFuzzer target: the charset path. The input is "<content-type>\n<bytes>":
// the first line is sent as the HTTP Content-Type (so labels, quoting and
// unknown names are fuzzed), the rest as the page. It runs the engine's decode
// stage (DecodePage: detection, the cleanable check, decoding, mojibake repair,
// control-character removal and the kind), then the whole engine, and checks
// the one property both promise: the output is valid UTF-8. The decoded page
// must also have a kind, HTML or text.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "service/extract/clean.h"
#include "service/extract/decode/page_decoder.h"
#include "service/extract/strings/utf8.h"

namespace {

// IsValidUtf8 forgives a sequence cut by the end of input (crawlers truncate
// pages); output must not end in one, so a space is appended before the check.
void RequireUtf8(const std::string& s) {
  if (!declutter::extract::IsValidUtf8(s + " ")) {
    abort();  // a stage let invalid UTF-8 through
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const absl::string_view input(reinterpret_cast<const char*>(data), size);
  const size_t newline = input.find('\n');
  const absl::string_view content_type = newline == absl::string_view::npos
                                             ? absl::string_view()
                                             : input.substr(0, newline);
  const absl::string_view bytes =
      newline == absl::string_view::npos ? input : input.substr(newline + 1);

  declutter::extract::Page page;
  page.content = bytes;
  page.content_type = content_type;
  declutter::extract::InputInfo info;
  absl::StatusOr<declutter::extract::DecodedPage> decoded =
      declutter::extract::DecodePage(page, &info);
  if (decoded.ok()) {
    RequireUtf8(decoded->utf8);
    if (decoded->kind == declutter::extract::InputKind::kAuto) {
      abort();  // the decode stage left the kind undecided
    }
  }

  absl::StatusOr<declutter::extract::Result> result =
      declutter::extract::Clean(page, declutter::extract::Options());
  if (result.ok()) {
    RequireUtf8(result->article.text);
    RequireUtf8(result->article.title);
  }
  return 0;
}
