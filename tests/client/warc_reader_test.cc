#include "client/warc_reader.h"

#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "tests/support/test_data.h"

namespace declutter::client {
namespace {

using api::ByteStream;
using testing::GzipMember;

std::string Record(const std::string& type, const std::string& uri,
                   const std::string& id, const std::string& block) {
  return absl::StrCat("WARC/1.0\r\nWARC-Type: ", type,
                      "\r\nWARC-Target-URI: ", uri, "\r\nWARC-Record-ID: ", id,
                      "\r\nContent-Type: application/http; msgtype=response\r\n"
                      "Content-Length: ",
                      block.size(), "\r\n\r\n", block, "\r\n\r\n");
}

std::string Http(int status, const std::string& content_type,
                 const std::string& body,
                 const std::string& extra_headers = "") {
  return absl::StrCat("HTTP/1.1 ", status, " X\r\nContent-Type: ", content_type,
                      "\r\n", extra_headers, "Content-Length: ", body.size(),
                      "\r\n\r\n", body);
}

class WarcReaderTest : public ::testing::Test {
 protected:
  std::string Write(const std::string& name, const std::string& bytes) {
    const std::string path =
        (std::filesystem::path(::testing::TempDir()) / name).string();
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }

  std::vector<WarcPage> ReadAll(const std::string& path,
                                size_t max_bytes = 1 << 20) {
    auto stream = ByteStream::Open(path);
    EXPECT_TRUE(stream.ok()) << stream.status();
    WarcReader reader(*std::move(stream), max_bytes);
    std::vector<WarcPage> pages;
    WarcPage page;
    while (true) {
      absl::StatusOr<bool> more = reader.Next(&page);
      EXPECT_TRUE(more.ok()) << more.status();
      if (!more.ok() || !*more) break;
      pages.push_back(page);
    }
    return pages;
  }
};

TEST_F(WarcReaderTest, GzipMemberPerRecordWithSkipsAndAGbkPage) {
  const std::string html =
      "<html><body><p>Hello from the crawl.</p></body></html>";
  // GBK bytes of 中文网页 ("Chinese web page").
  const std::string gbk_html =
      "<html><body><p>\xD6\xD0\xCE\xC4\xCD\xF8\xD2\xB3</p></body></html>";
  // A chunked, gzip-encoded body, as a server sent it.
  const std::string gz_body = GzipMember(html);
  const std::string chunked =
      absl::StrCat(absl::Hex(gz_body.size()), "\r\n", gz_body, "\r\n0\r\n\r\n");
  std::string warc;
  warc +=
      GzipMember(Record("warcinfo", "", "<urn:uuid:0>", "software: test\r\n"));
  warc += GzipMember(Record("request", "http://a.example/", "<urn:uuid:1>",
                            "GET / HTTP/1.1\r\nHost: a.example\r\n\r\n"));
  warc += GzipMember(Record("response", "http://a.example/", "<urn:uuid:2>",
                            Http(200, "text/html; charset=utf-8", html)));
  warc +=
      GzipMember(Record("response", "http://a.example/logo.png", "<urn:uuid:3>",
                        Http(200, "image/png", "\x89PNG....")));
  warc +=
      GzipMember(Record("response", "http://a.example/missing", "<urn:uuid:4>",
                        Http(404, "text/html", "<p>not found</p>")));
  warc += GzipMember(Record("response", "http://b.example/gbk", "<urn:uuid:5>",
                            Http(200, "text/html; charset=gbk", gbk_html)));
  warc += GzipMember(
      Record("response", "http://c.example/", "<urn:uuid:6>",
             absl::StrCat(
                 "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                 "Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n",
                 chunked)));
  const std::vector<WarcPage> pages = ReadAll(Write("crawl.warc.gz", warc));
  ASSERT_EQ(pages.size(), 7u);
  EXPECT_EQ(pages[0].skipped, "not-response");
  EXPECT_EQ(pages[1].skipped, "not-response");
  EXPECT_EQ(pages[2].skipped, "");
  EXPECT_EQ(pages[2].id, "<urn:uuid:2>");
  EXPECT_EQ(pages[2].url, "http://a.example/");
  EXPECT_EQ(pages[2].content_type, "text/html; charset=utf-8");
  EXPECT_EQ(pages[2].content, html);
  EXPECT_EQ(pages[3].skipped, "not-html");
  EXPECT_EQ(pages[4].skipped, "status-404");
  EXPECT_EQ(pages[5].skipped, "");
  EXPECT_EQ(pages[5].content_type, "text/html; charset=gbk");
  EXPECT_EQ(pages[5].content,
            gbk_html);  // bytes as served; the engine decodes them
  EXPECT_EQ(pages[6].skipped, "");
  EXPECT_EQ(pages[6].content, html);
}

TEST_F(WarcReaderTest, UncompressedWarcAndTooLargeRecords) {
  std::string warc = Record("response", "http://a/", "<urn:uuid:big>",
                            Http(200, "text/html", std::string(2 << 20, 'x')));
  warc += Record("response", "http://b/", "<urn:uuid:small>",
                 Http(200, "text/html", "<p>b</p>"));
  const std::vector<WarcPage> pages = ReadAll(Write("plain.warc", warc));
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_EQ(pages[0].skipped, "too-large");
  EXPECT_EQ(pages[1].content, "<p>b</p>");
}

TEST_F(WarcReaderTest, NotAWarcAndCutRecordsAreErrors) {
  {
    auto stream = ByteStream::Open(Write("not.warc", "<html>hello</html>\n"));
    ASSERT_TRUE(stream.ok());
    WarcReader reader(*std::move(stream), 1 << 20);
    WarcPage page;
    EXPECT_EQ(reader.Next(&page).status().code(),
              absl::StatusCode::kInvalidArgument);
  }
  {
    const std::string whole = Record("response", "http://a/", "<urn:uuid:a>",
                                     Http(200, "text/html", "<p>a</p>"));
    auto stream =
        ByteStream::Open(Write("cut.warc", whole.substr(0, whole.size() - 20)));
    ASSERT_TRUE(stream.ok());
    WarcReader reader(*std::move(stream), 1 << 20);
    WarcPage page;
    ASSERT_TRUE(*reader.Next(&page));
    EXPECT_EQ(page.error.code(), absl::StatusCode::kDataLoss);
    EXPECT_NE(page.error.message().find("cut"), std::string::npos)
        << page.error;
    EXPECT_FALSE(*reader.Next(&page));
  }
}

// A record whose Content-Length lies, in the middle of a crawl: it is reported
// once, and every record after it is read whole and alone.
std::string LyingCrawl(int64_t lie, bool gzip_members) {
  auto member = [&](const std::string& record) {
    return gzip_members ? GzipMember(record) : record;
  };
  std::string warc = member(Record("response", "http://a/", "<urn:uuid:a>",
                                   Http(200, "text/html", "<p>a</p>")));
  std::string bad = Record("response", "http://bad/", "<urn:uuid:bad>",
                           Http(200, "text/html", "<p>bad page</p>"));
  const std::string block = Http(200, "text/html", "<p>bad page</p>");
  const std::string told = absl::StrCat("Content-Length: ", block.size());
  bad.replace(bad.find(told), told.size(),
              absl::StrCat("Content-Length: ", block.size() + lie));
  warc += member(bad);
  warc += member(Record("response", "http://b/", "<urn:uuid:b>",
                        Http(200, "text/html", "<p>b</p>")));
  warc += member(Record("response", "http://c/", "<urn:uuid:c>",
                        Http(200, "text/html", "<p>c</p>")));
  return warc;
}

TEST_F(WarcReaderTest, ALyingContentLengthIsReportedOnceAndReadingGoesOn) {
  for (const int64_t lie : {-7, 60, 100000}) {
    for (const bool gzip : {false, true}) {
      SCOPED_TRACE(absl::StrCat("lie ", lie, " gzip ", gzip));
      const std::vector<WarcPage> pages = ReadAll(
          Write(gzip ? "lie.warc.gz" : "lie.warc", LyingCrawl(lie, gzip)));
      ASSERT_EQ(pages.size(), 4u);
      EXPECT_EQ(pages[0].content, "<p>a</p>");
      EXPECT_EQ(pages[1].id, "<urn:uuid:bad>");
      EXPECT_EQ(pages[1].error.code(), absl::StatusCode::kDataLoss);
      EXPECT_EQ(pages[1].content, "");
      EXPECT_EQ(pages[2].id, "<urn:uuid:b>");
      EXPECT_TRUE(pages[2].error.ok()) << pages[2].error;
      EXPECT_EQ(pages[2].content, "<p>b</p>");
      EXPECT_EQ(pages[3].id, "<urn:uuid:c>");
      EXPECT_EQ(pages[3].content, "<p>c</p>");
    }
  }
}

TEST_F(WarcReaderTest, AHugeLyingContentLengthLosesNoLaterRecord) {
  // A length past the reader's limit is skipped without being held; when it
  // lied, the reader goes back to where the block began.
  for (const int64_t lie : {int64_t{5} << 20, int64_t{1} << 40}) {
    for (const bool gzip : {false, true}) {
      SCOPED_TRACE(absl::StrCat("lie ", lie, " gzip ", gzip));
      const std::vector<WarcPage> pages = ReadAll(Write(
          gzip ? "huge-lie.warc.gz" : "huge-lie.warc", LyingCrawl(lie, gzip)));
      ASSERT_EQ(pages.size(), 4u);
      EXPECT_EQ(pages[0].content, "<p>a</p>");
      EXPECT_EQ(pages[1].error.code(), absl::StatusCode::kDataLoss);
      EXPECT_EQ(pages[2].content, "<p>b</p>");
      EXPECT_EQ(pages[3].content, "<p>c</p>");
    }
  }
  // A record that is really larger than the limit stays a skip.
  std::string warc = Record("response", "http://big/", "<urn:uuid:big>",
                            Http(200, "text/html", std::string(3 << 20, 'x')));
  warc += Record("response", "http://b/", "<urn:uuid:b>",
                 Http(200, "text/html", "<p>b</p>"));
  const std::vector<WarcPage> pages = ReadAll(Write("big.warc", warc));
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_EQ(pages[0].skipped, "too-large");
  EXPECT_EQ(pages[1].content, "<p>b</p>");
}

TEST_F(WarcReaderTest, GarbageBetweenRecordsIsReportedAndSkipped) {
  std::string warc = Record("response", "http://a/", "<urn:uuid:a>",
                            Http(200, "text/html", "<p>a</p>"));
  warc +=
      "garbage that is no record\r\n" + std::string(200 << 10, 'g') + "\r\n";
  warc += Record("response", "http://b/", "<urn:uuid:b>",
                 Http(200, "text/html", "<p>b</p>"));
  const std::vector<WarcPage> pages = ReadAll(Write("garbage.warc", warc));
  ASSERT_EQ(pages.size(), 3u);
  EXPECT_EQ(pages[0].content, "<p>a</p>");
  EXPECT_EQ(pages[1].error.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(pages[2].content, "<p>b</p>");
}

TEST(WarcHttpTest, AGzipBodyIsInflatedNoFurtherThanTheLimit) {
  // 64 KB of gzip inflating to 64 MB, against a limit of 1 MB.
  const std::string bomb = GzipMember(std::string(64 << 20, 'a'));
  ASSERT_LT(bomb.size(), 1u << 20);
  WarcPage page;
  WarcReader::ParseHttpResponse(
      Http(200, "text/html", bomb, "Content-Encoding: gzip\r\n"), 1 << 20,
      &page);
  EXPECT_EQ(page.error.code(), absl::StatusCode::kResourceExhausted)
      << page.error;
  EXPECT_EQ(page.content.capacity() < (2u << 20), true);
  page = WarcPage();
  WarcReader::ParseHttpResponse(
      Http(200, "text/html", GzipMember("<p>small</p>"),
           "Content-Encoding: gzip\r\n"),
      1 << 20, &page);
  EXPECT_TRUE(page.error.ok()) << page.error;
  EXPECT_EQ(page.content, "<p>small</p>");
}

TEST(WarcHttpTest, BareLineFeedsAndBrokenHeads) {
  WarcPage page;
  WarcReader::ParseHttpResponse(
      "HTTP/1.0 200 OK\nContent-Type: text/html\n\n<p>a</p>\n\nmore", 1 << 20,
      &page);
  EXPECT_EQ(page.skipped, "");
  EXPECT_EQ(page.content, "<p>a</p>\n\nmore");
  page = WarcPage();
  WarcReader::ParseHttpResponse("<html>no status line</html>", 1 << 20, &page);
  EXPECT_EQ(page.skipped, "no-http-status");
  page = WarcPage();
  WarcReader::ParseHttpResponse(
      "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n", 1 << 20, &page);
  EXPECT_EQ(page.skipped, "no-http-headers");  // the head never ends
}

}  // namespace
}  // namespace declutter::client
