#include "service/server/http_clean_request.h"

#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "absl/time/time.h"
#include "service/api/proto_json.h"
#include "service/api/proto_labels.h"
namespace declutter::server {
namespace {

// The query parameters of the page form, in the order error messages list
// them.
constexpr const char* kParams[] = {
    "url", "id", "input_kind", "output_format", "report_removed", "fetch_time"};

absl::Status BadValue(absl::string_view name, absl::string_view value,
                      absl::string_view expected) {
  return absl::InvalidArgumentError(
      absl::StrCat("query parameter ", name, "='", value.substr(0, 100),
                   "' is not valid: expected ", expected));
}

absl::Status SetParam(const std::string& name, const std::string& value,
                      v1::CleanRequest* request) {
  if (name == "url") {
    request->set_url(value);
  } else if (name == "id") {
    request->set_id(value);
  } else if (name == "input_kind") {
    v1::InputKind kind;
    if (!api::ParseInputKind(value, &kind))
      return BadValue(name, value, api::kInputKindChoices);
    request->set_input_kind(kind);
  } else if (name == "output_format") {
    v1::OutputFormat format;
    if (!api::ParseOutputFormat(value, &format))
      return BadValue(name, value, api::kOutputFormatChoices);
    request->mutable_options()->set_output_format(format);
  } else if (name == "report_removed") {
    if (value == "true" || value == "1") {
      request->mutable_options()->set_report_removed(true);
    } else if (value == "false" || value == "0") {
      request->mutable_options()->set_report_removed(false);
    } else {
      return BadValue(name, value, "true, false, 1 or 0");
    }
  } else if (name == "fetch_time") {
    absl::Time time;
    std::string error;
    if (!absl::ParseTime(absl::RFC3339_full, value, &time, &error)) {
      return BadValue(name, value,
                      "an RFC 3339 time such as 2024-05-01T08:00:00Z");
    }
    const absl::Duration since_epoch = time - absl::UnixEpoch();
    const int64_t seconds = absl::ToInt64Seconds(since_epoch);
    request->mutable_fetch_time()->set_seconds(seconds);
    request->mutable_fetch_time()->set_nanos(static_cast<int32_t>(
        absl::ToInt64Nanoseconds(since_epoch - absl::Seconds(seconds))));
  } else {
    return absl::InvalidArgumentError(
        absl::StrCat("unknown query parameter '", name.substr(0, 100),
                     "': expected one of ", absl::StrJoin(kParams, ", ")));
  }
  return absl::OkStatus();
}

}  // namespace

bool IsJsonContentType(absl::string_view content_type) {
  absl::string_view type = content_type.substr(0, content_type.find(';'));
  type = absl::StripAsciiWhitespace(type);
  return absl::EqualsIgnoreCase(type, "application/json");
}

size_t MaxBodyBytes(absl::string_view content_type, size_t max_page_bytes) {
  if (!IsJsonContentType(content_type)) return max_page_bytes;
  return (max_page_bytes + 2) / 3 * 4 + kJsonFieldsBytes;
}

absl::StatusOr<v1::CleanRequest> CleanRequestFromHttp(
    absl::string_view content_type, const QueryParams& params,
    std::string body) {
  v1::CleanRequest request;
  if (IsJsonContentType(content_type)) {
    if (!params.empty()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "query parameter '", params.begin()->first.substr(0, 100),
          "' given with a JSON body: the JSON form carries every field in "
          "the body"));
    }
    if (absl::Status s = api::RequestFromJson(body, &request); !s.ok()) {
      return s;
    }
    return request;
  }
  for (auto it = params.begin(); it != params.end(); ++it) {
    if (params.count(it->first) > 1) {
      return absl::InvalidArgumentError(
          absl::StrCat("query parameter '", it->first.substr(0, 100),
                       "' given more than once: expected it once"));
    }
    if (absl::Status s = SetParam(it->first, it->second, &request); !s.ok()) {
      return s;
    }
  }
  request.set_content_type(std::string(content_type));
  request.set_content(std::move(body));
  return request;
}

}  // namespace declutter::server
