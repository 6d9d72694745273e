#include "service/extract/decode/mojibake_repairer.h"

#include <unicode/ucnv.h>

#include <array>
#include <cstring>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "service/extract/decode/text_decoder.h"
#include "service/extract/strings/utf8.h"

namespace declutter::extract {
namespace {

// What windows-1252 decodes bytes 0x80-0x9F to, read from ICU once: the table of a
// mis-decoding is the charset's own, not a copy of it.
struct Cp1252High {
  std::array<uint32_t, 32> code_point{};  // 0 where windows-1252 leaves the byte undefined
};

const Cp1252High& HighTable() {
  static const Cp1252High table = [] {
    Cp1252High t;
    UErrorCode status = U_ZERO_ERROR;
    UConverter* converter = ucnv_open("windows-1252", &status);
    if (U_FAILURE(status)) return t;
    for (int b = 0x80; b < 0xA0; ++b) {
      const char byte = static_cast<char>(b);
      UChar out[2];
      status = U_ZERO_ERROR;
      ucnv_reset(converter);
      const int32_t n = ucnv_toUChars(converter, out, 2, &byte, 1, &status);
      if (U_SUCCESS(status) && n == 1 && out[0] != 0xFFFD && out[0] != 0x1A &&
          out[0] >= 0xA0) {
        t.code_point[b - 0x80] = out[0];
      }
    }
    ucnv_close(converter);
    return t;
  }();
  return table;
}

// The byte `cp` came from if the text was mis-decoded as windows-1252 or Latin-1;
// -1 when no single byte decodes to it.
int ByteOf(uint32_t cp) {
  if (cp >= 0x80 && cp <= 0xFF) return static_cast<int>(cp);
  if (cp < 0x152 || cp > 0x2122) return -1;  // the range of windows-1252's extras
  const Cp1252High& t = HighTable();
  for (int i = 0; i < 32; ++i) {
    if (t.code_point[i] == cp) return 0x80 + i;
  }
  return -1;
}

// Characters a repaired two-byte UTF-8 sequence may plausibly be: Latin letters and
// symbols, Greek, Cyrillic, Hebrew and Arabic, the scripts whose UTF-8 mojibake is met.
// Others (IPA, Armenian, ...) are rare enough that "ÉTÉ»" is more likely meant as is.
bool PlausibleTwoByte(uint32_t cp) {
  return (cp >= 0xA0 && cp <= 0x24F) || (cp >= 0x370 && cp <= 0x4FF) ||
         (cp >= 0x590 && cp <= 0x6FF);
}

// Length of a well-formed, plausible multi-byte UTF-8 sequence at `b[i]`, with its code
// point in `*cp`; 0 when none starts there.
int Utf8SequenceAt(const std::vector<uint8_t>& b, size_t i, uint32_t* cp) {
  const uint8_t c = b[i];
  int len;
  uint32_t min;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2, min = 0x80;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3, min = 0x800;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4, min = 0x10000;
  } else {
    return 0;
  }
  if (i + len > b.size()) return 0;
  uint32_t v = c & (0x7F >> len);
  for (int k = 1; k < len; ++k) {
    if ((b[i + k] & 0xC0) != 0x80) return 0;
    v = (v << 6) | (b[i + k] & 0x3F);
  }
  if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
  if (len == 2 && !PlausibleTwoByte(v)) return 0;
  *cp = v;
  return len;
}

bool IsCjkText(uint32_t cp) {
  return IsHanLike(cp) || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF);
}

// A run of characters that each map back to one byte, as found in the text. A GBK
// pair may end in an ASCII byte (0x40-0x7E), so the run takes one after a pending
// lead byte.
struct Run {
  size_t begin = 0, end = 0;      // byte range in the text
  std::vector<uint8_t> bytes;  // one per character
  bool has_c1 = false;         // holds a C1 control (U+0080-U+009F), repairable alone
  // Results of reading the bytes each way; empty when that reading fails.
  std::string as_utf8;  // greedy: valid sequences decoded, other characters kept
  int utf8_sequences = 0;
  bool utf8_whole = false;  // every byte is inside a decoded sequence
  std::string as_gbk;
  int gb2312_pairs = 0;  // pairs with both bytes in 0xA1-0xFE: the common characters

