#include "service/server/http_clean_request.h"

#include <string>

#include "gtest/gtest.h"

namespace declutter::server {
namespace {

TEST(HttpCleanRequestTest, QueryParametersFillTheRequest) {
  const QueryParams params = {{"url", "https://example.com/a?b=1"},
                              {"id", "page-7"},
                              {"input_kind", "html"},
                              {"output_format", "markdown"},
                              {"report_removed", "true"},
                              {"fetch_time", "2024-05-01T08:00:00.5+02:00"}};
  absl::StatusOr<v1::CleanRequest> request = CleanRequestFromHttp(
      "text/html; charset=gbk", params, std::string("<p>x</p>"));
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->url(), "https://example.com/a?b=1");
  EXPECT_EQ(request->id(), "page-7");
  EXPECT_EQ(request->input_kind(), v1::INPUT_KIND_HTML);
  EXPECT_EQ(request->options().output_format(), v1::OUTPUT_FORMAT_MARKDOWN);
  EXPECT_TRUE(request->options().report_removed());
  EXPECT_EQ(request->fetch_time().seconds(), 1714543200);  // 06:00 UTC
  EXPECT_EQ(request->fetch_time().nanos(), 500000000);
  EXPECT_EQ(request->content_type(), "text/html; charset=gbk");
  EXPECT_EQ(request->content(), "<p>x</p>");
}

TEST(HttpCleanRequestTest, NoParametersLeaveTheDefaults) {
  absl::StatusOr<v1::CleanRequest> request =
      CleanRequestFromHttp("", {}, std::string("page"));
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->input_kind(), v1::INPUT_KIND_AUTO);
  EXPECT_FALSE(request->has_fetch_time());
  EXPECT_FALSE(request->options().report_removed());
  EXPECT_EQ(request->content(), "page");
}

TEST(HttpCleanRequestTest, BadParametersAreNamed) {
  struct Case {
    QueryParams params;
    std::string expected;  // part of the message
  };
  const Case cases[] = {
      {{{"colour", "red"}}, "unknown query parameter 'colour'"},
      {{{"input_kind", "pdf"}},
       "input_kind='pdf' is not valid: expected auto, "
       "html or text"},
      {{{"output_format", "TEXT"}}, "output_format='TEXT'"},
      {{{"report_removed", "yes"}}, "report_removed='yes'"},
      {{{"fetch_time", "yesterday"}}, "fetch_time='yesterday'"},
      {{{"fetch_time", "2024-05-01"}}, "an RFC 3339 time"},
      {{{"url", "a"}, {"url", "b"}}, "'url' given more than once"},
  };
  for (const Case& c : cases) {
    absl::StatusOr<v1::CleanRequest> request =
        CleanRequestFromHttp("text/html", c.params, "page");
    ASSERT_FALSE(request.ok()) << c.expected;
    EXPECT_EQ(request.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_NE(request.status().message().find(c.expected), std::string::npos)
        << request.status().message();
  }
}

TEST(HttpCleanRequestTest, JsonBodyIsACleanRequest) {
  absl::StatusOr<v1::CleanRequest> request = CleanRequestFromHttp(
      "Application/JSON; charset=utf-8", {},
      R"({"id": "j1", "content": "PHA+aGk8L3A+", "contentType": "text/html",
          "options": {"outputFormat": "OUTPUT_FORMAT_HTML"},
          "fetchTime": "2024-05-01T06:00:00Z"})");
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->id(), "j1");
  EXPECT_EQ(request->content(), "<p>hi</p>");
  EXPECT_EQ(request->content_type(), "text/html");
  EXPECT_EQ(request->options().output_format(), v1::OUTPUT_FORMAT_HTML);
  EXPECT_EQ(request->fetch_time().seconds(), 1714543200);
}

TEST(HttpCleanRequestTest, BadJsonIsInvalidArgument) {
  for (const char* body :
       {"{", R"({"contnt": "eA=="})", R"({"content": 7})", "[]", ""}) {
    absl::StatusOr<v1::CleanRequest> request =
        CleanRequestFromHttp("application/json", {}, body);
    ASSERT_FALSE(request.ok()) << body;
    EXPECT_EQ(request.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_NE(request.status().message().find("proto3 JSON"),
              std::string::npos);
  }
  // The JSON form carries its fields in the body.
  absl::StatusOr<v1::CleanRequest> request = CleanRequestFromHttp(
      "application/json", {{"url", "x"}}, R"({"content": "eA=="})");
  EXPECT_EQ(request.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(request.status().message().find("'url'"), std::string::npos);
}

TEST(HttpCleanRequestTest, JsonContentTypes) {
  EXPECT_TRUE(IsJsonContentType("application/json"));
  EXPECT_TRUE(IsJsonContentType(" application/JSON ; charset=utf-8"));
  EXPECT_FALSE(IsJsonContentType("text/html"));
  EXPECT_FALSE(IsJsonContentType("application/json-seq"));
  EXPECT_FALSE(IsJsonContentType(""));
}

TEST(HttpCleanRequestTest, BodyBoundsAllowTheBase64OfAFullPage) {
  EXPECT_EQ(MaxBodyBytes("text/html", 1000), 1000u);
  // 1000 bytes are 1336 in base64 (334 groups of 4).
  EXPECT_EQ(MaxBodyBytes("application/json", 1000), 1336u + kJsonFieldsBytes);
  EXPECT_EQ(MaxBodyBytes("application/json", 999), 1332u + kJsonFieldsBytes);
}

}  // namespace
}  // namespace declutter::server
