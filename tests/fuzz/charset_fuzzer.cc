// libFuzzer target: the charset path. The input is "<content-type>\n<bytes>":
// the first line is sent as the HTTP Content-Type (so labels, quoting and
// unknown names are fuzzed), the rest as the page. It runs detection, decoding,
// mojibake repair and control-character removal, then the whole engine with the
// sniffed kind, and checks the one property every stage promises: the output is
// valid UTF-8.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "service/extract/decode/charset_detector.h"
#include "service/extract/clean.h"
#include "service/extract/decode/mojibake_repairer.h"
#include "service/extract/decode/text_decoder.h"
#include "service/extract/strings/text_normalizer.h"
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

  using declutter::extract::CharsetDetector;
  const declutter::extract::CharsetDecision decision =
      CharsetDetector::Decide(bytes, content_type, /*allow_meta_prescan=*/true);
  absl::StatusOr<declutter::extract::DecodedText> decoded =
      declutter::extract::TextDecoder::ToUtf8(bytes.substr(decision.bom_bytes),
                                              decision.charset);
  if (decoded.ok()) {
    RequireUtf8(decoded->utf8);
    declutter::extract::MojibakeRepairer::Repair(&decoded->utf8);
    RequireUtf8(decoded->utf8);
    declutter::extract::TextNormalizer::RemoveControlCharacters(&decoded->utf8);
    RequireUtf8(decoded->utf8);
  }
  (void)declutter::extract::TextDecoder::CountInvalid(bytes, decision.charset);

  declutter::extract::Page page;
  page.content = bytes;
  page.content_type = content_type;
  absl::StatusOr<declutter::extract::Result> result =
      declutter::extract::Clean(page, declutter::extract::Options());
  if (result.ok()) {
    RequireUtf8(result->article.text);
    RequireUtf8(result->article.title);
  }
  return 0;
}
