#include "client/response_printer.h"

#include <google/protobuf/util/json_util.h>

#include <sstream>

#include "gtest/gtest.h"
#include "service/api/request_cleaner.h"

namespace declutter::client {
namespace {

v1::CleanResponse Cleaned() {
  v1::CleanRequest request;
  request.set_id("page.html");
  request.set_content(
      "<html><head><title>Hello</title></head><body><article><p>A paragraph "
      "long enough "
      "to be the article, with commas, and a full "
      "stop.</p></article></body></html>");
  v1::CleanResponse response;
  EXPECT_TRUE(api::RequestCleaner::Clean(request, &response).ok());
  return response;
}

TEST(ResponsePrinterTest, JsonlIsOneParsableLineWithContractNames) {
  std::ostringstream out;
  ResponsePrinter printer(PrintFormat::kJsonl, out);
  printer.Print(Cleaned());
  const std::string line = out.str();
  ASSERT_EQ(std::count(line.begin(), line.end(), '\n'), 1);
  for (const char* key :
       {"\"id\":\"page.html\"", "\"article\":", "\"title\":\"Hello\"",
        "\"text\":", "\"authors\":", "\"published\":", "\"language\":",
        "\"source\":", "\"siteName\":", "\"removed\":", "\"pageType\":",
        "\"pageTypeProbability\":", "\"extractionConfidence\":"}) {
    EXPECT_NE(line.find(key), std::string::npos) << key;
  }
  v1::CleanResponse parsed;
  EXPECT_TRUE(google::protobuf::util::JsonStringToMessage(line, &parsed).ok());
  EXPECT_EQ(parsed.article().title(), "Hello");
}

TEST(ResponsePrinterTest, ErrorsPrintWithTheirCode) {
  v1::CleanResponse response;
  response.set_id("x");
  api::RequestCleaner::SetError(absl::InvalidArgumentError("content is empty"),
                                &response);
  std::ostringstream out;
  ResponsePrinter printer(PrintFormat::kJsonl, out);
  printer.Print(response);
  EXPECT_NE(
      out.str().find("\"error\":{\"code\":3,\"message\":\"content is empty\""),
      std::string::npos)
      << out.str();
}

TEST(ResponsePrinterTest, TextShowsTitleAndBody) {
  std::ostringstream out;
  ResponsePrinter printer(PrintFormat::kText, out);
  printer.Print(Cleaned());
  EXPECT_NE(out.str().find("# Hello\n"), std::string::npos);
  EXPECT_NE(out.str().find("A paragraph long enough"), std::string::npos);
}

TEST(ResponsePrinterTest, TextNamesPageTypeAndRemovedKindsInWords) {
  v1::CleanResponse response = Cleaned();
  response.set_page_type(v1::PAGE_TYPE_FORUM);
  response.set_page_type_probability(0.75f);
  response.set_extraction_confidence(0.5f);
  v1::RemovedBlock* removed = response.add_removed();
  removed->set_kind(v1::REMOVED_KIND_NAVIGATION);
  removed->set_text("Home");
  removed->set_reason("link-dense");
  std::ostringstream out;
  ResponsePrinter printer(PrintFormat::kText, out);
  printer.Print(response);
  EXPECT_NE(out.str().find("[forum page (0.75), extraction confidence 0.50]"),
            std::string::npos)
      << out.str();
  EXPECT_NE(out.str().find("[removed navigation] Home  (link-dense)"),
            std::string::npos)
      << out.str();
  EXPECT_EQ(out.str().find("REMOVED_KIND"), std::string::npos) << out.str();
}

}  // namespace
}  // namespace declutter::client
