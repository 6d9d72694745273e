// The HTTP/JSON port (--http_listen): `POST /v1/clean` beside the gRPC API,
// through the same PageCalls, so the same engine, size limit, overload
// refusals, per-page budget, metrics (method "HttpClean") and page log lines
// apply. The request's two forms are http_clean_request.h's; the answer is
// the CleanResponse in proto3 JSON (api::ResponseJson), and an error is
// http_error.h's status and {"code", "message"} body (429 with Retry-After).
//
// Bodies are bounded before they are read whole: a Content-Length over the
// bound is answered 413 unread, and a chunked (or unsized) body is read
// through a counter that stops at the bound. The port is a BoundedHttpServer
// (exchange deadlines, bounded threads and connections), TLS when given a
// context. A page's deadline is its exchange's.
//
// Drain() makes new requests 503 (their connections closed) while those in
// flight go on; WaitIdle() waits for them. Destroying the server stops it.
// Thread-safe. `pages` and `tls` must outlive the server.

#ifndef DECLUTTER_SERVICE_SERVER_HTTP_API_H_
#define DECLUTTER_SERVICE_SERVER_HTTP_API_H_

#include <httplib.h>
#include <openssl/ssl.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "service/server/bounded_http_server.h"
#include "service/server/page_calls.h"

namespace declutter::server {

class HttpApiServer {
 public:
  // The limits of the API port for `pages`' limits and a pool of `workers`
  // threads and `queue` places: threads for every page the pool can take and
  // as many slow uploaders again (at least 16); an exchange may take a slow
  // upload of a whole page (60 s) plus twice the page budget.
  static HttpLimits Limits(const ServiceLimits& pages, int workers,
                           size_t queue);

  // Serves on `address` (host:port; port 0 picks one), TLS when `tls` is not
  // null. INVALID_ARGUMENT for a bad address, UNAVAILABLE when it cannot be
  // bound.
  static absl::StatusOr<std::unique_ptr<HttpApiServer>> Start(
      const std::string& address, PageCalls* pages, SSL_CTX* tls,
      HttpLimits limits);
  ~HttpApiServer();
  HttpApiServer(const HttpApiServer&) = delete;
  HttpApiServer& operator=(const HttpApiServer&) = delete;

  int port() const { return port_; }

  // From now on every new request is answered 503 UNAVAILABLE.
  void Drain();
  // Waits until no request is being read, cleaned or answered, or
  // `deadline`; true when none is.
  bool WaitIdle(absl::Time deadline);

  // The metric and log method of this port's pages.
  static constexpr char kMethod[] = "HttpClean";

 private:
  HttpApiServer(PageCalls* pages, SSL_CTX* tls, HttpLimits limits);

  void Clean(const httplib::Request& request, httplib::Response& response,
             const httplib::ContentReader& reader);
  // Answers `status` (not OK) as JSON, and records it as a page of this port.
  void Refuse(const httplib::Request& request, absl::Time start,
              const absl::Status& status, int http_status,
              httplib::Response& response);

  PageCalls* const pages_;
  std::atomic<bool> draining_{false};
  std::atomic<bool> stopping_{false};
  int port_ = 0;
  BoundedHttpServer http_;  // last: stopped first, while the rest is alive
};

}  // namespace declutter::server

#endif  // DECLUTTER_SERVICE_SERVER_HTTP_API_H_
