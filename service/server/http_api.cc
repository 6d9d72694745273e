#include "service/server/http_api.h"

#include <algorithm>
#include <memory>
#include <utility>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "service/api/proto_json.h"
#include "service/server/http_clean_request.h"
#include "service/server/http_error.h"

namespace declutter::server {
namespace {

constexpr char kPath[] = "/v1/clean";
constexpr char kJsonType[] = "application/json";

// The gRPC code a refusal made from the headers stands for.
absl::StatusCode RefusalCode(int http_status) {
  switch (http_status) {
    case 404:
      return absl::StatusCode::kNotFound;
    case 405:
      return absl::StatusCode::kUnimplemented;
    default:
      return absl::StatusCode::kInvalidArgument;  // 413, as a page too large
  }
}

// Has the connection closed once `response` is written: the request's body
// was not read to its end (or the server is draining).
void CloseAfter(httplib::Response& response) {
  BoundedHttpServer::CloseAfterAnswer();
  response.set_header("Connection", "close");
}

}  // namespace

HttpLimits HttpApiServer::Limits(const ServiceLimits& pages, int workers,
                                 size_t queue) {
  HttpLimits limits;
  limits.threads = std::max<int>(16, 2 * (workers + static_cast<int>(queue)));
  limits.max_waiting_connections = 64;
  limits.exchange_time = absl::Seconds(60) + 2 * pages.page_budget;
  limits.keep_alive_idle = absl::Seconds(15);
  limits.connection_time = absl::Minutes(10);
  limits.max_requests_per_connection = 1000;
  // The larger of the two forms' bounds; each form's own is applied per
  // request (MaxBodyBytes).
  limits.max_body_bytes = MaxBodyBytes(kJsonType, pages.max_page_bytes);
  return limits;
}

HttpApiServer::HttpApiServer(PageCalls* pages, SSL_CTX* tls, HttpLimits limits)
    : pages_(pages),
      http_(
          limits, {{kPath, {"POST"}}}, tls,
          [](absl::string_view message, httplib::Response* response) {
            response->set_content(
                ErrorJson(absl::Status(RefusalCode(response->status), message)),
                kJsonType);
          }) {}

absl::StatusOr<std::unique_ptr<HttpApiServer>> HttpApiServer::Start(
    const std::string& address, PageCalls* pages, SSL_CTX* tls,
    HttpLimits limits) {
  auto server =
      std::unique_ptr<HttpApiServer>(new HttpApiServer(pages, tls, limits));
  HttpApiServer* self = server.get();
  server->http_.Post(kPath, [self](const httplib::Request& request,
                                   httplib::Response& response,
                                   const httplib::ContentReader& reader) {
    self->Clean(request, response, reader);
  });
  absl::StatusOr<int> port = server->http_.Start(address);
  if (!port.ok()) return port.status();
  server->port_ = *port;
  return server;
}

HttpApiServer::~HttpApiServer() {
  stopping_ = true;  // pages still running stop at their next check
  http_.Stop();
}

void HttpApiServer::Drain() { draining_ = true; }

bool HttpApiServer::WaitIdle(absl::Time deadline) {
  return http_.WaitIdle(deadline);
}

void HttpApiServer::Refuse(const httplib::Request& request, absl::Time start,
                           const absl::Status& status, int http_status,
                           httplib::Response& response) {
  const v1::CleanRequest none;
  pages_->Record(
      kMethod,
      pages_->RequestId(none, request.get_header_value("X-Request-Id")), start,
      status, none, nullptr);
  response.status = http_status;
  response.set_content(ErrorJson(status), kJsonType);
}

void HttpApiServer::Clean(const httplib::Request& request,
                          httplib::Response& response,
                          const httplib::ContentReader& reader) {
  const absl::Time start = absl::Now();
  // Every refusal below is made before the body is read to its end: the
  // connection closes after the answer rather than read the rest as a request.
  if (draining_) {
    CloseAfter(response);
    Refuse(request, start,
           absl::UnavailableError("server is shutting down: page not "
                                  "cleaned; send it to another replica"),
           503, response);
    return;
  }
  const std::string content_type = request.get_header_value("Content-Type");
  if (request.is_multipart_form_data()) {
    CloseAfter(response);
    Refuse(request, start,
           absl::InvalidArgumentError(
               "multipart/form-data is not taken: send the page itself as the "
               "body with its own Content-Type, or a CleanRequest as JSON"),
           400, response);
    return;
  }
  const size_t max_page = pages_->limits().max_page_bytes;
  const bool json = IsJsonContentType(content_type);
  const size_t max_body = MaxBodyBytes(content_type, max_page);
  // A body over its bound, of `length` bytes (0: a chunked or unsized body,
  // stopped at the bound). The page form's body is the page: one of known
  // length gets PageCalls' own message, as any page over the limit does.
  const auto too_large = [&](uint64_t length) {
    if (!json && length > 0) return pages_->CheckSize(length);
    const std::string size = length > 0 ? absl::StrCat("is ", length)
                                        : absl::StrCat("passed ", max_body);
    return absl::InvalidArgumentError(
        json
            ? absl::StrCat("request body ", size, " bytes, over the ", max_body,
                           " bytes a JSON request may have (the base64 of a "
                           "page of --max_page_bytes ",
                           max_page, " plus ", kJsonFieldsBytes,
                           " for the other fields): send a smaller page")
            : absl::StrCat("page ", size,
                           " bytes while being read, over the server's "
                           "limit (--max_page_bytes): send a smaller page"));
  };
  const std::string length_header = request.get_header_value("Content-Length");
  uint64_t length = 0;
  if (!length_header.empty() && !absl::SimpleAtoi(length_header, &length)) {
    CloseAfter(response);
    Refuse(request, start,
           absl::InvalidArgumentError(
               absl::StrCat("Content-Length '", length_header.substr(0, 40),
                            "' is not a byte count: expected a number")),
           400, response);
    return;
  }
  if (length > max_body) {
    CloseAfter(response);
    Refuse(request, start, too_large(length), 413, response);
    return;
  }
  std::string body;
  body.reserve(length);  // at most max_body: the length was checked above
  bool over = false;
  const bool read = reader([&](const char* data, size_t size) {
    if (size > max_body - body.size()) {
      over = true;
      return false;  // stops reading: the rest stays unread
    }
    body.append(data, size);
    return true;
  });
  if (over) {
    CloseAfter(response);
    Refuse(request, start, too_large(0), 413, response);
    return;
  }
  if (!read) {
    CloseAfter(response);
    Refuse(request, start,
           absl::InvalidArgumentError(
               "the request body could not be read to its end (a broken "
               "chunked encoding or compression, or the exchange's time ran "
               "out): send it again whole"),
           400, response);
    return;
  }
  absl::StatusOr<v1::CleanRequest> clean =
      CleanRequestFromHttp(content_type, request.params, std::move(body));
  if (!clean.ok()) {
    Refuse(request, start, clean.status(), 400, response);
    return;
  }
  v1::CleanResponse answer;
  PageCall call;
  call.method = kMethod;
  call.request = &*clean;
  call.response = &answer;
  call.fallback_id = request.get_header_value("X-Request-Id");
  // Past the exchange's deadline the connection is cut: nobody would read
  // the answer.
  call.deadline = BoundedHttpServer::ExchangeDeadline();
  call.cancelled = [this] { return stopping_.load(); };
  // Shared with the pool's callback, which may still be returning from
  // Notify() when this thread wakes and leaves.
  struct Ended {
    PageOutcome outcome;
    absl::Notification done;
  };
  auto ended = std::make_shared<Ended>();
  pages_->Clean(std::move(call), [ended](const PageOutcome& outcome) {
    ended->outcome = outcome;
    ended->done.Notify();
  });
  ended->done.WaitForNotification();
  const PageOutcome& outcome = ended->outcome;
  if (outcome.status.ok()) {
    response.status = 200;
    response.set_content(api::ResponseJson(answer), kJsonType);
    return;
  }
  response.status = HttpStatusOf(outcome);
  if (outcome.refusal == Refusal::kOverloaded) {
    response.set_header(
        "Retry-After", absl::StrCat(RetryAfterSeconds(outcome.retry_after_ms)));
  }
  response.set_content(ErrorJson(outcome.status, outcome.retry_after_ms),
                       kJsonType);
}

}  // namespace declutter::server
