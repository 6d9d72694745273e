#include "service/extract/decode/page_decoder.h"

#include <utility>

#include "service/extract/decode/charset_detector.h"
#include "service/extract/decode/input_sniffer.h"
#include "service/extract/decode/mojibake_repairer.h"
#include "service/extract/decode/text_decoder.h"
#include "service/extract/strings/text_normalizer.h"

namespace declutter::extract {

absl::StatusOr<DecodedPage> DecodePage(const Page& page, InputInfo* input) {
  // Before decoding only the caller or the Content-Type can say "plain text",
  // where "<meta" is just text. Prescanning an undeclared page without markup
  // changes nothing: the "<meta" it looks for would have made it markup.
  const bool declared_text =
      InputSniffer::Declared(page.kind, page.content_type) == InputKind::kText;
  const CharsetDecision charset = CharsetDetector::Decide(
      page.content, page.content_type, /*allow_meta_prescan=*/!declared_text);
  if (absl::Status s =
          InputSniffer::CheckCleanable(page.content, charset.charset);
      !s.ok()) {
    return s;
  }
  absl::StatusOr<DecodedText> decoded = TextDecoder::ToUtf8(
      page.content.substr(charset.bom_bytes), charset.charset);
  if (!decoded.ok()) return decoded.status();
  input->charset = charset.charset;
  input->charset_source = charset.source;
  input->replacement_count = decoded->replacement_count;
  DecodedPage out;
  out.utf8 = std::move(decoded->utf8);
  input->mojibake_repairs = MojibakeRepairer::Repair(&out.utf8);
  TextNormalizer::RemoveControlCharacters(&out.utf8);
  out.kind = InputSniffer::Decide(page.kind, page.content_type, out.utf8);
  input->kind = out.kind;
  return out;
}

}  // namespace declutter::extract
