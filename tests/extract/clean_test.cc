#include "service/extract/clean.h"

#include <unicode/ucnv.h>

#include "gtest/gtest.h"
#include "service/extract/decode/input_sniffer.h"

namespace declutter::extract {
namespace {

absl::StatusOr<Result> CleanPage(absl::string_view content, absl::string_view content_type = "",
                           Options options = Options()) {
  Page page;
  page.content = content;
  page.content_type = content_type;
  page.url = "https://example.com/news/1.html";
  return Clean(page, options);
}

TEST(CleanTest, HtmlEndToEnd) {
  std::string html =
      "<html lang=en><head><title>Storm hits coast | Example</title></head><body>"
      "<nav><a href=/>Home</a><a href=/w>World</a></nav><article><h1>Storm hits coast</h1>";
  for (int i = 0; i < 4; ++i) {
    html += "<p>The storm made landfall early on Tuesday, bringing heavy rain and strong "
            "winds to towns along the coast, officials said.</p>";
  }
  html += "</article><footer>Copyright © 2024 Example. All Rights Reserved.</footer></body></html>";
  Options options;
  options.report_removed = true;
  auto r = CleanPage(html, "text/html; charset=utf-8", options);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->article.title, "Storm hits coast");
  EXPECT_EQ(r->article.language, "en");
  EXPECT_EQ(r->input.kind, InputKind::kHtml);
  EXPECT_EQ(r->input.charset, "UTF-8");
  EXPECT_NE(r->article.text.find("made landfall"), std::string::npos);
  EXPECT_EQ(r->article.text.find("Copyright"), std::string::npos);
  EXPECT_EQ(r->article.text.find("Home"), std::string::npos);
  EXPECT_GT(r->article.word_count, 60);
  bool copyright_reported = false;
  for (const RemovedBlock& b : r->removed) {
    copyright_reported |= b.kind == BlockKind::kCopyright;
  }
  EXPECT_TRUE(copyright_reported);
}

TEST(CleanTest, GbkHtmlDeclaredInMeta) {
  // <meta charset=gbk><p>中文网页的内容，测试解码。</p> with the text in GBK.
  std::string html = "<html><head><meta charset=gbk></head><body><p>";
  for (int i = 0; i < 6; ++i) {
    html += "\xD6\xD0\xCE\xC4\xCD\xF8\xD2\xB3\xB5\xC4\xC4\xDA\xC8\xDD\xA3\xAC"
            "\xB2\xE2\xCA\xD4\xBD\xE2\xC2\xEB\xA1\xA3";
  }
  html += "</p></body></html>";
  auto r = CleanPage(html);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->input.charset, "GB18030");
  EXPECT_EQ(r->input.charset_source, "meta");
  EXPECT_NE(r->article.text.find("中文网页的内容，测试解码。"), std::string::npos);
  EXPECT_EQ(r->article.language, "zh-Hans");
}

