#include "client/page_source.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace declutter::client {
namespace {

namespace fs = std::filesystem;

std::vector<SourcePage> ReadAll(const std::string& path, size_t max_bytes) {
  auto source = PageSource::Open({path}, max_bytes);
  EXPECT_TRUE(source.ok()) << source.status();
  std::vector<SourcePage> pages;
  SourcePage page;
  while ((*source)->Next(&page)) pages.push_back(page);
  return pages;
}

TEST(PageSourceTest, JsonlLinesAreEachReportedForWhatIsWrong) {
  const std::string path = (fs::path(::testing::TempDir()) /
                            ("lines_" + std::to_string(::getpid()) + ".jsonl"))
                               .string();
  std::ofstream(path, std::ios::binary)
      << "{\"id\":\"a\",\"html\":\"<p>a</p>\"}\n"
      << "{\"id\":\"latin\",\"html\":\"caf\xE9\"}\n"          // not UTF-8
      << "[1, 2]\n"                                           // not an object
      << "{\"id\":\"a\",\"html\":\"<p>again</p>\"}\n"         // a repeated id
      << "{\"html\":\"" << std::string(5000, 'x') << "\"}\n"  // over the line
      << "{\"html\":\"" << std::string(1500, 'y') << "\"}\n"  // over the page
      << "{\"id\":\"b\",\"url\":\"http://b/\",\"html\":\"<p>b</p>\"}\n";
  const std::vector<SourcePage> pages = ReadAll(path, 1024);
  ASSERT_EQ(pages.size(), 7u);
  EXPECT_EQ(pages[0].id, "a");
  EXPECT_TRUE(pages[0].error.ok());
  EXPECT_EQ(pages[1].error.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(pages[1].error.message().find("is not UTF-8 (byte 25 is 0xE9)"),
            std::string::npos)
      << pages[1].error;
  EXPECT_NE(pages[2].error.message().find("not a JSON object"),
            std::string::npos)
      << pages[2].error;
  EXPECT_EQ(pages[3].id, path + ":4");
  EXPECT_EQ(pages[3].error.code(), absl::StatusCode::kAlreadyExists);
  EXPECT_EQ(pages[4].error.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(pages[5].error.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(pages[5].content, "");
  EXPECT_EQ(pages[6].id, "b");
  EXPECT_EQ(pages[6].content, "<p>b</p>");
  fs::remove(path);
}

TEST(PageSourceTest, RequestsAreValidUtf8) {
  SourcePage page;
  page.id = "id-\xFF";
  page.url = "http://a.example/caf\xE9";
  page.content_type = "text/html; charset=\xE9";
  page.content = "caf\xE9";
  const v1::CleanRequest request = RequestOf(page);
  EXPECT_EQ(request.url(), "http://a.example/caf%E9");
  EXPECT_EQ(request.id(), "id-\xEF\xBF\xBD");
  EXPECT_EQ(request.content_type(), "text/html; charset=\xEF\xBF\xBD");
  EXPECT_EQ(request.content(), "caf\xE9");  // bytes, sent as they are
}

}  // namespace
}  // namespace declutter::client
