#include "service/extract/decode/charset_detector.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <memory>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "service/extract/decode/text_decoder.h"
#include "service/extract/strings/utf8.h"

namespace declutter::extract {
namespace {

// The WHATWG Encoding Standard's labels and the ICU converter for each.
struct LabelMapping {
  absl::string_view label;
  absl::string_view charset;
};
constexpr LabelMapping kWhatwgLabels[] = {
#include "service/extract/data/charset_labels.inc"
};

// Length of a UTF-8 byte-order mark or UTF-16 one at the start, with its
// charset.
CharsetDecision FromBom(absl::string_view bytes) {
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    return {"UTF-8", "bom", 3};
  }
  if (bytes.size() >= 2 && bytes.substr(0, 2) == "\xFE\xFF") {
    return {"UTF-16BE", "bom", 2};
  }
  if (bytes.size() >= 2 && bytes.substr(0, 2) == "\xFF\xFE") {
    return {"UTF-16LE", "bom", 2};
  }
  return {};
}

struct DetectorCloser {
  void operator()(UCharsetDetector* d) const { ucsdet_close(d); }
};

// The detector's cost grows with its input and its answer settles long before
// 64 KiB; the clean-decoding checks read the same sample.
constexpr size_t kSampleBytes = 64 * 1024;
constexpr size_t kMaxCandidates =
    6;  // ICU ranks ~30 charsets; the tail is noise

// ICU's statistical detector's charsets for `bytes`, most confident first,
// mapped the WHATWG way, duplicates and unknown names dropped. `declared` (may
// be empty) is passed as ICU's hint.
std::vector<std::string> DetectWithIcu(absl::string_view bytes,
                                       const std::string& declared) {
  std::vector<std::string> out;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, DetectorCloser> detector(
      ucsdet_open(&status));
  if (U_FAILURE(status)) return out;
  const int32_t len =
      static_cast<int32_t>(std::min(bytes.size(), kSampleBytes));
  ucsdet_setText(detector.get(), bytes.data(), len, &status);
  if (!declared.empty()) {
    ucsdet_setDeclaredEncoding(detector.get(), declared.data(),
                               static_cast<int32_t>(declared.size()), &status);
  }
  ucsdet_enableInputFilter(detector.get(), true);  // ignore markup
  int32_t found = 0;
  const UCharsetMatch** matches =
      ucsdet_detectAll(detector.get(), &found, &status);
  if (U_FAILURE(status) || matches == nullptr) return out;
  for (int32_t i = 0; i < found && out.size() < kMaxCandidates; ++i) {
    UErrorCode name_status = U_ZERO_ERROR;
    const char* name = ucsdet_getName(matches[i], &name_status);
    if (U_FAILURE(name_status) || name == nullptr) continue;
    // UTF-16 and UTF-32 without a byte-order mark are guesses ICU makes from
    // NUL bytes; the InputSniffer rejects such input as binary anyway.
    if (absl::StartsWithIgnoreCase(name, "UTF-16") ||
        absl::StartsWithIgnoreCase(name, "UTF-32")) {
      continue;
    }
    std::string charset = CharsetDetector::CanonicalCharset(name);
    if (charset.empty()) continue;
    if (std::find(out.begin(), out.end(), charset) == out.end())
      out.push_back(charset);
  }
  return out;
}

// The first of `candidates` that decodes the sample without one invalid
// sequence; "" when none does.
std::string FirstClean(absl::string_view bytes,
                       const std::vector<std::string>& candidates) {
  const absl::string_view sample = bytes.substr(0, kSampleBytes);
  for (const std::string& charset : candidates) {
    if (TextDecoder::CountInvalid(sample, charset) == 0) return charset;
  }
  return "";
}

// True for charsets that give every byte a meaning, so a clean decode proves
// nothing.
bool IsSingleByte(const std::string& charset) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* converter = ucnv_open(charset.c_str(), &status);
  if (U_FAILURE(status)) return false;
  const bool single = ucnv_getMaxCharSize(converter) == 1;
  ucnv_close(converter);
  return single;
}

}  // namespace

