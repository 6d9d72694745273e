// The CleanRequest a `POST /v1/clean` on the HTTP/JSON port describes, in one
// of two forms:
//
//   - the page itself as the body, its Content-Type the page's (charset
//     included), and the other fields as query parameters: `url`, `id`,
//     `input_kind` (auto, html, text), `output_format` (text, markdown, html),
//     `report_removed` (true, false, 1, 0) and `fetch_time` (RFC 3339, e.g.
//     2024-05-01T08:00:00Z). An unknown parameter, one given twice or a bad
//     value is INVALID_ARGUMENT naming it and what was expected;
//   - Content-Type application/json: a CleanRequest in proto3 JSON (`content`
//     in base64), parsed by protobuf's own parser (api::RequestFromJson); query
//     parameters are refused there, the body carries every field.
//
// Also the largest body each form may have. Pure functions; thread-safe.

#ifndef DECLUTTER_SERVICE_SERVER_HTTP_CLEAN_REQUEST_H_
#define DECLUTTER_SERVICE_SERVER_HTTP_CLEAN_REQUEST_H_

#include <cstddef>
#include <map>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "proto/declutter/v1/declutter.pb.h"

namespace declutter::server {

// Query parameters as httplib gives them (httplib::Params).
using QueryParams = std::multimap<std::string, std::string>;

// True when `content_type` is application/json (any parameters, any case).
bool IsJsonContentType(absl::string_view content_type);

// The largest body of a request of `content_type` for pages of at most
// `max_page_bytes`: the page itself, or for JSON its base64 (4 bytes for each
// 3, rounded up) plus kJsonFieldsBytes for the other fields and the syntax.
size_t MaxBodyBytes(absl::string_view content_type, size_t max_page_bytes);

// Room for a JSON request's fields other than `content`: the id, the URL, the
// content type, the options and the fetch time, generously (a URL is rarely
// over 8 KiB).
inline constexpr size_t kJsonFieldsBytes = 64 << 10;

// The request `body` (moved in) of `content_type` with `params` describes.
absl::StatusOr<v1::CleanRequest> CleanRequestFromHttp(
    absl::string_view content_type, const QueryParams& params,
    std::string body);

}  // namespace declutter::server

#endif  // DECLUTTER_SERVICE_SERVER_HTTP_CLEAN_REQUEST_H_
