#include "service/extract/blocks/text_features.h"

#include <unicode/uchar.h>

#include <algorithm>

#include "service/extract/strings/utf8.h"

namespace declutter::extract {
namespace {

bool IsClausePunctuation(uint32_t cp) {
  switch (cp) {
    case ',':
    case '.':
    case ';':
    case ':':
    case '!':
    case '?':
    case 0x3001:
    case 0x3002:  // 、。
    case 0xFF0C:
    case 0xFF1B:
    case 0xFF1A:
    case 0xFF01:
    case 0xFF1F:  // ，；：！？
    case 0xFF0E:  // ．
      return true;
    default:
      return false;
  }
}

bool ClosesSentence(uint32_t cp) {
  switch (cp) {
    case '.':
    case '!':
    case '?':
    case 0x3002:
    case 0xFF01:
    case 0xFF1F:
    case 0xFF0E:
    case 0x2026:  // … (a teaser's ellipsis is handled by the classifier)
      return true;
    default:
      return false;
  }
}

// Closing quotes and brackets that may follow a sentence's last mark.
bool IsCloser(uint32_t cp) {
  switch (cp) {
    case '"':
    case '\'':
    case ')':
    case ']':
    case 0x201D:
    case 0x2019:
    case 0x300D:
    case 0x300F:
    case 0xFF09:
    case 0x3011:
      return true;
    default:
      return false;
  }
}

// A URL anywhere; an e-mail address where an '@' was seen (`f->has_email` on
// entry).
void ReadLinksAndAddresses(absl::string_view s, TextFeatures* f) {
  f->has_url = s.find("http://") != absl::string_view::npos ||
               s.find("https://") != absl::string_view::npos ||
               s.find("www.") != absl::string_view::npos;
  if (f->has_email) {
    size_t at = s.find('@');
    f->has_email = at != absl::string_view::npos && at > 0 &&
                   s.find('.', at) != absl::string_view::npos &&
                   s.find(' ', at) != at + 1;
  }
}

// A leading enumeration marker: up to three digits, then 、 . ) or ．
void ReadListMarker(absl::string_view s, TextFeatures* f) {
  size_t d = 0;
  int32_t n = 0;
  while (d < s.size() && d < 3 && s[d] >= '0' && s[d] <= '9')
    n = n * 10 + (s[d++] - '0');
  if (d > 0 && d < s.size()) {
    size_t after = 0;
    if (s.substr(d, 3) == "\xE3\x80\x81" || s.substr(d, 3) == "\xEF\xBC\x8E") {
      after = d + 3;  // 、 or ．
    } else if ((s[d] == '.' &&
                !(d + 1 < s.size() && s[d + 1] >= '0' && s[d + 1] <= '9')) ||
               s[d] == ')') {  // "3.5 million" is a number, not a marker
      after = d + 1;
    }
    if (after > 0) {
      while (after < s.size() && s[after] == ' ') ++after;
      f->list_number = n;
      f->list_marker_bytes = static_cast<int32_t>(after);
    }
  }
}

}  // namespace

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
    // Phone numbers have 7+ digits in a row ("0531-66661234", "18003713016");
    // dates
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
  ReadLinksAndAddresses(s, &f);
  ReadListMarker(s, &f);
  f.starts_with_bullet =
      first == '-' || first == 0x2022 || first == '*' || first == 0x00B7 ||
      first == 0x25CF || first == 0x25A0 ||
      (u_isdigit(first) &&
       (second == '.' || second == 0x3001 || second == ')')) ||
      ((first == '(' || first == 0xFF08) && u_isdigit(second));
  return f;
}

}  // namespace declutter::extract