const std::vector<std::string>& CharsetDetector::KnownCharsets() {
  static const std::vector<std::string>* const kKnown = [] {
    auto* known = new std::vector<std::string>;
    for (const LabelMapping& m : kWhatwgLabels) {
      if (std::find(known->begin(), known->end(), m.charset) == known->end())
        known->emplace_back(m.charset);
    }
    return known;
  }();
  return *kKnown;
}

std::string CharsetDetector::CanonicalCharset(absl::string_view label,
                                              LabelSource source) {
  std::string lower = absl::AsciiStrToLower(absl::StripAsciiWhitespace(label));
  if (lower.empty() || lower.size() > 64) return "";
  for (const LabelMapping& m : kWhatwgLabels) {
    if (lower != m.label) continue;
    // A UTF-16 label inside an 8-bit document is always wrong: WHATWG reads
    // the document as UTF-8. From HTTP it says how the bytes are encoded.
    if (source == LabelSource::kDocument &&
        absl::StartsWith(m.charset, "UTF-16"))
      return "UTF-8";
    return std::string(m.charset);
  }
  return "";
}

absl::string_view CharsetDetector::CharsetFromContentType(
    absl::string_view content_type) {
  size_t pos = 0;
  while (pos < content_type.size()) {
    size_t semi = content_type.find(';', pos);
    if (semi == absl::string_view::npos) return "";
    absl::string_view param = content_type.substr(semi + 1);
    size_t end = param.find(';');
    absl::string_view one = absl::StripAsciiWhitespace(param.substr(0, end));
    if (absl::StartsWithIgnoreCase(one, "charset")) {
      absl::string_view rest = absl::StripLeadingAsciiWhitespace(one.substr(7));
      if (!rest.empty() && rest.front() == '=') {
        absl::string_view value = absl::StripAsciiWhitespace(rest.substr(1));
        if (value.size() >= 2 &&
            (value.front() == '"' || value.front() == '\'')) {
          value = value.substr(1, value.size() - 2);
        }
        return value;
      }
    }
    pos = semi + 1;
  }
  return "";
}

std::string CharsetDetector::MetaPrescan(absl::string_view bytes) {
  const std::string head = absl::AsciiStrToLower(bytes.substr(0, 1024));
  size_t pos = 0;
  while ((pos = head.find("<meta", pos)) != std::string::npos) {
    size_t end = head.find('>', pos);
    if (end == std::string::npos) end = head.size();
    absl::string_view tag(head.data() + pos, end - pos);
    pos = end;
    size_t at = tag.find("charset");
    if (at == absl::string_view::npos) continue;
    absl::string_view rest = tag.substr(at + 7);
    rest = absl::StripLeadingAsciiWhitespace(rest);
    if (rest.empty() || rest.front() != '=') continue;
    rest = absl::StripLeadingAsciiWhitespace(rest.substr(1));
    if (!rest.empty() && (rest.front() == '"' || rest.front() == '\'')) {
      rest.remove_prefix(1);
    }
    size_t stop = rest.find_first_of("\"'; \t\r\n/>");
    absl::string_view value = rest.substr(0, stop);
    if (!value.empty()) return std::string(value);
  }
  return "";
}

