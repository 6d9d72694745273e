#include "service/api/proto_json.h"

#include <nlohmann/json.hpp>

#include "gtest/gtest.h"

namespace declutter::api {
namespace {

TEST(ProtoJsonTest, ResponseHasEveryFieldInCamelCase) {
  v1::CleanResponse response;
  response.set_id("p1");
  response.mutable_article()->set_title("Title");
  response.mutable_article()->set_site_name("Site");
  const nlohmann::json json = nlohmann::json::parse(ResponseJson(response));
  EXPECT_EQ(json["id"], "p1");
  EXPECT_EQ(json["article"]["title"], "Title");
  EXPECT_EQ(json["article"]["siteName"], "Site");
  // Fields at their defaults are there too.
  EXPECT_EQ(json["article"]["wordCount"], 0);
  EXPECT_EQ(json["article"]["text"], "");
  EXPECT_EQ(ResponseJson(response).find('\n'), std::string::npos);
  EXPECT_NE(ResponseJson(response, /*pretty=*/true).find('\n'),
            std::string::npos);
}

TEST(ProtoJsonTest, RequestRoundTripsThroughProtobufsParser) {
  v1::CleanRequest request;
  ASSERT_TRUE(RequestFromJson(R"({"content": "aGk=", "url": "u",
                                  "inputKind": "INPUT_KIND_TEXT"})",
                              &request)
                  .ok());
  EXPECT_EQ(request.content(), "hi");
  EXPECT_EQ(request.url(), "u");
  EXPECT_EQ(request.input_kind(), v1::INPUT_KIND_TEXT);
  const absl::Status unknown =
      RequestFromJson(R"({"conten": "aGk="})", &request);
  EXPECT_EQ(unknown.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(unknown.message().find("conten"), std::string::npos)
      << unknown.message();
  EXPECT_FALSE(RequestFromJson(R"({"fetchTime": "noon"})", &request).ok());
}

}  // namespace
}  // namespace declutter::api
