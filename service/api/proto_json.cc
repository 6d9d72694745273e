#include "service/api/proto_json.h"

#include <google/protobuf/util/json_util.h>

#include "absl/strings/str_cat.h"

namespace declutter::api {

std::string ResponseJson(const v1::CleanResponse& response, bool pretty) {
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = pretty;
  options.always_print_primitive_fields = true;
  std::string json;
  // Printing a well-formed message cannot fail; "{}" keeps the output JSON if
  // a future protobuf says otherwise.
  if (!google::protobuf::util::MessageToJsonString(response, &json, options)
           .ok()) {
    return "{}";
  }
  return json;
}

absl::Status RequestFromJson(absl::string_view json,
                             v1::CleanRequest* request) {
  request->Clear();
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;  // a misspelt field is an error
  const auto status = google::protobuf::util::JsonStringToMessage(
      google::protobuf::StringPiece(json.data(), json.size()), request,
      options);
  if (!status.ok()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "the body is not a CleanRequest in proto3 JSON (",
        std::string(status.message().data(), status.message().size()),
        "): expected e.g. {\"content\": \"<base64 of the page>\", "
        "\"contentType\": \"text/html\", \"url\": \"...\"}"));
  }
  return absl::OkStatus();
}

}  // namespace declutter::api
