// The API's messages in protobuf's proto3 JSON mapping (lowerCamelCase names,
// bytes as base64, enums by name, Timestamps in RFC 3339), printed and parsed
// by protobuf's own JSON library: what the HTTP/JSON port answers and reads,
// with the print options of the CLI's --format json, so scripts read the same
// keys from both.
//
// Pure functions; thread-safe.

#ifndef DECLUTTER_SERVICE_API_PROTO_JSON_H_
#define DECLUTTER_SERVICE_API_PROTO_JSON_H_

#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "proto/declutter/v1/declutter.pb.h"

namespace declutter::api {

// `response` as proto3 JSON with every field present, even at its default
// value (so every documented key is there); one line unless `pretty`.
std::string ResponseJson(const v1::CleanResponse& response,
                         bool pretty = false);

// Parses proto3 JSON into `*request` (cleared first). INVALID_ARGUMENT with
// protobuf's reason (an unknown field, a wrong type, bad base64 or a bad
// timestamp) when `json` is not a CleanRequest.
absl::Status RequestFromJson(absl::string_view json, v1::CleanRequest* request);

}  // namespace declutter::api

#endif  // DECLUTTER_SERVICE_API_PROTO_JSON_H_
