#include "service/extract/charset_detector.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace declutter::extract {
namespace {

// Labels whose decoder differs from their name, per the WHATWG Encoding Standard.
struct LabelMapping {
  absl::string_view label;
  absl::string_view charset;
};
constexpr std::array<LabelMapping, 14> kWhatwgLabels = {{
    {"gb2312", "GB18030"},  // servers label GBK text gb2312
    {"gbk", "GB18030"},
    {"x-gbk", "GB18030"},
    {"gb_2312-80", "GB18030"},
    {"chinese", "GB18030"},
    {"big5", "Big5-HKSCS"},  // Big5 pages use HKSCS extensions freely
    {"big5-hkscs", "Big5-HKSCS"},
    {"x-x-big5", "Big5-HKSCS"},
    {"iso-8859-1", "windows-1252"},  // C1 bytes are cp1252 punctuation in practice
    {"latin1", "windows-1252"},
    {"us-ascii", "windows-1252"},
    {"ascii", "windows-1252"},
    {"utf8", "UTF-8"},
    {"x-sjis", "Shift_JIS"},
}};

// Length of a UTF-8 byte-order mark or UTF-16 one at the start, with its charset.
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

// Asks ICU's statistical detector; "" when it has no confident answer.
std::string DetectWithIcu(absl::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, DetectorCloser> detector(ucsdet_open(&status));
  if (U_FAILURE(status)) return "";
  // The detector's cost grows with input; 64 KiB is plenty of evidence.
  const int32_t len =
      static_cast<int32_t>(std::min<size_t>(bytes.size(), 64 * 1024));
  ucsdet_setText(detector.get(), bytes.data(), len, &status);
  ucsdet_enableInputFilter(detector.get(), true);  // ignore markup
  const UCharsetMatch* match = ucsdet_detect(detector.get(), &status);
  if (U_FAILURE(status) || match == nullptr) return "";
  const char* name = ucsdet_getName(match, &status);
  if (U_FAILURE(status) || name == nullptr) return "";
  return CharsetDetector::CanonicalCharset(name);
}

}  // namespace

std::string CharsetDetector::CanonicalCharset(absl::string_view label) {
  std::string lower = absl::AsciiStrToLower(absl::StripAsciiWhitespace(label));
  if (lower.empty() || lower.size() > 64) return "";
  for (const LabelMapping& m : kWhatwgLabels) {
    if (lower == m.label) return std::string(m.charset);
  }
  if (lower == "utf-8") return "UTF-8";
  UErrorCode status = U_ZERO_ERROR;
  const char* canonical = ucnv_getCanonicalName(lower.c_str(), "", &status);
  if (U_FAILURE(status) || canonical == nullptr) {
    status = U_ZERO_ERROR;
    canonical = ucnv_getCanonicalName(lower.c_str(), "IANA", &status);
  }
  if (U_FAILURE(status) || canonical == nullptr) return "";
  // UTF-16 labels inside an 8-bit document are always wrong (WHATWG treats them as UTF-8).
  if (absl::StartsWithIgnoreCase(lower, "utf-16")) return "UTF-8";
  return lower;  // ICU accepts the label itself as an alias
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
        if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'')) {
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

bool CharsetDetector::IsValidUtf8(absl::string_view bytes) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t n = bytes.size();
  size_t i = 0;
  while (i < n) {
    // Skip ASCII eight bytes at a time: most pages are mostly ASCII markup.
    while (i + 8 <= n) {
      uint64_t chunk;
      std::memcpy(&chunk, p + i, 8);
      if (chunk & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= n) break;
    const unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    int len;
    uint32_t min;
    if ((c & 0xE0) == 0xC0) {
      len = 2, min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3, min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4, min = 0x10000;
    } else {
      return false;
    }
    if (i + len > n) {
      // Cut by the end of input: acceptable only if what is there is well-formed.
      for (size_t k = i + 1; k < n; ++k) {
        if ((p[k] & 0xC0) != 0x80) return false;
      }
      return true;
    }
    uint32_t cp = c & (0x7F >> len);
    for (int k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += len;
  }
  return true;
}

namespace {

// A declared charset the bytes contradict is overruled. Non-ASCII bytes that form
// valid UTF-8 are UTF-8 whatever the label says (pages re-saved as UTF-8 keep their
// old <meta>; multi-byte legacy text is practically never valid UTF-8 by chance). A
// page declared UTF-8 whose bytes are not goes to the detector.
CharsetDecision CheckDeclared(absl::string_view bytes, const std::string& declared,
                              const char* source) {
  const std::string overruled = absl::StrCat("bytes-over-", source);
  if (declared != "UTF-8") {
    const bool non_ascii = std::any_of(bytes.begin(), bytes.end(),
                                       [](char c) { return (c & 0x80) != 0; });
    if (non_ascii && CharsetDetector::IsValidUtf8(bytes)) return {"UTF-8", overruled, 0};
    return {declared, source, 0};
  }
  if (!CharsetDetector::IsValidUtf8(bytes)) {
    std::string detected = DetectWithIcu(bytes);
    if (!detected.empty() && detected != "UTF-8") return {detected, overruled, 0};
  }
  return {declared, source, 0};
}

}  // namespace

CharsetDecision CharsetDetector::Decide(absl::string_view bytes,
                                        absl::string_view content_type,
                                        bool allow_meta_prescan) {
  if (CharsetDecision bom = FromBom(bytes); !bom.charset.empty()) return bom;
  std::string declared = CanonicalCharset(CharsetFromContentType(content_type));
  if (!declared.empty()) return CheckDeclared(bytes, declared, "content-type");
  if (allow_meta_prescan) {
    declared = CanonicalCharset(MetaPrescan(bytes));
    if (!declared.empty()) return CheckDeclared(bytes, declared, "meta");
  }
  if (IsValidUtf8(bytes)) return {"UTF-8", "default", 0};
  std::string detected = DetectWithIcu(bytes);
  if (!detected.empty()) return {detected, "detected", 0};
  return {"windows-1252", "default", 0};
}

}  // namespace declutter::extract
