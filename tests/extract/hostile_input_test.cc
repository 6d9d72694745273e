// What a crawler fleet sends that no page should be: each gets a clear error or
// a sane result, never a crash or a hang. (The server's size limit and its
// messages for a 64 MiB page are pinned in tests/server/server_test.cc.)

#include <string>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "service/extract/clean.h"
#include "service/extract/strings/utf8.h"

namespace declutter::extract {
namespace {

constexpr char kParagraph[] =
    "<p>The council voted on Tuesday to expand the program, which serves "
    "thousands of "
    "residents, after a long debate about its cost and who should pay for "
    "it.</p>";

// A string literal with its embedded NULs, without the terminating one.
template <size_t N>
std::string Bytes(const char (&literal)[N]) {
  return std::string(literal, N - 1);
}

absl::StatusOr<Result> CleanBytes(absl::string_view content,
                                  absl::string_view content_type = "") {
  Page page;
  page.content = content;
  page.content_type = content_type;
  return Clean(page, Options());
}

void ExpectInvalid(absl::string_view content, absl::string_view says) {
  absl::StatusOr<Result> r = CleanBytes(content);
  ASSERT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument)
      << r.status();
  EXPECT_NE(r.status().message().find(says), absl::string_view::npos)
      << r.status();
}

// Output must be valid UTF-8 however broken the input (a space is appended
// because IsValidUtf8 forgives a sequence cut at the very end).
void ExpectValidText(const Result& r) {
  EXPECT_TRUE(IsValidUtf8(r.article.text + " "));
  EXPECT_TRUE(IsValidUtf8(r.article.title + " "));
}

TEST(HostileInputTest, EmptyPage) { ExpectInvalid("", "empty"); }

TEST(HostileInputTest, BinaryFilesSentRaw) {
  ExpectInvalid(
      "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj <</Type /Catalog>> endobj\n",
      "PDF");
  ExpectInvalid(Bytes("\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\0\x10"), "PNG");
  ExpectInvalid(Bytes("\x1F\x8B\x08\0\0\0\0\0\0\x03\xED\x5A\x6D\x73"), "gzip");
}

TEST(HostileInputTest, HundredThousandNestedDivs) {
  std::string html = "<html><body>";
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += kParagraph;
  for (int i = 0; i < 100000; ++i) html += "</div>";
  html += "</body></html>";
  absl::StatusOr<Result> r = CleanBytes(html, "text/html");
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_NE(r->article.text.find("voted on Tuesday"), std::string::npos);
}

TEST(HostileInputTest, MillionTinyElements) {
  std::string html = absl::StrCat("<html><body><article>", kParagraph, "<div>");
  for (int i = 0; i < 1000000; ++i) html += "<b></b>";
  html += "</div></article></body></html>";
  absl::StatusOr<Result> r = CleanBytes(html, "text/html");
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_NE(r->article.text.find("voted on Tuesday"), std::string::npos);
}

TEST(HostileInputTest, TenMebibyteAttribute) {
  const std::string html =
      absl::StrCat("<html><body><div title=\"", std::string(10 << 20, 'a'),
                   "\">", kParagraph, "</div></body></html>");
  absl::StatusOr<Result> r = CleanBytes(html, "text/html");
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_NE(r->article.text.find("voted on Tuesday"), std::string::npos);
  EXPECT_EQ(r->article.text.find("aaaa"), std::string::npos);
}

TEST(HostileInputTest, InvalidUtf8DeclaredAsUtf8) {
  const std::string html = absl::StrCat(
      "<html><head><meta charset=utf-8></head><body>", kParagraph,
      "<p>Broken \xFF\xFE\xC3\x28 bytes and a cut \xE2\x82",
      " sequence sit in this paragraph of the article.</p>", "</body></html>");
  absl::StatusOr<Result> r = CleanBytes(html);
  ASSERT_TRUE(r.ok()) << r.status();
  ExpectValidText(*r);
  // Either decoded as UTF-8 with the bad bytes replaced and counted, or the
  // declaration was overruled by the bytes and says so.
  EXPECT_TRUE(r->input.replacement_count > 0 ||
              r->input.charset_source == "bytes-over-meta")
      << r->input.charset << " " << r->input.charset_source;
  EXPECT_NE(r->article.text.find("voted on Tuesday"), std::string::npos);
}

TEST(HostileInputTest, NulBytesInsideAPage) {
  std::string html = absl::StrCat("<html><body>", kParagraph, "</body></html>");
  html.insert(html.find("voted"), std::string("\0\0", 2));
  html.insert(html.find("residents"), std::string("\0", 1));
  absl::StatusOr<Result> r = CleanBytes(html, "text/html");
  ASSERT_TRUE(r.ok()) << r.status();
  ExpectValidText(*r);
  EXPECT_EQ(r->article.text.find('\0'), std::string::npos);
  EXPECT_NE(r->article.text.find("voted on Tuesday"), std::string::npos)
      << r->article.text;
}

TEST(HostileInputTest, MostlyNulBytesIsBinary) {
  ExpectInvalid(std::string(4096, '\0'), "binary");
  std::string sparse(2000, 'x');  // 1 in 100 bytes NUL, more than a few strays
  for (size_t i = 0; i < sparse.size(); i += 90) sparse[i] = '\0';
  ExpectInvalid(sparse, "binary");
}

TEST(HostileInputTest, MetaCharsetNamingAnUnknownCharset) {
  const std::string html =
      absl::StrCat("<html><head><meta charset=\"x-klingon-9\"></head><body>",
                   kParagraph, "<p>Caf\xC3\xA9 prices rose.</p></body></html>");
  absl::StatusOr<Result> r = CleanBytes(html);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->input.charset,
            "UTF-8");  // the label is ignored; the bytes decide
  EXPECT_NE(r->article.text.find("Caf\xC3\xA9"), std::string::npos)
      << r->article.text;
}

TEST(HostileInputTest, ContentTypeNamingAnUnknownCharset) {
  absl::StatusOr<Result> r =
      CleanBytes(absl::StrCat("<html><body>", kParagraph, "</body></html>"),
                 "text/html; charset=no-such-thing");
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_NE(r->article.text.find("voted on Tuesday"), std::string::npos);
}

}  // namespace
}  // namespace declutter::extract