namespace {

bool HasNonAscii(absl::string_view bytes) {
  return FindNonAscii(bytes, 0) < bytes.size();
}

// A declared charset the bytes contradict is overruled, and the source says so:
//   - non-ASCII bytes that form valid UTF-8 are UTF-8 whatever the label says
//   (pages
//     re-saved as UTF-8 keep their old <meta>; multi-byte legacy text is
//     practically never valid UTF-8 by chance);
//   - a multi-byte label (UTF-8, GBK, Big5, Shift_JIS, ...) under which the
//   bytes have
//     invalid sequences gives way to the first detector candidate that decodes
//     them cleanly, `alternative` (the other declaration, may be empty) tried
//     first;
//   - a single-byte label (windows-1252, KOI8-R, ...) decodes anything, so it
//   gives way
//     only to a multi-byte charset that decodes the bytes cleanly and is either
//     the page's other declaration or the detector's first choice: the GBK page
//     served under a server's default ISO-8859-1.
CharsetDecision CheckDeclared(absl::string_view bytes,
                              const std::string& declared,
                              const std::string& alternative,
                              const char* source) {
  if (!HasNonAscii(bytes)) return {declared, source, 0};
  const std::string overruled = absl::StrCat("bytes-over-", source);
  if (IsValidUtf8(bytes)) {
    return {"UTF-8", declared == "UTF-8" ? source : overruled, 0};
  }
  const bool alternative_multi_byte = !alternative.empty() &&
                                      alternative != declared &&
                                      !IsSingleByte(alternative);
  if (IsSingleByte(declared)) {
    // The page's own multi-byte <meta> over a server's default label, when it
    // fits.
    if (alternative_multi_byte && !FirstClean(bytes, {alternative}).empty()) {
      return {alternative, overruled, 0};
    }
    const std::vector<std::string> candidates = DetectWithIcu(bytes, declared);
    if (!candidates.empty() && !IsSingleByte(candidates.front()) &&
        !FirstClean(bytes, {candidates.front()}).empty()) {
      return {candidates.front(), overruled, 0};
    }
    return {declared, source, 0};
  }
  if (declared != "UTF-8" && !FirstClean(bytes, {declared}).empty()) {
    return {declared, source, 0};
  }
  std::vector<std::string> candidates = DetectWithIcu(bytes, declared);
  if (!alternative.empty() && alternative != declared) {
    candidates.insert(candidates.begin(), alternative);
  }
  std::erase(candidates, declared);
  if (std::string clean = FirstClean(bytes, candidates); !clean.empty()) {
    return {clean, overruled, 0};
  }
  return {declared, source, 0};
}

}  // namespace

CharsetDecision CharsetDetector::Decide(absl::string_view bytes,
                                        absl::string_view content_type,
                                        bool allow_meta_prescan) {
  if (CharsetDecision bom = FromBom(bytes); !bom.charset.empty()) return bom;
  const std::string transport = CanonicalCharset(
      CharsetFromContentType(content_type), LabelSource::kTransport);
  const std::string meta =
      allow_meta_prescan
          ? CanonicalCharset(MetaPrescan(bytes), LabelSource::kDocument)
          : "";
  // UTF-16 declared on valid UTF-8 (ASCII included) without one NUL among its
  // first 4 KB: markup and Latin text in UTF-16 are half NULs, so the label is
  // wrong; the bytes decide, as if nothing were declared. (UTF-16 text of CJK
  // characters alone has no NULs, but is not valid UTF-8.)
  if (absl::StartsWith(transport, "UTF-16") &&
      bytes.substr(0, 4096).find('\0') == absl::string_view::npos &&
      IsValidUtf8(bytes)) {
    CharsetDecision d = Decide(bytes, "", allow_meta_prescan);
    if (d.source == "default" || d.source == "detected") {
      d.source = "bytes-over-content-type";
    }
    return d;
  }
  if (!transport.empty())
    return CheckDeclared(bytes, transport, meta, "content-type");
  if (!meta.empty()) return CheckDeclared(bytes, meta, "", "meta");
  // No declaration. Valid UTF-8 is UTF-8 (ICU's detector sometimes ranks a
  // Latin charset first on short UTF-8 text); otherwise the detector's first
  // candidate that decodes cleanly, else its first candidate at all.
  if (IsValidUtf8(bytes)) return {"UTF-8", "default", 0};
  const std::vector<std::string> candidates = DetectWithIcu(bytes, "");
  if (std::string clean = FirstClean(bytes, candidates); !clean.empty()) {
    return {clean, "detected", 0};
  }
  if (!candidates.empty()) return {candidates.front(), "detected", 0};
  return {"windows-1252", "default", 0};
}

}  // namespace declutter::extract
