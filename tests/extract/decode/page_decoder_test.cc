#include "service/extract/decode/page_decoder.h"

#include <string>

#include "gtest/gtest.h"

namespace declutter::extract {
namespace {

// `ascii` in UTF-16 with its byte-order mark: each character one 16-bit unit.
std::string AsciiToUtf16WithBom(absl::string_view ascii, bool big_endian) {
  std::string out = big_endian ? "\xFE\xFF" : "\xFF\xFE";
  for (char c : ascii) {
    out.push_back(big_endian ? '\0' : c);
    out.push_back(big_endian ? c : '\0');
  }
  return out;
}

constexpr absl::string_view kHtml =
    "<!DOCTYPE html><html><body><p>A paragraph.</p></body></html>";

absl::StatusOr<DecodedPage> Decode(absl::string_view content,
                                   absl::string_view content_type,
                                   InputInfo* input,
                                   InputKind kind = InputKind::kAuto) {
  Page page;
  page.content = content;
  page.content_type = content_type;
  page.kind = kind;
  return DecodePage(page, input);
}

// A UTF-16 page with a byte-order mark and no Content-Type: its markup shows
// only once decoded.
void ExpectDecodedAsHtml(bool big_endian, const char* charset) {
  const std::string bytes = AsciiToUtf16WithBom(kHtml, big_endian);
  InputInfo input;
  absl::StatusOr<DecodedPage> page = Decode(bytes, "", &input);
  ASSERT_TRUE(page.ok()) << page.status();
  EXPECT_EQ(page->utf8, kHtml);
  EXPECT_EQ(page->kind, InputKind::kHtml);
  EXPECT_EQ(input.kind, InputKind::kHtml);
  EXPECT_EQ(input.charset, charset);
  EXPECT_EQ(input.charset_source, "bom");
}

TEST(PageDecoderTest, Utf16LittleEndianHtmlIsHtml) {
  ExpectDecodedAsHtml(/*big_endian=*/false, "UTF-16LE");
}

TEST(PageDecoderTest, Utf16BigEndianHtmlIsHtml) {
  ExpectDecodedAsHtml(/*big_endian=*/true, "UTF-16BE");
}

TEST(PageDecoderTest, DeclaredKindWinsOverTheText) {
  InputInfo input;
  EXPECT_EQ(Decode(kHtml, "text/plain", &input)->kind, InputKind::kText);
  EXPECT_EQ(Decode(kHtml, "", &input, InputKind::kText)->kind,
            InputKind::kText);
  EXPECT_EQ(Decode("just words", "text/html", &input)->kind, InputKind::kHtml);
  EXPECT_EQ(Decode("just words", "", &input)->kind, InputKind::kText);
}

TEST(PageDecoderTest, MetaIsNotReadInDeclaredPlainText) {
  // "<meta charset=gbk>" followed by "中文" in UTF-8: as HTML the declaration
  // is overruled by the bytes; as declared text it is never read.
  const std::string bytes = "<meta charset=gbk> \xE4\xB8\xAD\xE6\x96\x87";
  InputInfo html;
  ASSERT_TRUE(Decode(bytes, "", &html).ok());
  EXPECT_EQ(html.charset_source, "bytes-over-meta");
  InputInfo text;
  absl::StatusOr<DecodedPage> page = Decode(bytes, "text/plain", &text);
  ASSERT_TRUE(page.ok()) << page.status();
  EXPECT_EQ(text.charset, "UTF-8");
  EXPECT_EQ(text.charset_source, "default");
  EXPECT_EQ(page->kind, InputKind::kText);
}

TEST(PageDecoderTest, ControlCharactersAreRemoved) {
  InputInfo input;
  absl::StatusOr<DecodedPage> page = Decode(
      "a\x0B"
      "b\xC2\x9D"
      "c",
      "", &input);
  ASSERT_TRUE(page.ok()) << page.status();
  EXPECT_EQ(page->utf8, "abc");
  EXPECT_EQ(input.replacement_count, 0);
}

TEST(PageDecoderTest, NotAPageIsAnErrorAndRecordsNothing) {
  InputInfo input;
  EXPECT_EQ(Decode("%PDF-1.7 ...", "", &input).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Decode("", "", &input).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(input.charset, "");
  EXPECT_EQ(input.kind, InputKind::kAuto);
}

}  // namespace
}  // namespace declutter::extract
