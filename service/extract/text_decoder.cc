#include "service/extract/text_decoder.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucnv_err.h>

#include <memory>

#include "absl/strings/str_cat.h"
#include "service/extract/charset_detector.h"

namespace declutter::extract {
namespace {

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};

// Substitutes U+FFFD like ICU's default, and counts each substitution.
void CountingSubstitute(const void* context, UConverterToUnicodeArgs* args,
                        const char* code_units, int32_t length,
                        UConverterCallbackReason reason, UErrorCode* err) {
  if (reason <= UCNV_IRREGULAR) {
    ++*static_cast<int64_t*>(const_cast<void*>(context));
    *err = U_ZERO_ERROR;
    const UChar replacement = 0xFFFD;
    ucnv_cbToUWriteUChars(args, &replacement, 1, 0, err);
  }
}

// Appends the UTF-8 form of `src` (UTF-16) to `out`.
void AppendUtf8(const UChar* src, int32_t len, std::string* out) {
  out->reserve(out->size() + len * 3);
  for (int32_t i = 0; i < len; ++i) {
    uint32_t c = src[i];
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < len && src[i + 1] >= 0xDC00 &&
        src[i + 1] <= 0xDFFF) {
      c = 0x10000 + ((c - 0xD800) << 10) + (src[i + 1] - 0xDC00);
      ++i;
    } else if (c >= 0xD800 && c <= 0xDFFF) {
      c = 0xFFFD;  // lone surrogate
    }
    if (c < 0x80) {
      out->push_back(static_cast<char>(c));
    } else if (c < 0x800) {
      out->push_back(static_cast<char>(0xC0 | (c >> 6)));
      out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
      out->push_back(static_cast<char>(0xE0 | (c >> 12)));
      out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
      out->push_back(static_cast<char>(0xF0 | (c >> 18)));
      out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
  }
}

}  // namespace

absl::StatusOr<DecodedText> TextDecoder::ToUtf8(absl::string_view bytes,
                                                absl::string_view charset) {
  DecodedText out;
  // Valid UTF-8 needs no conversion: the common case costs one validation pass.
  if (charset == "UTF-8" && CharsetDetector::IsValidUtf8(bytes)) {
    out.utf8.assign(bytes.data(), bytes.size());
    return out;
  }
  UErrorCode status = U_ZERO_ERROR;
  std::string name(charset);
  std::unique_ptr<UConverter, ConverterCloser> conv(ucnv_open(name.c_str(), &status));
  if (U_FAILURE(status)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "unknown charset \"", charset, "\": expected a charset ICU can decode"));
  }
  ucnv_setToUCallBack(conv.get(), CountingSubstitute, &out.replacement_count,
                      nullptr, nullptr, &status);
  // Convert in chunks so memory stays proportional to the input, not 2x a UTF-16 copy.
  constexpr int32_t kChunk = 16 * 1024;
  UChar buffer[kChunk];
  const char* src = bytes.data();
  const char* const src_end = bytes.data() + bytes.size();
  out.utf8.reserve(bytes.size() + bytes.size() / 2);
  bool flushed = false;
  while (!flushed) {
    UChar* target = buffer;
    status = U_ZERO_ERROR;
    ucnv_toUnicode(conv.get(), &target, buffer + kChunk, &src, src_end, nullptr,
                   /*flush=*/true, &status);
    AppendUtf8(buffer, static_cast<int32_t>(target - buffer), &out.utf8);
    if (status == U_BUFFER_OVERFLOW_ERROR) continue;
    if (U_FAILURE(status)) {
      return absl::InternalError(absl::StrCat("decoding from ", charset,
                                              " failed: ", u_errorName(status)));
    }
    flushed = true;
  }
  return out;
}

}  // namespace declutter::extract