  // Empties the run for reuse, keeping its buffers' capacity.
  void Reset() {
    bytes.clear();
    as_utf8.clear();
    as_gbk.clear();
    utf8_sequences = 0;
    utf8_whole = false;
    gb2312_pairs = 0;
    has_c1 = false;
  }
};

void ReadAsUtf8(absl::string_view text, Run* run) {
  const std::vector<uint8_t>& b = run->bytes;
  size_t consumed = 0;
  size_t at = run->begin;  // the character of the text that byte `i` came from
  for (size_t i = 0; i < b.size();) {
    uint32_t cp = 0;
    if (int len = Utf8SequenceAt(b, i, &cp); len > 0) {
      AppendUtf8(cp, &run->as_utf8);
      ++run->utf8_sequences;
      consumed += len;
      i += len;
      for (int k = 0; k < len; ++k) NextCodePoint(text, &at);
      continue;
    }
    const size_t from = at;
    NextCodePoint(text, &at);
    absl::StrAppend(&run->as_utf8, text.substr(from, at - from));
    ++i;
  }
  run->utf8_whole = consumed == b.size();
  if (run->utf8_sequences == 0) run->as_utf8.clear();
}

void ReadAsGbk(Run* run) {
  const std::vector<uint8_t>& b = run->bytes;
  if (b.size() < 2 || b.size() % 2 != 0) return;
  absl::StatusOr<DecodedText> decoded = TextDecoder::ToUtf8(
      absl::string_view(reinterpret_cast<const char*>(b.data()), b.size()), "GB18030");
  if (!decoded.ok() || decoded->replacement_count > 0) return;
  for (size_t i = 0; i < decoded->utf8.size();) {
    if (!IsCjkText(NextCodePoint(decoded->utf8, &i))) return;
  }
  for (size_t i = 0; i + 1 < b.size(); i += 2) {
    run->gb2312_pairs += b[i] >= 0xA1 && b[i] <= 0xFE && b[i + 1] >= 0xA1 && b[i + 1] <= 0xFE;
  }
  // Most characters of real Chinese text are GB 2312's; runs of rarities are noise
  // ("élégant" read as GBK is two extension characters).
  if (run->gb2312_pairs * 4 < static_cast<int>(b.size() / 2) * 3) return;
  run->as_gbk = std::move(decoded->utf8);
}

// Calls `visit(run)` for each run of `text` in order, one Run object reused: memory
// stays bounded by the longest run, not the number of runs.
template <typename Visit>
void ForEachRun(absl::string_view text, Visit visit) {
  Run run;
  bool pending_lead = false;  // a GBK lead byte waiting for its trail
  for (size_t i = 0; i < text.size();) {
    // Outside a run, ASCII cannot start one: skip it without decoding.
    if (run.bytes.empty() && static_cast<unsigned char>(text[i]) < 0x80) {
      i = FindNonAscii(text, i);
      continue;
    }
    const size_t start = i;
    const uint32_t cp = NextCodePoint(text, &i);
    int byte = ByteOf(cp);
    if (byte < 0 && pending_lead && cp >= 0x40 && cp <= 0x7E) byte = static_cast<int>(cp);
    if (byte < 0) {
      if (!run.bytes.empty()) {
        run.end = start;
        visit(run);
        run.Reset();
      }
      pending_lead = false;
      continue;
    }
    if (run.bytes.empty()) run.begin = start;
    run.bytes.push_back(static_cast<uint8_t>(byte));
    run.has_c1 |= cp >= 0x80 && cp < 0xA0;
    pending_lead = !pending_lead && byte >= 0x81 && byte <= 0xFE;
  }
  if (!run.bytes.empty()) {
    run.end = text.size();
    visit(run);
  }
}

// The C1 controls of a run that stayed as it was, turned into windows-1252's characters.
std::string FixC1(absl::string_view run_text, int64_t* repairs) {
  std::string out;
  for (size_t i = 0; i < run_text.size();) {
    const size_t start = i;
    const uint32_t cp = NextCodePoint(run_text, &i);
    if (cp >= 0x80 && cp < 0xA0) {
      if (const uint32_t fixed = HighTable().code_point[cp - 0x80]; fixed != 0) {
        AppendUtf8(fixed, &out);
        ++*repairs;
        continue;
      }
    }
    absl::StrAppend(&out, run_text.substr(start, i - start));
  }
  return out;
}

