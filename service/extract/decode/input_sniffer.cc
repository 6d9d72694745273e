#include "service/extract/decode/input_sniffer.h"

#include <array>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace declutter::extract {
namespace {

struct Magic {
  absl::string_view prefix;
  absl::string_view name;
};
constexpr std::array<Magic, 8> kBinaryMagic = {{
    {"%PDF-", "a PDF document"},
    {"\x89PNG", "a PNG image"},
    {"\x1F\x8B", "gzip-compressed data (decompress before sending)"},
    {"GIF8", "a GIF image"},
    {"\xFF\xD8\xFF", "a JPEG image"},
    {"PK\x03\x04", "a ZIP archive"},
    {"RIFF", "a RIFF (WebP/AVI/WAV) file"},
    {"\x28\xB5\x2F\xFD", "zstd-compressed data (decompress before sending)"},
}};

// Tags whose presence near the start means markup.
constexpr std::array<absl::string_view, 9> kMarkupHints = {
    "<!doctype", "<html", "<head",  "<body", "<meta",
    "<div",      "<p>",   "<title", "<table"};

// C0 control bytes and DEL, except the whitespace ones, ESC (ISO-2022-JP's
// escapes) and NUL (counted on its own).
bool IsBinaryControl(unsigned char c) {
  return (c > 0 && c < 0x20 && c != '\t' && c != '\n' && c != '\r' &&
          c != '\f' && c != 0x1B) ||
         c == 0x7F;
}

}  // namespace

absl::Status InputSniffer::CheckCleanable(absl::string_view bytes,
                                          absl::string_view charset) {
  if (bytes.empty()) {
    return absl::InvalidArgumentError(
        "content is empty: expected the page's bytes as fetched");
  }
  for (const Magic& m : kBinaryMagic) {
    if (absl::StartsWith(bytes, m.prefix)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "content is ", m.name, ", not a web page: expected HTML or text"));
    }
  }
  if (absl::StartsWithIgnoreCase(charset, "UTF-16") ||
      absl::StartsWithIgnoreCase(charset, "UTF-32")) {
    return absl::OkStatus();
  }
  const absl::string_view head = bytes.substr(0, 4096);
  int nul = 0;
  int control = 0;
  for (char c : head) {
    nul += c == '\0';
    control += IsBinaryControl(static_cast<unsigned char>(c));
  }
  // A few stray NULs are a broken page, not a binary file (binary formats are
  // full of them); they are removed before parsing.
  constexpr int kStrayNuls = 8;
  if (nul > kStrayNuls && nul * 100 > static_cast<int>(head.size())) {
    return absl::InvalidArgumentError(
        absl::StrCat("content looks binary (", nul, " NUL bytes in the first ",
                     head.size(), "): expected HTML or text"));
  }
  // Compressed or encrypted data without a magic number (xz, random bytes)
  // has a control byte in ten; text in any charset declutter decodes has
  // almost none (multi-byte charsets' trail bytes start at 0x40).
  constexpr int kStrayControls = 8;
  if (control > kStrayControls &&
      control * 100 > static_cast<int>(head.size())) {
    return absl::InvalidArgumentError(absl::StrCat(
        "content looks binary (", control, " control bytes in the first ",
        head.size(), "; text has almost none): expected HTML or text"));
  }
  return absl::OkStatus();
}

InputKind InputSniffer::Declared(InputKind hint,
                                 absl::string_view content_type) {
  if (hint != InputKind::kAuto) return hint;
  const std::string type = absl::AsciiStrToLower(content_type.substr(0, 256));
  if (absl::StrContains(type, "html") || absl::StrContains(type, "xml")) {
    return InputKind::kHtml;
  }
  if (absl::StrContains(type, "text/plain")) return InputKind::kText;
  return InputKind::kAuto;
}

InputKind InputSniffer::Decide(InputKind hint, absl::string_view content_type,
                               absl::string_view text) {
  if (const InputKind declared = Declared(hint, content_type);
      declared != InputKind::kAuto) {
    return declared;
  }
  const std::string head = absl::AsciiStrToLower(text.substr(0, 2048));
  for (absl::string_view hint_tag : kMarkupHints) {
    if (absl::StrContains(head, hint_tag)) return InputKind::kHtml;
  }
  return InputKind::kText;
}

}  // namespace declutter::extract