// `utf8` encoded as GBK, each byte then read as Latin-1: what a scraper that assumed
// Latin-1 stored.
std::string GbkReadAsLatin1(const std::string& utf8) {
  UErrorCode status = U_ZERO_ERROR;
  std::string gbk(utf8.size() * 2 + 8, '\0');
  gbk.resize(ucnv_convert("GBK", "UTF-8", gbk.data(), static_cast<int32_t>(gbk.size()),
                          utf8.data(), static_cast<int32_t>(utf8.size()), &status));
  std::string out;
  for (unsigned char c : gbk) {
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back(static_cast<char>(0xC0 | (c >> 6)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
  }
  return out;
}

// Memory per page is bounded by the page's size: markup past what a page of
// its size may cost is read as text, and the words stay.
TEST(CleanTest, MarkupPastThePageBudgetIsReadAsTextAndReported) {
  // Prose with every word in its own element: 40 times its size in markup.
  std::string html = "<html><body><article>";
  int sentences = 0;
  while (html.size() < (size_t{4} << 20)) {
    html += "<p><b>This</b> <b>is</b> <b>sentence</b> <b>s" +
            std::to_string(sentences++) +
            "</b> <b>of</b> <b>the</b> <b>story,</b> <b>and</b> <b>it</b> "
            "<b>reads</b> <b>as</b> <b>prose</b> <b>does.</b></p>\n";
  }
  auto r = CleanPage(html, "text/html");
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_GT(r->input.tags_flattened, sentences * 10);
  EXPECT_EQ(r->input.lines_merged, 0);
  // The first and the last sentence are both in the article.
  EXPECT_NE(r->article.text.find("sentence s0 "), std::string::npos);
  EXPECT_NE(r->article.text.find(
                "sentence s" + std::to_string(sentences - 1) + " "),
            std::string::npos);
}

TEST(CleanTest, TextLinesPastThePageBudgetAreJoinedAndReported) {
  std::string text;
  int lines = 0;
  while (text.size() < (size_t{4} << 20)) {
    text += "w" + std::to_string(lines++) + "\n";
  }
  auto r = CleanPage(text, "text/plain; charset=utf-8");
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_GT(r->input.lines_merged, lines / 2);
  EXPECT_EQ(r->input.tags_flattened, 0);
  const auto real = CleanPage("A title\n\nA paragraph of an ordinary page.\n",
                              "text/plain; charset=utf-8");
  ASSERT_TRUE(real.ok()) << real.status();
  EXPECT_EQ(real->input.lines_merged, 0);
}

// The same info-line reading as text pages: the line by the headline and the
// credit at the article's end.
TEST(CleanTest, ChineseCreditsOfAnHtmlPageAreRead) {
  const std::string html =
      "<html><head><title>会议召开_新闻网</title>"
      "<meta name=\"author\" content=\"新闻网\"></head><body>"
      "<div class=\"nav\"><a href=\"/\">首页</a> <a href=\"/n\">新闻</a></div>"
      "<h1>我市召开全民健身工作推进会</h1>"
      "<div class=\"info\">2024-04-18 10:20 来源：城市日报 作者：李明 张华</div>"
      "<div class=\"content\"><p>4月18日上午，我市召开全民健身工作推进会，总结去年"
      "全民健身工作，部署今年重点任务。</p><p>会议指出，去年全市新建健身步道一百二十"
      "公里，更新社区健身器材八百余套，群众身边的健身设施更加完善。</p>"
      "<p>会议要求，各区要把全民健身设施建设纳入城市更新计划，推动学校体育场馆向社会"
      "开放。</p><p>（责任编辑：王芳_NF1234）</p></div>"
      "<div class=\"footer\">版权所有 新闻网</div></body></html>";
  auto r = CleanPage(html, "text/html; charset=utf-8");
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->article.source, "城市日报");
  EXPECT_EQ(r->article.sources.source, "text");
  EXPECT_EQ(r->article.editor, "王芳");
  // The visible credit wins over a meta author that names the site.
  EXPECT_EQ(r->article.authors, (std::vector<std::string>{"李明", "张华"}));
}

TEST(CleanTest, MojibakeIsRepairedAndReported) {
  const std::string original =
      "国务院新闻办公室今天举行新闻发布会，介绍今年前三季度国民经济运行情况。\n\n"
      "国家统计局新闻发言人表示，经济运行总体平稳，就业形势保持稳定，居民消费价格温和上涨。";
  const std::string text = GbkReadAsLatin1(original);
  ASSERT_EQ(text.find("国"), std::string::npos);
  auto r = CleanPage(text, "text/plain; charset=utf-8");
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_NE(r->article.text.find("国家统计局新闻发言人表示"), std::string::npos)
      << r->article.text;
  EXPECT_EQ(r->article.language, "zh-Hans");
  EXPECT_GT(r->input.mojibake_repairs, 0);
  EXPECT_EQ(r->input.replacement_count, 0);
}

TEST(CleanTest, ControlCharactersNeverBecomeReplacementCharacters) {
  // A vertical tab and a stray C1 control in the page: the parser would make each a
  // U+FFFD; they are removed before it sees them.
  const std::string html =
      "<html><body><article><p>Run this:\x0B sudo make install\xC2\x9D now, then read the "
      "manual for the options you need.</p></article></body></html>";
  auto r = CleanPage(html, "text/html; charset=utf-8");
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->article.text.find("\xEF\xBF\xBD"), std::string::npos) << r->article.text;
  EXPECT_NE(r->article.text.find("sudo make install now"), std::string::npos)
      << r->article.text;
}