// One pass over the text; returns the repairs made.
// Reads a run both ways (as UTF-8 only when `allow_gbk` is false). A lone "é" or "©"
// has nothing to read.
void Read(absl::string_view text, bool allow_gbk, Run* run) {
  if (run->bytes.size() < 2) return;
  ReadAsUtf8(text, run);
  if (allow_gbk) ReadAsGbk(run);
}

// One pass over the text; returns the repairs made. The text is read twice: first to
// learn which mis-decoding the page suffered, from the runs only one reading explains
// (it settles the runs both readings explain), then to repair. `allow_gbk` is false
// after the first pass: only UTF-8 is met mis-decoded more than once, and "é" repaired
// from "Ã©" must not then be read as GBK.
int64_t RepairOnce(std::string* utf8, bool allow_gbk) {
  const absl::string_view text(*utf8);
  int utf8_only = 0, gbk_only = 0;
  bool any_repairable = false;
  ForEachRun(text, [&](Run& run) {
    Read(text, allow_gbk, &run);
    const bool utf8 = run.utf8_whole;
    const bool gbk = !run.as_gbk.empty() && run.gb2312_pairs >= 2;
    utf8_only += utf8 && !gbk;
    gbk_only += gbk && !utf8;
    any_repairable |= run.has_c1 || !run.as_utf8.empty() || !run.as_gbk.empty();
  });
  // A page whose runs are all correct text ("é", "©", "’") is not read again.
  if (!any_repairable) return 0;
  const bool page_is_gbk = gbk_only > utf8_only;
  // The page is copied only from the first run that changes.
  std::string out;
  size_t copied = 0;
  int64_t repairs = 0;
  std::string repaired;
  ForEachRun(text, [&](Run& run) {
    if (run.bytes.size() == 1 && !run.has_c1) return;  // a lone "é", "©" or "’"
    Read(text, allow_gbk, &run);
    const absl::string_view run_text = text.substr(run.begin, run.end - run.begin);
    const bool gbk = !run.as_gbk.empty() && (run.gb2312_pairs >= 2 || gbk_only >= 2);
    int64_t fixed = 0;
    if (gbk && (page_is_gbk || !run.utf8_whole)) {
      repaired = run.as_gbk;
      fixed = 1;
    } else if (!run.as_utf8.empty()) {
      // Sequences that were UTF-8 are repaired; stray C1 controls between them too.
      fixed = run.utf8_sequences;
      repaired = FixC1(run.as_utf8, &fixed);
    } else {
      repaired = FixC1(run_text, &fixed);
    }
    if (fixed == 0) return;
    if (out.empty()) out.reserve(text.size());
    absl::StrAppend(&out, text.substr(copied, run.begin - copied), repaired);
    copied = run.end;
    repairs += fixed;
  });
  if (repairs == 0) return 0;
  absl::StrAppend(&out, text.substr(copied));
  utf8->swap(out);
  return repairs;
}

// True when some byte starts a character of U+0080-U+00FF (0xC2, 0xC3). Every
// repairable run has one: a UTF-8 lead byte read as Latin-1 is U+00C2-U+00F4, a GBK
// byte U+0081-U+00FE, a C1 control U+0080-U+009F.
bool MayHaveMojibake(absl::string_view utf8) {
  for (size_t i = FindNonAscii(utf8, 0); i < utf8.size(); i = FindNonAscii(utf8, i + 1)) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    if (c == 0xC2 || c == 0xC3) return true;
  }
  return false;
}

}  // namespace

int64_t MojibakeRepairer::Repair(std::string* utf8) {
  int64_t total = 0;
  // Text mis-decoded twice ("Ã¢â‚¬â„¢") needs two passes. Pages mis-decoded four
  // times are met ("GenÃƒÆ’Ã¢â‚¬Å¡Ãƒâ€šÃ‚®"); four passes bound the work.
  for (int pass = 0; pass < 4 && MayHaveMojibake(*utf8); ++pass) {
    const int64_t repaired = RepairOnce(utf8, /*allow_gbk=*/pass == 0);
    if (repaired == 0) break;
    total += repaired;
  }
  return total;
}

}  // namespace declutter::extract
