// UTF-8 primitives the engine's stages share: stepping through code points,
// finding the first non-ASCII byte, encoding a code point, validating, cutting
// on a character boundary, counting characters, and telling Han-like scripts
// apart.
//
// Input: byte strings that are meant to be UTF-8 but may be malformed (pages
// are untrusted); every function terminates and stays in bounds on any bytes.
// Output: values, or bytes appended to a caller's string. Nothing is owned or
// retained. Pure functions; thread-safe.
//
// NextCodePoint and IsHanLike are defined here, inline, because the
// per-character loops of the text features, the block walk and the mojibake
// repairer call them once per character.

#ifndef DECLUTTER_SERVICE_EXTRACT_STRINGS_UTF8_H_
#define DECLUTTER_SERVICE_EXTRACT_STRINGS_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"

namespace declutter::extract {

// Decodes the code point starting at `*i` in `s` and advances `*i`; malformed
// bytes decode as U+FFFD one byte at a time, so every loop over it terminates.
// `*i` must be less than `s.size()`.
inline uint32_t NextCodePoint(absl::string_view s, size_t* i) {
  const auto c = static_cast<unsigned char>(s[*i]);
  if (c < 0x80) {
    ++*i;
    return c;
  }
  int len = (c & 0xE0) == 0xC0   ? 2
            : (c & 0xF0) == 0xE0 ? 3
            : (c & 0xF8) == 0xF0 ? 4
                                 : 0;
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

// True for CJK ideographs, kana and Hangul syllables.
inline bool IsHanLike(uint32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0x20000 && cp <= 0x2FFFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0xAC00 && cp <= 0xD7AF);
}

// The index of the first byte at or after `from` that is not ASCII; `s.size()`
// when none. Reads eight bytes at a time: pages are mostly ASCII markup.
size_t FindNonAscii(absl::string_view s, size_t from);

// True when `bytes` is well-formed UTF-8: no overlong forms, surrogates or code
// points past U+10FFFF. A sequence cut by the end of input counts as
// well-formed: crawlers truncate pages.
bool IsValidUtf8(absl::string_view bytes);

// Appends the UTF-8 form of the code point `cp` (at most U+10FFFF) to `*out`.
void AppendUtf8(uint32_t cp, std::string* out);

// The longest prefix of `s` of at most `max_bytes` bytes that does not end
// inside a UTF-8 sequence: for caps on untrusted text that must stay valid
// UTF-8.
absl::string_view Utf8Prefix(absl::string_view s, size_t max_bytes);

// Number of code points in `s` (the bytes that are not continuation bytes).
int32_t CountCodePoints(absl::string_view s);

// Whether `hay` contains `needle`, ASCII letters compared without case and
// every other byte exactly: safe on UTF-8, whose multi-byte sequences hold no
// ASCII bytes.
bool ContainsIgnoreCase(absl::string_view hay, absl::string_view needle);

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_STRINGS_UTF8_H_
