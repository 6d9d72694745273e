#include "service/extract/text/pinyin_gloss_remover.h"

#include <vector>

#include "service/extract/strings/utf8.h"

namespace declutter::extract {
namespace {

constexpr size_t kMaxSyllableBytes = 16;  // "zhuàng" is 7 bytes; leave room

bool IsToneMarked(uint32_t cp) {
  switch (cp) {
    case 0x101: case 0xE1: case 0x1CE: case 0xE0:   // ā á ǎ à
    case 0x113: case 0xE9: case 0x11B: case 0xE8:   // ē é ě è
    case 0x12B: case 0xED: case 0x1D0: case 0xEC:   // ī í ǐ ì
    case 0x14D: case 0xF3: case 0x1D2: case 0xF2:   // ō ó ǒ ò
    case 0x16B: case 0xFA: case 0x1D4: case 0xF9:   // ū ú ǔ ù
    case 0x1D6: case 0x1D8: case 0x1DA: case 0x1DC: // ǖ ǘ ǚ ǜ
    case 0x144: case 0x148: case 0x1F9:             // ń ň ǹ
      return true;
    default:
      return false;
  }
}

bool IsPinyinLetter(uint32_t cp) {
  return (cp >= 'a' && cp <= 'z') || cp == 0xFC || IsToneMarked(cp);
}

// If a tone-marked gloss starts at `open` (the '('), its length in bytes; else 0.
size_t GlossAt(absl::string_view s, size_t open) {
  size_t i = open + 1;
  bool tone = false;
  int letters = 0;
  while (i < s.size() && i - open <= kMaxSyllableBytes) {
    if (s[i] == ')') return tone && letters >= 1 ? i + 1 - open : 0;
    const uint32_t cp = NextCodePoint(s, &i);
    if (!IsPinyinLetter(cp)) return 0;
    tone |= IsToneMarked(cp);
    ++letters;
  }
  return 0;
}

}  // namespace

int PinyinGlossRemover::Remove(std::string* text) {
  const absl::string_view s = *text;
  std::vector<std::pair<size_t, size_t>> glosses;  // (offset, length)
  bool after_han = false;
  for (size_t i = 0; i < s.size();) {
    if (s[i] == '(' && after_han) {
      if (size_t len = GlossAt(s, i); len > 0) {
        glosses.emplace_back(i, len);
        i += len;
        after_han = false;
        continue;
      }
    }
    const uint32_t cp = NextCodePoint(s, &i);
    after_han = IsHanLike(cp);
  }
  if (static_cast<int>(glosses.size()) < kMinGlosses) return 0;
  std::string out;
  out.reserve(s.size());
  size_t from = 0;
  for (const auto& [at, len] : glosses) {
    out.append(s.data() + from, at - from);
    from = at + len;
  }
  out.append(s.data() + from, s.size() - from);
  *text = std::move(out);
  return static_cast<int>(glosses.size());
}

}  // namespace declutter::extract
