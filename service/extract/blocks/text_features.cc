#include "service/extract/blocks/text_features.h"

#include <cstring>

#include <unicode/uchar.h>

#include <algorithm>

#include "absl/strings/ascii.h"

namespace declutter::extract {
namespace {

bool IsClausePunctuation(uint32_t cp) {
  switch (cp) {
    case ',': case '.': case ';': case ':': case '!': case '?':
    case 0x3001: case 0x3002:  // 、。
    case 0xFF0C: case 0xFF1B: case 0xFF1A: case 0xFF01: case 0xFF1F:  // ，；：！？
    case 0xFF0E:  // ．
      return true;
    default:
      return false;
  }
}

bool ClosesSentence(uint32_t cp) {
  switch (cp) {
    case '.': case '!': case '?': case 0x3002: case 0xFF01: case 0xFF1F:
    case 0xFF0E: case 0x2026:  // … (a teaser's ellipsis is handled by the classifier)
      return true;
    default:
      return false;
  }
}

// Closing quotes and brackets that may follow a sentence's last mark.
bool IsCloser(uint32_t cp) {
  switch (cp) {
    case '"': case '\'': case ')': case ']': case 0x201D: case 0x2019:
    case 0x300D: case 0x300F: case 0xFF09: case 0x3011:
      return true;
    default:
      return false;
  }
}

}  // namespace

size_t FindNonAscii(absl::string_view s, size_t from) {
  size_t i = from;
  while (i + 8 <= s.size()) {
    uint64_t chunk;
    std::memcpy(&chunk, s.data() + i, 8);
    if (chunk & 0x8080808080808080ULL) break;
    i += 8;
  }
  while (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) ++i;
  return i;
}

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

uint32_t NextCodePoint(absl::string_view s, size_t* i) {
  const auto c = static_cast<unsigned char>(s[*i]);
  if (c < 0x80) {
    ++*i;
    return c;
  }
  int len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
  if (len == 0 || *i + len > s.size()) {
    ++*i;
    return 0xFFFD;
  }
  uint32_t cp = c & (0x7F >> len);
  for (int k = 1; k < len; ++k) {
    const auto cc = static_cast<unsigned char>(s[*i + k]);
    if ((cc & 0xC0) != 0x80) {
      ++*i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (cc & 0x3F);
  }
  *i += len;
  return cp;
}

bool ContainsIgnoreCase(absl::string_view hay, absl::string_view needle) {
  return std::search(hay.begin(), hay.end(), needle.begin(), needle.end(), [](char a, char b) {
           return absl::ascii_tolower(static_cast<unsigned char>(a)) ==
                  absl::ascii_tolower(static_cast<unsigned char>(b));
         }) != hay.end();
}

int32_t CountCodePoints(absl::string_view s) {
  int32_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool IsHanLike(uint32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0x20000 && cp <= 0x2FFFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0xAC00 && cp <= 0xD7AF);
}

TextFeatures ComputeTextFeatures(absl::string_view s) {
  TextFeatures f;
  uint32_t last = 0, before_last = 0;
  bool in_word = false;
  int digit_run = 0, max_digit_run = 0;
  bool at_start = true;
  uint32_t first = 0, second = 0;
  for (size_t i = 0; i < s.size();) {
    const uint32_t cp = NextCodePoint(s, &i);
    if (u_isUWhiteSpace(cp)) {
      in_word = false;
      digit_run = 0;
      continue;
    }
    ++f.chars;
    if (at_start) {
      first = cp;
      at_start = false;
    } else if (second == 0) {
      second = cp;
    }
    if (IsHanLike(cp)) {
      ++f.han;
      ++f.words;
      in_word = false;
    } else if (u_isalpha(cp)) {
      ++f.letters;
      if (!in_word) ++f.words;
      in_word = true;
    } else if (u_isdigit(cp)) {
      ++f.digits;
      if (!in_word) ++f.words;
      in_word = true;
    } else {
      in_word = false;
      if (IsClausePunctuation(cp)) ++f.punctuation;
      if (cp == '@') f.has_email = true;  // refined below
    }
    // Phone numbers have 7+ digits in a row ("0531-66661234", "18003713016"); dates
    // ("2024-04-18") never do.
    if (u_isdigit(cp)) {
      max_digit_run = std::max(max_digit_run, ++digit_run);
    } else {
      digit_run = 0;
    }
    before_last = last;
    last = cp;
  }
  if (IsCloser(last)) last = before_last;
  f.ends_sentence = ClosesSentence(last);
  f.ends_with_full_stop = last == '.' || last == 0x3002 || last == 0xFF0E;
  f.has_phone = max_digit_run >= 7;
  f.has_url = s.find("http://") != absl::string_view::npos ||
              s.find("https://") != absl::string_view::npos ||
              s.find("www.") != absl::string_view::npos;
  if (f.has_email) {
    size_t at = s.find('@');
    f.has_email = at != absl::string_view::npos && at > 0 &&
                  s.find('.', at) != absl::string_view::npos &&
                  s.find(' ', at) != at + 1;
  }
  // A leading enumeration marker: up to three digits, then 、 . ) or ．
  size_t d = 0;
  int32_t n = 0;
  while (d < s.size() && d < 3 && s[d] >= '0' && s[d] <= '9') n = n * 10 + (s[d++] - '0');
  if (d > 0 && d < s.size()) {
    size_t after = 0;
    if (s.substr(d, 3) == "\xE3\x80\x81" || s.substr(d, 3) == "\xEF\xBC\x8E") {
      after = d + 3;  // 、 or ．
    } else if ((s[d] == '.' && !(d + 1 < s.size() && s[d + 1] >= '0' && s[d + 1] <= '9')) ||
               s[d] == ')') {  // "3.5 million" is a number, not a marker
      after = d + 1;
    }
    if (after > 0) {
      while (after < s.size() && s[after] == ' ') ++after;
      f.list_number = n;
      f.list_marker_bytes = static_cast<int32_t>(after);
    }
  }
  f.starts_with_bullet =
      first == '-' || first == 0x2022 || first == '*' || first == 0x00B7 ||
      first == 0x25CF || first == 0x25A0 ||
      (u_isdigit(first) && (second == '.' || second == 0x3001 || second == ')')) ||
      ((first == '(' || first == 0xFF08) && u_isdigit(second));
  return f;
}

absl::string_view Utf8Prefix(absl::string_view s, size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  size_t cut = max_bytes;
  // Back up over continuation bytes to the start of the sequence the cap falls in.
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut);
}

}  // namespace declutter::extract
