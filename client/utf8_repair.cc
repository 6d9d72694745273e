#include "client/utf8_repair.h"

#include <cstdint>

namespace declutter::client {
namespace {

// The length of the well-formed UTF-8 sequence at `s[i]`, or 0 when the byte
// there does not begin one (Unicode table 3-7).
size_t SequenceLength(absl::string_view s, size_t i) {
  const auto b0 = static_cast<uint8_t>(s[i]);
  if (b0 < 0x80) return 1;
  size_t len = 0;
  uint8_t low = 0x80, high = 0xBF;  // the second byte's range
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    if (b0 == 0xE0) low = 0xA0;   // overlong
    if (b0 == 0xED) high = 0x9F;  // surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    if (b0 == 0xF0) low = 0x90;   // overlong
    if (b0 == 0xF4) high = 0x8F;  // past U+10FFFF
  } else {
    return 0;
  }
  if (s.size() - i < len) return 0;
  const auto b1 = static_cast<uint8_t>(s[i + 1]);
  if (b1 < low || b1 > high) return 0;
  for (size_t k = 2; k < len; ++k) {
    const auto b = static_cast<uint8_t>(s[i + k]);
    if (b < 0x80 || b > 0xBF) return 0;
  }
  return len;
}

void AppendPercent(uint8_t byte, std::string* out) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  out->push_back('%');
  out->push_back(kHex[byte >> 4]);
  out->push_back(kHex[byte & 0xF]);
}

// Copies `s` to the result, calling `bad(byte, &out)` for each byte that is not
// part of a well-formed sequence and `percent` for each '%' when set.
template <typename OnBad>
std::string Rewrite(absl::string_view s, bool escape_percent, OnBad bad) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const size_t len = SequenceLength(s, i);
    if (len == 0) {
      bad(static_cast<uint8_t>(s[i]), &out);
      ++i;
    } else if (escape_percent && s[i] == '%') {
      AppendPercent('%', &out);
      ++i;
    } else {
      out.append(s.data() + i, len);
      i += len;
    }
  }
  return out;
}

}  // namespace

size_t FirstInvalidUtf8(absl::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const size_t len = SequenceLength(s, i);
    if (len == 0) return i;
    i += len;
  }
  return s.size();
}

std::string PercentEncodeInvalidUtf8(absl::string_view url) {
  if (FirstInvalidUtf8(url) == url.size()) return std::string(url);
  return Rewrite(url, /*escape_percent=*/false, AppendPercent);
}

std::string IdOfPath(absl::string_view path) {
  if (FirstInvalidUtf8(path) == path.size() &&
      path.find('%') == absl::string_view::npos) {
    return std::string(path);
  }
  return Rewrite(path, /*escape_percent=*/true, AppendPercent);
}

std::string ReplaceInvalidUtf8(absl::string_view text) {
  if (FirstInvalidUtf8(text) == text.size()) return std::string(text);
  return Rewrite(text, /*escape_percent=*/false, [](uint8_t, std::string* out) {
    out->append("\xEF\xBF\xBD");
  });
}

}  // namespace declutter::client
