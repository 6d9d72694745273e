#include "service/extract/decode/text_decoder.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucnv_err.h>

#include <limits>
#include <memory>

#include "absl/strings/str_cat.h"
#include "service/extract/strings/utf8.h"

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
void AppendUtf16AsUtf8(const UChar* src, int32_t len, std::string* out) {
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
      out->push_back(static_cast<char>(c));  // the common case, inline
    } else {
      AppendUtf8(c, out);
    }
  }
}

// Bytes at the end of valid UTF-8 that start a sequence the input cut short.
size_t CutUtf8Tail(absl::string_view bytes) {
  for (size_t back = 1; back <= 3 && back <= bytes.size(); ++back) {
    const auto c = static_cast<unsigned char>(bytes[bytes.size() - back]);
    if ((c & 0xC0) == 0x80) continue;  // a continuation byte: keep looking for the lead
    const size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

// Converts `bytes` from `charset`, counting invalid sequences into `*invalid` and
// appending the UTF-8 to `*utf8` unless it is null. `flush` false leaves a multi-byte
// sequence cut by the end of `bytes` uncounted: the caller passed a prefix.
absl::Status Convert(absl::string_view bytes, absl::string_view charset, bool flush,
                     std::string* utf8, int64_t* invalid) {
  // The converter of the last charset this thread used, reset before each use: the
  // mojibake repairer and the charset checks convert many small pieces in one charset,
  // and opening a converter costs more than converting a short run.
  thread_local std::string cached_name;
  thread_local std::unique_ptr<UConverter, ConverterCloser> cached;
  UErrorCode status = U_ZERO_ERROR;
  if (cached == nullptr || cached_name != charset) {
    cached.reset();
    cached_name.clear();
    std::string name(charset);
    std::unique_ptr<UConverter, ConverterCloser> opened(ucnv_open(name.c_str(), &status));
    if (U_FAILURE(status)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "unknown charset \"", charset, "\": expected a charset ICU can decode"));
    }
    cached = std::move(opened);
    cached_name = std::move(name);
  }
  UConverter* conv = cached.get();
  ucnv_reset(conv);
  ucnv_setToUCallBack(conv, CountingSubstitute, invalid, nullptr, nullptr,
                      &status);
  // Convert in chunks so memory stays proportional to the input, not 2x a UTF-16 copy.
  constexpr int32_t kChunk = 16 * 1024;
  UChar buffer[kChunk];
  const char* src = bytes.data();
  const char* const src_end = bytes.data() + bytes.size();
  if (utf8 != nullptr) utf8->reserve(bytes.size() + bytes.size() / 2);
  while (true) {
    UChar* target = buffer;
    status = U_ZERO_ERROR;
    ucnv_toUnicode(conv, &target, buffer + kChunk, &src, src_end, nullptr, flush,
                   &status);
    if (utf8 != nullptr) AppendUtf16AsUtf8(buffer, static_cast<int32_t>(target - buffer), utf8);
    if (status == U_BUFFER_OVERFLOW_ERROR) continue;
    if (U_FAILURE(status)) {
      return absl::InternalError(absl::StrCat("decoding from ", charset,
                                              " failed: ", u_errorName(status)));
    }
    return absl::OkStatus();
  }
}

}  // namespace

absl::StatusOr<DecodedText> TextDecoder::ToUtf8(absl::string_view bytes,
                                                absl::string_view charset) {
  DecodedText out;
  // Valid UTF-8 needs no conversion: the common case costs one validation pass.
  if (charset == "UTF-8" && IsValidUtf8(bytes)) {
    // A sequence cut by the end of input is one invalid sequence, as ICU would count it.
    const size_t cut = CutUtf8Tail(bytes);
    out.utf8.assign(bytes.data(), bytes.size() - cut);
    if (cut > 0) {
      out.utf8.append("\xEF\xBF\xBD");
      out.replacement_count = 1;
    }
    return out;
  }
  absl::Status status =
      Convert(bytes, charset, /*flush=*/true, &out.utf8, &out.replacement_count);
  if (!status.ok()) return status;
  return out;
}

int64_t TextDecoder::CountInvalid(absl::string_view bytes, absl::string_view charset) {
  int64_t invalid = 0;
  if (!Convert(bytes, charset, /*flush=*/false, nullptr, &invalid).ok()) {
    return std::numeric_limits<int64_t>::max();
  }
  return invalid;
}

}  // namespace declutter::extract