TEST(CleanTest, PlainTextIsDetected) {
  auto r = CleanPage("第一段内容，这是一篇文章的正文，内容足够长，可以被识别为正文段落。\n");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->input.kind, InputKind::kText);
}

TEST(CleanTest, BadInputsGetClearErrors) {
  EXPECT_EQ(CleanPage("").status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(CleanPage("%PDF-1.7 ...").status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(CleanPage(std::string("\x1F\x8B\x08\0\0\0", 6)).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(CleanPage(std::string(100, '\0')).status().code(), absl::StatusCode::kInvalidArgument);
  auto r = CleanPage("<html><meta charset=x-unknown-charset><p>text</p>");
  EXPECT_TRUE(r.ok());  // an unknown label is ignored as evidence
}

TEST(CleanTest, Deterministic) {
  const std::string html = "<p>Some paragraph of text that is long enough, really.</p>";
  auto a = CleanPage(html), b = CleanPage(html);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->article.text, b->article.text);
}

TEST(InputSnifferTest, Decides) {
  EXPECT_EQ(InputSniffer::Decide(InputKind::kText, "text/html", "<html>"), InputKind::kText);
  EXPECT_EQ(InputSniffer::Decide(InputKind::kAuto, "text/plain", "<html>"), InputKind::kText);
  EXPECT_EQ(InputSniffer::Decide(InputKind::kAuto, "", "  <!DOCTYPE html>"), InputKind::kHtml);
  EXPECT_EQ(InputSniffer::Decide(InputKind::kAuto, "", "just words"), InputKind::kText);
}

// `utf8` in UTF-16 (`charset` "UTF-16LE" or "UTF-16BE") behind its byte-order
// mark, as Windows tools save a page.
std::string Utf16WithBom(const std::string& utf8, const char* charset) {
  UErrorCode status = U_ZERO_ERROR;
  std::string utf16(utf8.size() * 2 + 8, '\0');
  utf16.resize(ucnv_convert(charset, "UTF-8", utf16.data(),
                            static_cast<int32_t>(utf16.size()), utf8.data(),
                            static_cast<int32_t>(utf8.size()), &status));
  EXPECT_TRUE(U_SUCCESS(status)) << u_errorName(status);
  const bool big_endian = std::string(charset) == "UTF-16BE";
  return (big_endian ? "\xFE\xFF" : "\xFF\xFE") + utf16;
}

// An HTML page with no Content-Type whose markup only shows once it is decoded.
void ExpectCleanedAsHtml(const char* charset) {
  std::string html =
      "<!DOCTYPE html><html><head><title>Café owners meet</title></head><body>"
      "<nav><a href=/>Home</a></nav><article><h1>Café owners meet</h1>";
  for (int i = 0; i < 4; ++i) {
    html +=
        "<p>The owners of the town's cafés met on Tuesday to agree on opening "
        "hours for the summer, after a long debate about noise.</p>";
  }
  html += "</article></body></html>";
  auto r = CleanPage(Utf16WithBom(html, charset));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->input.kind, InputKind::kHtml);
  EXPECT_EQ(r->input.charset, charset);
  EXPECT_EQ(r->article.title, "Café owners meet");
  EXPECT_NE(r->article.text.find("the town's cafés met on Tuesday"),
            std::string::npos)
      << r->article.text;
  EXPECT_EQ(r->article.text.find('<'), std::string::npos) << r->article.text;
  EXPECT_EQ(r->article.text.find("Home"), std::string::npos) << r->article.text;
}

TEST(CleanTest, Utf16LittleEndianHtmlWithBomIsCleanedAsHtml) {
  ExpectCleanedAsHtml("UTF-16LE");
}

TEST(CleanTest, Utf16BigEndianHtmlWithBomIsCleanedAsHtml) {
  ExpectCleanedAsHtml("UTF-16BE");
}

}  // namespace
}  // namespace declutter::extract
