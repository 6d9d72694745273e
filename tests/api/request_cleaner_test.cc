#include "service/api/request_cleaner.h"

#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "gtest/gtest.h"

namespace declutter::api {
namespace {

TEST(RequestCleanerTest, FillsTheResponse) {
  v1::CleanRequest request;
  request.set_id("42");
  request.set_content_type("text/plain; charset=utf-8");
  request.set_content(
      "首页 > 正文\n"
      "会议指出，要围绕总体目标，重点聚焦十项工作，推动全市卫生健康体育事业行稳致远，走在全省前列。\n"
      "Copyright © 2012 Example,All Rights Reserved\n");
  request.mutable_options()->set_report_removed(true);
  request.mutable_options()->set_output_format(v1::OUTPUT_FORMAT_MARKDOWN);
  v1::CleanResponse response;
  ASSERT_TRUE(RequestCleaner::Clean(request, &response).ok());
  EXPECT_EQ(response.id(), "42");
  EXPECT_NE(response.article().text().find("会议指出"), std::string::npos);
  EXPECT_EQ(response.article().language(), "zh-Hans");
  EXPECT_EQ(response.input().kind(), v1::INPUT_KIND_TEXT);
  EXPECT_EQ(response.input().charset(), "UTF-8");
  EXPECT_EQ(response.input().bytes(), static_cast<int64_t>(request.content().size()));
  bool copyright = false;
  for (const v1::RemovedBlock& r : response.removed()) {
    copyright |= r.kind() == v1::REMOVED_KIND_COPYRIGHT && !r.reason().empty();
  }
  EXPECT_TRUE(copyright);
  EXPECT_GT(response.timings().total_us(), 0);
}

TEST(RequestCleanerTest, ReportsHowTheBytesWereDecoded) {
  v1::CleanRequest request;
  // A UTF-8 label on GBK bytes ("中文网页的内容。" x 8), and a windows-1252 apostrophe
  // that was read as Latin-1 somewhere upstream.
  std::string gbk;
  for (int i = 0; i < 8; ++i) {
    gbk += "\xD6\xD0\xCE\xC4\xCD\xF8\xD2\xB3\xB5\xC4\xC4\xDA\xC8\xDD\xA1\xA3";
  }
  request.set_content_type("text/plain; charset=utf-8");
  request.set_content(gbk);
  v1::CleanResponse response;
  ASSERT_TRUE(RequestCleaner::Clean(request, &response).ok());
  EXPECT_EQ(response.input().charset_source(), "bytes-over-content-type");
  EXPECT_EQ(response.input().replacement_count(), 0);
  EXPECT_NE(response.article().text().find("中文网页的内容"), std::string::npos);

  request.set_content("It was the storm\xC2\x92s second landfall this week, officials said.");
  ASSERT_TRUE(RequestCleaner::Clean(request, &response).ok());
  EXPECT_EQ(response.input().mojibake_repairs(), 1);
  EXPECT_NE(response.article().text().find("storm’s"), std::string::npos);
}

TEST(RequestCleanerTest, FetchTimeBoundsDatesAndSourcesAreReported) {
  v1::CleanRequest request;
  request.set_content_type("text/html; charset=utf-8");
  request.set_url("https://example.com/news/2099/01/02/storm");
  request.set_content(
      "<html><head><title>Storm hits the coast - Example</title>"
      "<meta property=\"article:published_time\" content=\"2099-01-01T08:00:00Z\">"
      "</head><body><h1>Storm hits the coast</h1><p>Posted 2 days ago</p>"
      "<p>A storm hit the coast last night, and the town woke to flooded streets and "
      "fallen trees across every road out of the harbour.</p></body></html>");
  request.mutable_fetch_time()->set_seconds(1679040000);  // 2023-03-17T08:00:00Z
  v1::CleanResponse response;
  ASSERT_TRUE(RequestCleaner::Clean(request, &response).ok());
  // The meta date and the URL's date lie after the fetch; the relative dateline does not.
  EXPECT_EQ(response.article().published(), "2023-03-15");
  EXPECT_EQ(response.article().sources().published(), "text");
  EXPECT_EQ(response.article().title(), "Storm hits the coast");
  EXPECT_EQ(response.article().sources().title(), "h1");

  // Unset: the time of the request, so the 2099 date is still in the future.
  request.clear_fetch_time();
  ASSERT_TRUE(RequestCleaner::Clean(request, &response).ok());
  EXPECT_NE(response.article().published().substr(0, 4), "2099");
}

TEST(RequestCleanerTest, ErrorsComeBackAsStatusAndItemError) {
  v1::CleanRequest request;
  request.set_id("empty");
  v1::CleanResponse response;
  absl::Status s = RequestCleaner::Clean(request, &response);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  RequestCleaner::SetError(s, &response);
  EXPECT_EQ(response.id(), "empty");
  EXPECT_EQ(response.error().code(), 3);
  EXPECT_FALSE(response.has_article());
}

TEST(RequestCleanerTest, APageBudgetStopsTheEngineWithDeadlineExceeded) {
  v1::CleanRequest request;
  request.set_id("slow");
  request.set_content_type("text/html; charset=utf-8");
  request.set_content(
      "<html><body><article><p>A page with enough words in it to be an "
      "article.</p></article></body></html>");
  v1::CleanResponse response;
  // A budget already spent: the engine stops before its first stage.
  extract::WorkBudget spent = PageBudget(absl::ZeroDuration());
  absl::Status s = RequestCleaner::Clean(request, &response, &spent);
  EXPECT_EQ(s.code(), absl::StatusCode::kDeadlineExceeded) << s;
  EXPECT_NE(s.message().find("time ran out"), std::string::npos) << s;
  EXPECT_EQ(response.id(), "slow");

  // The caller's deadline counts when it is sooner than the time limit.
  extract::WorkBudget past_deadline =
      PageBudget(absl::Hours(1), absl::Now() - absl::Seconds(1));
  EXPECT_EQ(RequestCleaner::Clean(request, &response, &past_deadline).code(),
            absl::StatusCode::kDeadlineExceeded);

  extract::WorkBudget cancelled =
      PageBudget(absl::Hours(1), absl::InfiniteFuture(), [] { return true; });
  EXPECT_EQ(RequestCleaner::Clean(request, &response, &cancelled).code(),
            absl::StatusCode::kCancelled);

  extract::WorkBudget ample = PageBudget(absl::Hours(1));
  EXPECT_TRUE(RequestCleaner::Clean(request, &response, &ample).ok());
}

}  // namespace
}  // namespace declutter::api
